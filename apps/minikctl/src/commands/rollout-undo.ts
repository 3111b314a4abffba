import type { Command } from '../cli/command.js';
import { addFilenameFlags } from '../resource/filename-flags.js';

/** `minikctl rollout undo`: back to an earlier revision. */
export const rolloutUndoCommand: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  long: 'Roll back to a previous rollout.',
  example: `  # Roll back to the previous deployment
  minikctl rollout undo deployment/abc
  
  # Roll back to a given revision
  minikctl rollout undo deployment/abc --to-revision=3`,
  use: 'rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  flags(f) {
    addFilenameFlags(f, 'identifying the resource to get from a server.');
    f.string('selector', 'l', '', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.")
      .int('to-revision', undefined, 0, 'The revision to rollback to. Default to 0 (last revision).');
  },
  async run(ctx) {
    const { runRolloutUndo } = await import('../rollout/run-rollout.js');
    await runRolloutUndo(ctx);
  },
};
