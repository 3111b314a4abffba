import type { Command } from '../cli/command.js';
import { addFilenameFlags } from '../resource/filename-flags.js';

/** `minikctl rollout history`: the revisions of a deployment. */
export const rolloutHistoryCommand: Command = {
  name: 'history',
  short: 'View rollout history',
  long: 'View previous rollout revisions and configurations.',
  example: `  # View the rollout history of a deployment
  minikctl rollout history deployment/abc
  
  # View the details of deployment revision 3
  minikctl rollout history deployment/abc --revision=3`,
  use: 'rollout history (TYPE NAME | TYPE/NAME) [flags]',
  flags(f) {
    addFilenameFlags(f, 'identifying the resource to get from a server.');
    f.int('revision', undefined, 0, 'See the details, including podTemplate of the revision specified')
      .string('selector', 'l', '', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.");
  },
  async run(ctx) {
    const { runRolloutHistory } = await import('../rollout/run-rollout.js');
    await runRolloutHistory(ctx);
  },
};
