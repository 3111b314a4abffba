import type { ClusterState } from '../state/cluster-state.js';
import type { ProcessExit } from './spawn-daemon.js';

/** How waiting for the detached cluster process ended. */
export type Readiness =
  | { kind: 'ready'; state: ClusterState }
  | { kind: 'exited'; exit: ProcessExit }
  | { kind: 'timeout' };

/** What {@link waitUntilReady} watches. */
export interface WaitUntilReadyOptions {
  pid: number;
  exited: Promise<ProcessExit>;
  /** The state file as the process wrote it, once listening (its URL has the real port when --port 0). */
  readState: () => Promise<ClusterState | undefined>;
  probeReady: (url: string) => Promise<boolean>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  timeoutMs: number;
  pollIntervalMs: number;
}

/**
 * Polls until process `pid` has recorded its state and its API server answers /readyz with 200,
 * the process exits, or `timeoutMs` passes.
 */
export async function waitUntilReady(options: WaitUntilReadyOptions): Promise<Readiness> {
  let exit: ProcessExit | undefined;
  const exited = options.exited.then((value) => {
    exit = value;
  });
  const deadline = options.now() + options.timeoutMs;
  for (;;) {
    const state = await options.readState();
    const ready = state?.pid === options.pid && (await options.probeReady(state.url));
    if (exit) return { kind: 'exited', exit };
    if (ready && state) return { kind: 'ready', state };
    if (options.now() >= deadline) return { kind: 'timeout' };
    await Promise.race([options.sleep(options.pollIntervalMs), exited]);
  }
}
