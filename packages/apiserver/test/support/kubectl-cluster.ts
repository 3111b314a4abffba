import { afterAll, beforeAll } from 'vitest';
import { startCluster, type Cluster, type ClusterOptions } from '../../src/index.js';
import { Kubectl, type KubectlVersion } from './kubectl.js';

/** A cluster serving on 127.0.0.1 at a free port, and a kubectl pointed at it. */
export interface KubectlCluster {
  readonly cluster: Cluster;
  readonly kubectl: Kubectl;
  /** Runs kubectl and returns its stdout; throws with its stderr when it fails. */
  run(args: readonly string[], input?: string): Promise<string>;
}

/** What {@link useKubectlCluster} starts: the cluster's options and kubectl's extra environment. */
export interface KubectlClusterOptions extends Omit<ClusterOptions, 'host' | 'port'> {
  kubectlEnv?: Record<string, string>;
}

/** Starts a cluster on port 0 and a kubectl with a fresh discovery cache; stop it with {@link stopKubectlCluster}. */
export async function startKubectlCluster(version: KubectlVersion, { kubectlEnv, ...options }: KubectlClusterOptions = {}): Promise<KubectlCluster> {
  const cluster = await startCluster({ ...options, host: '127.0.0.1', port: 0 });
  const kubectl = new Kubectl(version, cluster.url, kubectlEnv);
  const run = async (args: readonly string[], input?: string): Promise<string> => {
    const r = await kubectl.run(args, input);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
    return r.stdout;
  };
  return { cluster, kubectl, run };
}

/** Removes kubectl's cache and stops the cluster (either may be missing when starting failed). */
export async function stopKubectlCluster(started: Partial<KubectlCluster> | undefined): Promise<void> {
  started?.kubectl?.dispose();
  await started?.cluster?.stop();
}

/**
 * Starts a cluster and kubectl before the enclosing `describe` block's tests and stops them after
 * it. `onStart` receives them (typically assigning the suite's `cluster` and `kubectl`); hooks
 * registered after this call run after the start and before the stop.
 */
export function useKubectlCluster(
  version: KubectlVersion,
  options: KubectlClusterOptions,
  onStart: (started: KubectlCluster) => unknown,
): void {
  let started: KubectlCluster | undefined;
  beforeAll(async () => {
    started = await startKubectlCluster(version, options);
    onStart(started);
  });
  afterAll(() => stopKubectlCluster(started));
}
