/** The Kubernetes version minik reports on `/version` unless configured otherwise. */
export const defaultKubernetesVersion = 'v1.33.1';
