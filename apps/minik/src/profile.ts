import type { KubeconfigEntry } from './kubeconfig/merge-kubeconfig.js';

/** The name of the cluster and of its kubeconfig context, cluster and user (minikube's "profile"). */
export const profileName = 'minik';

/** The Kubernetes version the simulated cluster reports unless told otherwise. */
export const defaultKubernetesVersion = 'v1.33.1';

/** The cluster, context and user `minik` merges into the kubeconfig for an API server at `url`. */
export function kubeconfigEntry(url: string): KubeconfigEntry {
  return { name: profileName, server: url, namespace: 'default' };
}

/** Node names follow minikube: the first node is the profile name, then `<profile>-m02`, `<profile>-m03`, … */
export function nodeNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    index === 0 ? profileName : `${profileName}-m${String(index + 1).padStart(2, '0')}`,
  );
}

/** "1 node", "3 nodes". */
export function countNodes(count: number): string {
  return `${count} node${count === 1 ? '' : 's'}`;
}
