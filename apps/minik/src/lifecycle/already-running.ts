import { exitCodes } from '../exit-codes.js';
import { MinikError } from '../minik-error.js';
import type { ClusterState } from '../state/cluster-state.js';

/** The error of starting a second cluster. */
export function alreadyRunning(state: ClusterState | undefined): MinikError {
  const where = state ? ` at ${state.url} (pid ${state.pid})` : '';
  return new MinikError(`minik is already running${where}`, exitCodes.programConflict, [
    '💡  Stop it first with "minik stop", or use it as it is.',
  ]);
}
