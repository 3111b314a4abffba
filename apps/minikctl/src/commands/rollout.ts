import type { Command } from '../cli/command.js';
import { addFilenameFlags } from '../resource/filename-flags.js';

const rolloutStatusCommand: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false.`,
  example: `  # Watch the rollout status of a deployment
  minikctl rollout status deployment/nginx`,
  use: 'rollout status (TYPE NAME | TYPE/NAME) [flags]',
  flags(f) {
    addFilenameFlags(f, 'identifying the resource to get from a server.');
    f.int('revision', undefined, 0, 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).')
      .string('selector', 'l', '', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.")
      .duration('timeout', undefined, 0, 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).')
      .bool('watch', 'w', true, "Watch the status of the rollout until it's done.");
  },
  async run(ctx) {
    const { runRolloutStatus } = await import('../rollout/run-rollout.js');
    await runRolloutStatus(ctx);
  },
};

const rolloutHistoryCommand: Command = {
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

const rolloutUndoCommand: Command = {
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

/** `minikctl rollout`. */
export const rolloutCommand: Command = {
  name: 'rollout',
  group: 'Deploy Commands:',
  short: 'Manage the rollout of a resource',
  long: `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments`,
  example: `  # Rollback to the previous deployment
  minikctl rollout undo deployment/abc
  
  # Check the rollout status of a deployment
  minikctl rollout status deployment/abc`,
  use: 'rollout SUBCOMMAND',
  subcommands: [rolloutHistoryCommand, rolloutStatusCommand, rolloutUndoCommand],
};
