import type { FlagSet } from './flag-set.js';

/**
 * The options every command accepts (`kubectl options`): kubeconfig selection, connection and
 * credentials, namespace, timeouts and log verbosity.
 */
export function addGlobalFlags(flags: FlagSet, homeDir: string): void {
  flags
    .string('as', undefined, '', 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.')
    .stringArray('as-group', undefined, [], 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.')
    .string('as-uid', undefined, '', 'UID to impersonate for the operation.')
    .string('cache-dir', undefined, `${homeDir}/.kube/cache`, 'Default cache directory')
    .string('certificate-authority', undefined, '', 'Path to a cert file for the certificate authority')
    .string('client-certificate', undefined, '', 'Path to a client certificate file for TLS')
    .string('client-key', undefined, '', 'Path to a client key file for TLS')
    .string('cluster', undefined, '', 'The name of the kubeconfig cluster to use')
    .string('context', undefined, '', 'The name of the kubeconfig context to use')
    .bool('disable-compression', undefined, false, 'If true, opt-out of response compression for all requests to the server')
    .bool(
      'insecure-skip-tls-verify',
      undefined,
      false,
      "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
    )
    .string('kubeconfig', undefined, '', 'Path to the kubeconfig file to use for CLI requests.')
    .bool('match-server-version', undefined, false, 'Require server version to match client version')
    .string('namespace', 'n', '', 'If present, the namespace scope for this CLI request')
    .string('password', undefined, '', 'Password for basic authentication to the API server')
    .string(
      'request-timeout',
      undefined,
      '0',
      "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
    )
    .string('server', 's', '', 'The address and port of the Kubernetes API server')
    .string(
      'tls-server-name',
      undefined,
      '',
      'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used',
    )
    .string('token', undefined, '', 'Bearer token for authentication to the API server')
    .string('user', undefined, '', 'The name of the kubeconfig user to use')
    .string('username', undefined, '', 'Username for basic authentication to the API server')
    .int('v', 'v', 0, 'number for the log level verbosity')
    .bool('warnings-as-errors', undefined, false, 'Treat warnings received from the server as errors and exit with a non-zero exit code');
}

/** Names of the global flags, so help can list a command's own options separately. */
export const globalFlagNames: ReadonlySet<string> = new Set([
  'as',
  'as-group',
  'as-uid',
  'cache-dir',
  'certificate-authority',
  'client-certificate',
  'client-key',
  'cluster',
  'context',
  'disable-compression',
  'insecure-skip-tls-verify',
  'kubeconfig',
  'match-server-version',
  'namespace',
  'password',
  'request-timeout',
  'server',
  'tls-server-name',
  'token',
  'user',
  'username',
  'v',
  'warnings-as-errors',
]);
