import { stringify } from 'yaml';

/** A kubeconfig with one cluster, user and context, all named `name`, current. */
export function kubeconfigFor(url: string, name: string, namespace = 'default'): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    // client-node refuses plain http:// servers unless TLS verification is off; kubectl ignores it there.
    clusters: [{ name, cluster: { server: url, 'insecure-skip-tls-verify': true } }],
    users: [{ name, user: {} }],
    contexts: [{ name, context: { cluster: name, user: name, namespace } }],
    'current-context': name,
    preferences: {},
  });
}
