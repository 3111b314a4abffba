import { readFileSync } from 'node:fs';
import { CliError, PreformattedError } from '../cli/cli-error.js';
import { findNamed, type ExecConfig, type KubeCluster, type Kubeconfig, type KubeUser } from './kubeconfig.js';

/** Command-line overrides of the kubeconfig (kubectl's global flags). */
export interface ConfigOverrides {
  context?: string;
  cluster?: string;
  user?: string;
  server?: string;
  token?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
  username?: string;
  password?: string;
  namespace?: string;
  requestTimeout?: string;
}

/** Everything needed to talk to one API server: address, TLS, credentials, namespace. */
export interface ClientConfig {
  /** Base URL, e.g. `https://127.0.0.1:6443` (may carry a path prefix). */
  server: string;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  insecure: boolean;
  tlsServerName?: string;
  token?: string;
  tokenFile?: string;
  username?: string;
  password?: string;
  exec?: ExecConfig;
  namespace: string;
  /** Whether the namespace came from `-n` (kubectl refuses mismatching `-f` objects then). */
  explicitNamespace: boolean;
  /** 0 = no timeout. */
  timeoutMs: number;
  contextName: string;
  clusterName: string;
  userName: string;
}

/** kubectl's request-timeout parsing: an integer (seconds) or a Go duration. */
export function parseRequestTimeout(text: string | undefined): number {
  if (text === undefined || text === '' || text === '0') return 0;
  if (/^[0-9]+$/.test(text)) return Number(text) * 1000;
  const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(text) ?? /^((?:[0-9]+(?:\.[0-9]+)?(?:ms|s|m|h))+)$/.exec(text);
  if (!m) {
    throw new CliError(
      'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)',
    );
  }
  let total = 0;
  for (const part of text.matchAll(/([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/g)) {
    const n = Number(part[1]);
    total += part[2] === 'ms' ? n : part[2] === 's' ? n * 1000 : part[2] === 'm' ? n * 60_000 : n * 3_600_000;
  }
  return total;
}

function readData(data: string | undefined, file: string | undefined): Buffer | undefined {
  if (data) return Buffer.from(data, 'base64');
  if (file) {
    try {
      return readFileSync(file);
    } catch {
      throw new CliError(`open ${file}: no such file or directory`);
    }
  }
  return undefined;
}

/**
 * Resolves the effective cluster, user and namespace, as client-go's DirectClientConfig: the
 * context from `--context` or `current-context`, its cluster and user (or `--cluster`/`--user`),
 * then the connection flags on top. With nothing configured the server is http://localhost:8080.
 */
export function resolveClientConfig(config: Kubeconfig, overrides: ConfigOverrides): ClientConfig {
  const contextName = overrides.context || config.currentContext;
  const context = contextName ? findNamed(config.contexts, contextName) : undefined;
  if (overrides.context && !context) {
    throw new PreformattedError(`Error in configuration: context was not found for specified context: ${overrides.context}`);
  }
  const clusterName = overrides.cluster || context?.cluster || '';
  const userName = overrides.user || context?.user || '';
  let cluster: KubeCluster | undefined = clusterName ? findNamed(config.clusters, clusterName) : undefined;
  const user: KubeUser | undefined = userName ? findNamed(config.users, userName) : undefined;
  if (overrides.user && !user) throw new CliError(`auth info "${overrides.user}" does not exist`);
  if (!overrides.server) {
    if (overrides.cluster && !cluster) throw new CliError(`no server found for cluster "${overrides.cluster}"`);
    if (context && clusterName && !cluster) {
      throw new PreformattedError(`Error in configuration: \n* context "${contextName}" has a cluster "${clusterName}" that does not exist`);
    }
  }
  cluster ??= {};
  const timeoutMs = parseRequestTimeout(overrides.requestTimeout);
  let server = overrides.server || cluster.server || 'http://localhost:8080';
  // client-go's DefaultServerURL: a bare host gets https:// when TLS settings are present, else http://.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(server)) {
    const tls = Boolean(cluster['certificate-authority'] || cluster['certificate-authority-data'] || overrides.certificateAuthority || cluster['insecure-skip-tls-verify']);
    server = `${tls || server.endsWith(':443') ? 'https' : 'http'}://${server}`;
  }
  const caFile = overrides.certificateAuthority || cluster['certificate-authority'];
  const insecure = overrides.insecureSkipTlsVerify ?? Boolean(cluster['insecure-skip-tls-verify']);
  const namespace = overrides.namespace || context?.namespace || 'default';
  const u: KubeUser = user ?? {};
  const token = overrides.token || u.token;
  return {
    server,
    ca: insecure ? undefined : readData(overrides.certificateAuthority ? undefined : cluster['certificate-authority-data'], caFile),
    cert: readData(overrides.clientCertificate ? undefined : u['client-certificate-data'], overrides.clientCertificate || u['client-certificate']),
    key: readData(overrides.clientKey ? undefined : u['client-key-data'], overrides.clientKey || u['client-key']),
    insecure,
    tlsServerName: overrides.tlsServerName || cluster['tls-server-name'],
    token,
    tokenFile: token ? undefined : u.tokenFile,
    username: overrides.username || u.username,
    password: overrides.password || u.password,
    exec: token || overrides.username ? undefined : u.exec,
    namespace,
    explicitNamespace: Boolean(overrides.namespace),
    timeoutMs,
    contextName,
    clusterName,
    userName,
  };
}
