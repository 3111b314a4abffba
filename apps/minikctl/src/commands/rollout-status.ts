import type { Command } from '../cli/command.js';
import { addFilenameFlags } from '../resource/filename-flags.js';

/** `minikctl rollout status`: waits for a deployment's rollout to finish. */
export const rolloutStatusCommand: Command = {
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
