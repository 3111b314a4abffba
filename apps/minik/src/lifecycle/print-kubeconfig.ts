import type { Environment } from '../cli-context.js';
import { exitCodes } from '../exit-codes.js';
import { mergeKubeconfig } from '../kubeconfig/merge-kubeconfig.js';
import { MinikError } from '../minik-error.js';
import type { Output } from '../output.js';
import { kubeconfigEntry, profileName } from '../profile.js';
import { readRunningState, resolveStatePaths, type IsMinikProcess } from '../state/cluster-state.js';

/** What {@link printKubeconfig} needs from the process. */
export interface PrintKubeconfigDeps {
  output: Output;
  env: Environment;
  homeDir: string;
  isMinikProcess: IsMinikProcess;
}

/** `minik kubeconfig`: a standalone kubeconfig for the running cluster on stdout. */
export async function printKubeconfig(deps: PrintKubeconfigDeps): Promise<number> {
  const state = await readRunningState(resolveStatePaths(deps.env, deps.homeDir), deps.isMinikProcess);
  if (!state) {
    throw new MinikError(`${profileName} is not running`, exitCodes.guestNotRunning, [
      '💡  Start it with "minik start".',
    ]);
  }
  deps.output.info(mergeKubeconfig(undefined, kubeconfigEntry(state.url)));
  return 0;
}
