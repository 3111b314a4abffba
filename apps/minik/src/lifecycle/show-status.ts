import type { Environment } from '../cli-context.js';
import { resolveKubeconfigPath } from '../kubeconfig/kubeconfig-path.js';
import { kubeconfigServer, readKubeconfigFile } from '../kubeconfig/merge-kubeconfig.js';
import type { Output } from '../output.js';
import { profileName } from '../profile.js';
import { readRunningState, resolveStatePaths, type IsMinikProcess } from '../state/cluster-state.js';

/** What {@link showStatus} needs from the process. */
export interface StatusDeps {
  output: Output;
  env: Environment;
  homeDir: string;
  now: () => number;
  isMinikProcess: IsMinikProcess;
  probeReady: (url: string) => Promise<boolean>;
  /** Nodes the running cluster has now (`minik node add/delete` change it); undefined when it cannot tell. */
  countNodes?: (url: string) => Promise<number | undefined>;
}

/**
 * minikube status's exit code is a bit field (cmd/minikube/cmd/status.go): 1 host not running,
 * 2 cluster not running, 4 Kubernetes not running or misconfigured; a stopped cluster gives 7.
 */
const notRunningFlags = { host: 1, apiserver: 2, kubeconfig: 4 } as const;

/** Uptime the way kubectl prints ages: 42s, 5m3s, 2h5m, 3d4h. */
export function formatUptime(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (minutes < 1) return `${seconds}s`;
  if (hours < 1) return `${minutes}m${seconds % 60}s`;
  if (days < 1) return `${hours}h${minutes % 60}m`;
  return `${days}d${hours % 24}h`;
}

/**
 * `minik status`: minikube's per-node lines for the control plane, then the API server URL,
 * node count and uptime. Returns the exit code: 0 when everything runs, 7 when stopped.
 */
export async function showStatus(deps: StatusDeps): Promise<number> {
  const paths = resolveStatePaths(deps.env, deps.homeDir);
  const state = await readRunningState(paths, deps.isMinikProcess);
  if (!state) {
    deps.output.info(
      [
        profileName,
        'type: Control Plane',
        'host: Stopped',
        'apiserver: Stopped',
        'kubeconfig: Stopped',
        '',
      ].join('\n'),
    );
    return notRunningFlags.host | notRunningFlags.apiserver | notRunningFlags.kubeconfig;
  }
  const apiserverRunning = await deps.probeReady(state.url);
  const nodes = (apiserverRunning ? await deps.countNodes?.(state.url) : undefined) ?? state.nodes;
  const kubeconfigPath = resolveKubeconfigPath(deps.env, deps.homeDir);
  const server = kubeconfigServer(await readKubeconfigFile(kubeconfigPath), profileName);
  const configured = server === state.url;
  deps.output.info(
    [
      profileName,
      'type: Control Plane',
      'host: Running',
      `apiserver: ${apiserverRunning ? 'Running' : 'Stopped'}`,
      `kubeconfig: ${configured ? 'Configured' : 'Misconfigured'}`,
      `url: ${state.url}`,
      `nodes: ${nodes}`,
      `kubernetes: ${state.kubernetesVersion}`,
      `uptime: ${formatUptime(deps.now() - Date.parse(state.startedAt))}`,
      '',
    ].join('\n'),
  );
  if (!configured) {
    deps.output.error(
      `❗  The "${profileName}" cluster in ${kubeconfigPath} does not point at ${state.url}; "minik kubeconfig" prints a kubeconfig that does.`,
    );
  }
  return (apiserverRunning ? 0 : notRunningFlags.apiserver) | (configured ? 0 : notRunningFlags.kubeconfig);
}
