import type { Cluster, ClusterOptions, FaultSpec } from '@minik/apiserver';
import { recordRequests } from './audit-log.js';
import type { Environment } from '../cli-context.js';
import { resolveKubeconfigPath } from '../kubeconfig/kubeconfig-path.js';
import { mergeKubeconfig, readKubeconfigFile, updateKubeconfigFile } from '../kubeconfig/merge-kubeconfig.js';
import { createTimestampedOutput, type Output } from '../output.js';
import { countNodes, kubeconfigEntry, profileName } from '../profile.js';
import {
  createStateFile,
  readRunningState,
  readStateFile,
  removeStateFile,
  resolveStatePaths,
  type ClusterState,
  type IsMinikProcess,
} from '../state/cluster-state.js';
import { alreadyRunning } from './already-running.js';
import { listenError } from './listen-error.js';
import type { ShutdownListener } from './shutdown-signals.js';
import { printStartBanner, printStartSummary } from './start-summary.js';
import type { StartOptions } from './start-options.js';

/** What {@link runForeground} needs from the process. */
export interface ForegroundDeps {
  output: Output;
  env: Environment;
  homeDir: string;
  pid: number;
  now: () => number;
  startCluster: (options: ClusterOptions) => Promise<Cluster>;
  isMinikProcess: IsMinikProcess;
  /** Created before the cluster starts, so a signal during start-up still stops it cleanly. */
  shutdown: ShutdownListener;
}

/**
 * `minik start --foreground`: runs the cluster in this process until SIGINT/SIGTERM, then stops
 * it and removes its state file. Run by a user, it also configures kubectl and prints the start
 * summary; run as the detached process of `minik start` (options.logFile set), it only records
 * its state and logs, and the parent does the rest. Returns the exit code.
 */
export async function runForeground(options: StartOptions, deps: ForegroundDeps): Promise<number> {
  const daemon = options.logFile !== undefined;
  const output = daemon ? createTimestampedOutput(deps.output, deps.now) : deps.output;
  const paths = resolveStatePaths(deps.env, deps.homeDir);
  const kubeconfigPath = daemon ? undefined : resolveKubeconfigPath(deps.env, deps.homeDir);

  const running = await readRunningState(paths, deps.isMinikProcess);
  if (running) throw alreadyRunning(running);
  if (kubeconfigPath !== undefined) {
    printStartBanner(output, options.kubernetesVersion);
    // Fail on an unreadable kubeconfig before starting anything.
    mergeKubeconfig(
      await readKubeconfigFile(kubeconfigPath),
      kubeconfigEntry('http://127.0.0.1'),
      kubeconfigPath,
    );
  }

  let cluster: Cluster;
  try {
    cluster = await deps.startCluster({
      host: options.host,
      port: options.port,
      nodes: options.nodes,
      kubernetesVersion: options.kubernetesVersion,
      speed: options.speed,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
    for (const fault of options.faults) cluster.faults.add(JSON.parse(fault) as FaultSpec);
    if (options.auditLog !== undefined) recordRequests(cluster, options.auditLog);
  } catch (error) {
    throw listenError(error, options.host, options.port);
  }

  const url = new URL(cluster.url);
  const state: ClusterState = {
    pid: deps.pid,
    url: cluster.url,
    host: options.host,
    port: Number(url.port || 80),
    nodes: options.nodes,
    kubernetesVersion: options.kubernetesVersion,
    startedAt: new Date(deps.now()).toISOString(),
    ...(options.logFile === undefined ? {} : { logFile: options.logFile }),
  };
  try {
    if (!(await createStateFile(paths, state))) {
      const other = await readStateFile(paths);
      throw alreadyRunning(other.kind === 'present' ? other.state : undefined);
    }
    if (kubeconfigPath !== undefined) {
      await updateKubeconfigFile(kubeconfigPath, (text) =>
        mergeKubeconfig(text, kubeconfigEntry(cluster.url), kubeconfigPath),
      );
      printStartSummary(output, { url: cluster.url, nodes: options.nodes });
      output.info(`⏳  Running in the foreground (pid ${deps.pid}); press Ctrl+C to stop.`);
    } else {
      output.info(
        `🚀  API server listening on ${cluster.url} with ${countNodes(options.nodes)} (pid ${deps.pid})`,
      );
    }
  } catch (error) {
    await cluster.stop();
    await removeStateFile(paths, deps.pid);
    throw error;
  }

  const signal = await deps.shutdown.received;
  output.info(`✋  Received ${signal}, stopping "${profileName}" …`);
  try {
    await cluster.stop();
  } finally {
    await removeStateFile(paths, deps.pid);
  }
  output.info(`🛑  ${countNodes(options.nodes)} stopped.`);
  return 0;
}
