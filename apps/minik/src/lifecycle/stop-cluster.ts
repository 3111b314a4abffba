import type { Environment } from '../cli-context.js';
import { exitCodes } from '../exit-codes.js';
import { MinikError } from '../minik-error.js';
import type { Output } from '../output.js';
import { countNodes, profileName } from '../profile.js';
import {
  readRunningState,
  removeStateFile,
  resolveStatePaths,
  type ClusterState,
  type IsMinikProcess,
} from '../state/cluster-state.js';

/** What {@link stopCluster} needs from the process. */
export interface StopDeps {
  output: Output;
  env: Environment;
  homeDir: string;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  isMinikProcess: IsMinikProcess;
  kill: (pid: number, signal: NodeJS.Signals) => void;
  /** How long to wait after SIGTERM before SIGKILL. */
  stopTimeoutMs?: number;
}

const defaultStopTimeoutMs = 10_000;
const killTimeoutMs = 5_000;
const pollIntervalMs = 100;

function signal(deps: StopDeps, pid: number, name: NodeJS.Signals): void {
  try {
    deps.kill(pid, name);
  } catch (error) {
    // Gone between the check and the signal: that is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function waitForExit(deps: StopDeps, pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = deps.now() + timeoutMs;
  for (;;) {
    if (!(await deps.isMinikProcess(pid))) return true;
    if (deps.now() >= deadline) return false;
    await deps.sleep(pollIntervalMs);
  }
}

/**
 * Stops the running cluster, if any: SIGTERM, then SIGKILL if it has not exited after the
 * timeout; removes its state file. Returns the state of the cluster stopped.
 */
export async function stopIfRunning(deps: StopDeps): Promise<ClusterState | undefined> {
  const paths = resolveStatePaths(deps.env, deps.homeDir);
  const state = await readRunningState(paths, deps.isMinikProcess);
  if (!state) return undefined;
  deps.output.info(`✋  Stopping "${profileName}" …`);
  signal(deps, state.pid, 'SIGTERM');
  const timeoutMs = deps.stopTimeoutMs ?? defaultStopTimeoutMs;
  if (!(await waitForExit(deps, state.pid, timeoutMs))) {
    deps.output.error(
      `❗  "${profileName}" did not stop within ${timeoutMs / 1000}s (pid ${state.pid}); killing it.`,
    );
    signal(deps, state.pid, 'SIGKILL');
    if (!(await waitForExit(deps, state.pid, killTimeoutMs))) {
      throw new MinikError(`process ${state.pid} did not exit after SIGKILL`, exitCodes.failure);
    }
  }
  // The process removes its own state file when it stops cleanly; not when it was killed.
  await removeStateFile(paths, state.pid);
  deps.output.info(`🛑  ${countNodes(state.nodes)} stopped.`);
  return state;
}

/**
 * `minik stop`. Stopping a cluster that is not running is not an error (minikube exits 0 for a
 * stopped profile too). The kubeconfig context stays, as with minikube stop. Returns the exit code.
 */
export async function stopCluster(deps: StopDeps): Promise<number> {
  const stopped = await stopIfRunning(deps);
  if (!stopped) deps.output.info(`🤷  ${profileName} is not running`);
  return 0;
}
