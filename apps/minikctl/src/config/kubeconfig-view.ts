import type { Kubeconfig } from '../client/kubeconfig.js';

const clusterOrder = ['server', 'tls-server-name', 'insecure-skip-tls-verify', 'certificate-authority', 'certificate-authority-data', 'proxy-url', 'disable-compression', 'extensions'];
const userOrder = ['client-certificate', 'client-certificate-data', 'client-key', 'client-key-data', 'token', 'tokenFile', 'as', 'as-uid', 'as-groups', 'as-user-extra', 'username', 'password', 'auth-provider', 'exec', 'extensions'];
const contextOrder = ['cluster', 'user', 'namespace', 'extensions'];

function ordered(value: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (value[key] !== undefined && value[key] !== '' && value[key] !== false) out[key] = value[key];
  for (const [key, v] of Object.entries(value)) if (!(key in out) && !order.includes(key) && v !== undefined) out[key] = v;
  return out;
}

const byName = <T extends { name: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** Options of `config view`. */
export interface ViewOptions {
  minify: boolean;
  raw: boolean;
  flatten: boolean;
  /** With --minify: the context to keep (current when undefined). */
  context?: string;
}

/**
 * The merged kubeconfig as `kubectl config view` shows it: entries sorted by name, typed field
 * order, and secrets replaced by DATA+OMITTED / REDACTED unless --raw.
 */
export function kubeconfigView(config: Kubeconfig, options: ViewOptions): Record<string, unknown> {
  let clusters = config.clusters;
  let users = config.users;
  let contexts = config.contexts;
  let current = config.currentContext;
  if (options.minify) {
    current = options.context || config.currentContext;
    const context = contexts.find((c) => c.name === current);
    contexts = context ? [context] : [];
    clusters = clusters.filter((c) => c.name === context?.value.cluster);
    users = users.filter((u) => u.name === context?.value.user);
  }
  const redact = (value: Record<string, unknown>, keys: readonly string[], text: string): Record<string, unknown> => {
    if (options.raw) return value;
    const out = { ...value };
    for (const key of keys) if (typeof out[key] === 'string' && out[key] !== '') out[key] = text;
    return out;
  };
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: config.preferences,
    clusters: byName(clusters).map((c) => ({ name: c.name, cluster: ordered(redact(c.value, ['certificate-authority-data'], 'DATA+OMITTED'), clusterOrder) })),
    users: byName(users).map((u) => ({
      name: u.name,
      user: ordered(redact(redact(u.value, ['client-certificate-data', 'client-key-data'], 'DATA+OMITTED'), ['token', 'password'], 'REDACTED'), userOrder),
    })),
    contexts: byName(contexts).map((c) => ({ name: c.name, context: ordered(c.value, contextOrder) })),
    'current-context': current,
  };
}
