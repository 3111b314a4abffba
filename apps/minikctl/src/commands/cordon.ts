import { AggregateCliError } from '../cli/cli-error.js';
import type { Command, CommandContext } from '../cli/command.js';
import { addDryRunFlag, dryRunStrategy, dryRunSuffix } from '../resource/dry-run.js';

/** cordon and uncordon: set or clear spec.unschedulable with a strategic merge patch, as kubectl's CordonHelper. */
async function runCordon(ctx: CommandContext, desired: boolean): Promise<void> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(f, (t) => ctx.streams.err.write(t));
  const args = ctx.args.length === 1 && !ctx.args[0]!.includes('/') ? ['nodes', ctx.args[0]!] : ctx.args.length === 0 ? ['nodes'] : ctx.args.map((a) => (a.includes('/') ? a : `nodes/${a}`));
  const { findTargets } = await import('../resource/targets.js');
  const { targets, errors } = await findTargets(ctx, { args, selector: f.getString('selector') || undefined, fetch: true });
  const client = await ctx.factory.client();
  const { patchObject } = await import('../resource/write.js');
  const verb = desired ? 'cordoned' : 'uncordoned';
  for (const target of targets) {
    const spec = (target.object['spec'] ?? {}) as { unschedulable?: boolean };
    if (Boolean(spec.unschedulable) === desired) {
      ctx.streams.out.write(`node/${target.name} already ${verb}\n`);
      continue;
    }
    if (dryRun !== 'client') {
      await patchObject(client, target.mapping, undefined, target.name, { spec: { unschedulable: desired ? true : null } }, 'application/strategic-merge-patch+json', { dryRun });
    }
    ctx.streams.out.write(`node/${target.name} ${verb}${dryRunSuffix(dryRun)}\n`);
  }
  if (errors.length > 0) throw new AggregateCliError(errors);
}

function cordonLike(name: 'cordon' | 'uncordon', desired: boolean): Command {
  const schedulable = desired ? 'unschedulable' : 'schedulable';
  return {
    name,
    group: 'Cluster Management Commands:',
    short: `Mark node as ${schedulable}`,
    long: `Mark node as ${schedulable}.`,
    example: `  # Mark node "foo" as ${schedulable}
  minikctl ${name} foo`,
    use: `${name} NODE`,
    flags(f) {
      addDryRunFlag(f);
      f.string('selector', 'l', '', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.");
    },
    run: (ctx) => runCordon(ctx, desired),
  };
}

/** `minikctl cordon NODE`. */
export const cordonCommand = cordonLike('cordon', true);
/** `minikctl uncordon NODE`. */
export const uncordonCommand = cordonLike('uncordon', false);
