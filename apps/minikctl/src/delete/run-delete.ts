import { AggregateCliError, CliError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { isNotFound, StatusError } from '../client/api-error.js';
import { kindPrefix, resourcePath } from '../client/resource-resolver.js';
import { watchEvents } from '../client/watch-stream.js';
import { dryRunStrategy } from '../resource/dry-run.js';
import { findTargets, type Target } from '../resource/targets.js';
import { deleteObject } from '../resource/write.js';

/** `error when deleting "x.yaml": …` for objects that came from files (kubectl's AddSourceToErr). */
function withSource(error: unknown, source: string | undefined): unknown {
  if (!source || !(error instanceof StatusError)) return error;
  return new StatusError({ ...error.status, message: `error when deleting "${source}": ${error.message}` });
}

/**
 * kubectl delete: DELETE with DeleteOptions (propagation, grace period, dry run), print
 * `kind "name" deleted`, then wait until every object is really gone (finalizers, graceful pods).
 */
export async function runDelete(ctx: CommandContext): Promise<void> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(f, (t) => ctx.streams.err.write(t));
  let gracePeriod = f.getInt('grace-period');
  if (f.getBool('now')) {
    if (gracePeriod !== -1) throw new CliError('--now and --grace-period cannot be specified together');
    gracePeriod = 1;
  }
  if (gracePeriod === 0 && !f.getBool('force')) gracePeriod = 1;
  if (f.getBool('force') && gracePeriod < 0) gracePeriod = 0;
  const cascade = f.getString('cascade');
  const propagation = { background: 'Background', true: 'Background', foreground: 'Foreground', orphan: 'Orphan', false: 'Orphan' }[cascade];
  if (!propagation) throw new CliError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
  if (f.getBool('all') && f.getString('selector')) throw new CliError('cannot set --all and --selector at the same time');
  const all = f.getBool('all');
  const ignoreNotFound = f.getBool('ignore-not-found') || (all && !f.changed('ignore-not-found'));
  const { targets, errors } = await findTargets(ctx, {
    args: ctx.args,
    selector: f.getString('selector') || undefined,
    fieldSelector: f.getString('field-selector') || undefined,
    all,
    allNamespaces: f.getBool('all-namespaces'),
    fetch: false,
  });
  const client = await ctx.factory.client();
  const deleted: { target: Target; result: Record<string, unknown> }[] = [];
  const failures: unknown[] = [...errors];
  for (const target of targets) {
    let result: Record<string, unknown> = {};
    try {
      if (dryRun !== 'client') {
        result = await deleteObject(client, target.mapping, target.namespace, target.name, {
          propagationPolicy: propagation,
          gracePeriodSeconds: gracePeriod >= 0 ? gracePeriod : undefined,
          dryRun,
        });
      }
    } catch (error) {
      if (!(ignoreNotFound && isNotFound(error))) failures.push(withSource(error, target.source));
      continue;
    }
    deleted.push({ target, result });
    const kind = kindPrefix(target.mapping);
    let operation = gracePeriod === 0 ? 'force deleted' : 'deleted';
    if (dryRun === 'client') operation += ' (dry run)';
    if (dryRun === 'server') operation += ' (server dry run)';
    if (f.getString('output') === 'name') ctx.streams.out.write(`${kind}/${target.name}\n`);
    else ctx.streams.out.write(`${kind} "${target.name}" ${operation}\n`);
  }
  if (targets.length === 0 && failures.length === 0 && (all || f.getString('selector'))) ctx.streams.out.write('No resources found\n');
  if (f.getBool('wait') && dryRun === 'none') {
    for (const { target } of deleted) await waitForDeletion(ctx, target);
  }
  if (failures.length > 0) throw new AggregateCliError(failures);
}

/** Waits until an object is gone: a 404, or a DELETED event on a watch of its name. */
async function waitForDeletion(ctx: CommandContext, target: Target): Promise<void> {
  const client = await ctx.factory.client();
  let live: Record<string, unknown>;
  try {
    live = await client.json({ path: resourcePath(target.mapping, target.namespace, target.name), accept: 'application/json' });
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  const rv = (live['metadata'] as { resourceVersion?: string } | undefined)?.resourceVersion;
  const res = await client.stream({
    path: resourcePath(target.mapping, target.namespace),
    query: { fieldSelector: `metadata.name=${target.name}`, resourceVersion: rv, watch: 'true', allowWatchBookmarks: 'true' },
    accept: 'application/json',
    signal: ctx.signal,
  });
  for await (const event of watchEvents(res, ctx.signal)) {
    if (event.type === 'DELETED') {
      res.destroy();
      return;
    }
  }
}
