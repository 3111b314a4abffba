import { stringify } from 'yaml';

/** A kubeconfig with one cluster, user and context, all named `name`, current. */
export function kubeconfigFor(url: string, name: string, namespace = 'default'): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: url } }],
    users: [{ name, user: {} }],
    contexts: [{ name, context: { cluster: name, user: name, namespace } }],
    'current-context': name,
    preferences: {},
  });
}
