import { delimiter, join } from 'node:path';
import type { Environment } from '../cli-context.js';

/**
 * The kubeconfig file `minik` writes to. Like kubectl and minikube: the first entry of
 * $KUBECONFIG (a list separated by ':' on POSIX, ';' on Windows), else ~/.kube/config.
 */
export function resolveKubeconfigPath(env: Environment, homeDir: string): string {
  const first = (env['KUBECONFIG'] ?? '').split(delimiter).find((entry) => entry !== '');
  return first ?? join(homeDir, '.kube', 'config');
}
