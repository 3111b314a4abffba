import { deepEqual } from '@minik/types';
import { CliError, CommandUsageError } from '../cli/cli-error.js';
import type { CommandContext } from '../cli/command.js';
import { kindPrefix, resourcePath, type ResourceMapping } from '../client/resource-resolver.js';
import { watchEvents } from '../client/watch-stream.js';
import { TabWriter } from '../printers/tab-writer.js';
import { getResource, listItems, listResource } from '../resource/fetch.js';
import { findTargets } from '../resource/targets.js';
import { patchObject } from '../resource/write.js';
import { deploymentRolloutStatus, type DeploymentLike } from './deployment-status.js';

const revisionAnnotation = 'deployment.kubernetes.io/revision';

async function oneDeployment(ctx: CommandContext): Promise<{ mapping: ResourceMapping; namespace: string | undefined; name: string; object: Record<string, unknown> }[]> {
  const { targets, errors } = await findTargets(ctx, { args: ctx.args, selector: ctx.flags.lookup('selector') ? ctx.flags.getString('selector') || undefined : undefined, fetch: true });
  if (errors.length > 0) throw errors[0];
  for (const t of targets) {
    if (t.mapping.kind !== 'Deployment') throw new CliError(`no ${ctx.commandPath.endsWith('status') ? 'status viewer' : 'history viewer'} has been implemented for ${t.mapping.kind}`);
  }
  return targets;
}

/** kubectl rollout status: prints each status message from a watch until the rollout completes. */
export async function runRolloutStatus(ctx: CommandContext): Promise<void> {
  const targets = await oneDeployment(ctx);
  if (targets.length !== 1) throw new CommandUsageError('rollout status is only supported on individual resources and resource collections - more than 1 resource was found');
  const target = targets[0]!;
  const client = await ctx.factory.client();
  const watch = ctx.flags.getBool('watch');
  const timeout = ctx.flags.getDuration('timeout');
  const first = deploymentRolloutStatus(target.object as unknown as DeploymentLike);
  ctx.streams.out.write(first.message);
  if (first.done || !watch) return;
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  ctx.signal.addEventListener('abort', abort, { once: true });
  const timer = timeout > 0 ? setTimeout(abort, timeout) : undefined;
  try {
    let rv = String((target.object['metadata'] as { resourceVersion?: string }).resourceVersion ?? '');
    for (;;) {
      const res = await client.stream({
        path: resourcePath(target.mapping, target.namespace),
        query: { fieldSelector: `metadata.name=${target.name}`, resourceVersion: rv, watch: 'true', allowWatchBookmarks: 'true' },
        accept: 'application/json',
        signal: controller.signal,
      });
      for await (const event of watchEvents(res, controller.signal)) {
        rv = String((event.object['metadata'] as { resourceVersion?: string } | undefined)?.resourceVersion ?? rv);
        if (event.type === 'DELETED') throw new CliError(`object has been deleted`);
        if (event.type !== 'ADDED' && event.type !== 'MODIFIED') continue;
        const status = deploymentRolloutStatus(event.object as unknown as DeploymentLike);
        ctx.streams.out.write(status.message);
        if (status.done) {
          res.destroy();
          return;
        }
      }
      if (controller.signal.aborted) {
        if (!ctx.signal.aborted) throw new CliError('timed out waiting for the condition');
        return;
      }
      // The server ended the watch (its timeout): watch again from where it stopped.
    }
  } finally {
    if (timer) clearTimeout(timer);
    ctx.signal.removeEventListener('abort', abort);
  }
}

/** The ReplicaSets a Deployment controls, with their revisions. */
async function revisionsOf(ctx: CommandContext, deployment: Record<string, unknown>, namespace: string | undefined): Promise<{ revision: number; rs: Record<string, unknown> }[]> {
  const client = await ctx.factory.client();
  const rsMapping = await ctx.factory.mapping('replicasets.apps');
  const selector = ((deployment['spec'] as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels ?? {}) as Record<string, string>;
  const labelSelector = Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const uid = (deployment['metadata'] as { uid?: string }).uid;
  const all = listItems(await listResource(client, rsMapping, { namespace, labelSelector, chunkSize: 0 }));
  return all
    .filter((rs) => ((rs['metadata'] as { ownerReferences?: { uid: string; controller?: boolean }[] }).ownerReferences ?? []).some((o) => o.uid === uid && o.controller))
    .map((rs) => ({ revision: Number((rs['metadata'] as { annotations?: Record<string, string> }).annotations?.[revisionAnnotation] ?? 0), rs }))
    .sort((a, b) => a.revision - b.revision);
}

/** kubectl rollout history: REVISION and CHANGE-CAUSE of each revision, or one revision's template. */
export async function runRolloutHistory(ctx: CommandContext): Promise<void> {
  const revisionFlag = ctx.flags.getInt('revision');
  for (const target of await oneDeployment(ctx)) {
    const revisions = await revisionsOf(ctx, target.object, target.namespace);
    const prefix = `${kindPrefix(target.mapping)}/${target.name}`;
    if (revisionFlag > 0) {
      const found = revisions.find((r) => r.revision === revisionFlag);
      if (!found) throw new CliError(`unable to find the specified revision`);
      const { describePodTemplate } = await import('../describe/pod-template.js');
      const template = JSON.parse(JSON.stringify((found.rs['spec'] as { template?: unknown }).template ?? {})) as Record<string, unknown>;
      ctx.streams.out.write(`${prefix} with revision #${revisionFlag}\n${describePodTemplate(template)}\n`);
      continue;
    }
    let text = '';
    const w = new TabWriter({ write: (t) => void (text += t) }, 0, 2, false);
    w.write('REVISION\tCHANGE-CAUSE\n');
    for (const { revision, rs } of revisions) {
      const cause = (rs['metadata'] as { annotations?: Record<string, string> }).annotations?.['kubernetes.io/change-cause'] || '<none>';
      w.write(`${revision}\t${cause}\n`);
    }
    w.flush();
    ctx.streams.out.write(`${prefix} \n${text}\n`);
  }
}

/** kubectl rollout undo: puts back the pod template of an earlier revision with a JSON patch. */
export async function runRolloutUndo(ctx: CommandContext): Promise<void> {
  const toRevision = ctx.flags.getInt('to-revision');
  const client = await ctx.factory.client();
  for (const target of await oneDeployment(ctx)) {
    const deployment = await getResource(client, target.mapping, target.namespace, target.name);
    if ((deployment['spec'] as { paused?: boolean }).paused) {
      throw new CliError(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
    }
    const revisions = await revisionsOf(ctx, deployment, target.namespace);
    let chosen: { revision: number; rs: Record<string, unknown> } | undefined;
    if (toRevision === 0) {
      if (revisions.length < 2) throw new CliError('no rollout history found for deployment "' + target.name + '"');
      chosen = revisions[revisions.length - 2];
    } else {
      chosen = revisions.find((r) => r.revision === toRevision);
      if (!chosen) throw new CliError(`unable to find specified revision ${toRevision} in history`);
    }
    const template = JSON.parse(JSON.stringify((chosen!.rs['spec'] as { template?: unknown }).template ?? {})) as { metadata?: { labels?: Record<string, string> } };
    delete template.metadata?.labels?.['pod-template-hash'];
    const currentTemplate = (deployment['spec'] as { template?: unknown }).template;
    // equalIgnoreHash: the revision's template, without pod-template-hash, is the current one.
    if (deepEqual(template, currentTemplate)) {
      ctx.streams.out.write(`${kindPrefix(target.mapping)}/${target.name} skipped rollback (current template already matches revision ${chosen!.revision})\n`);
      continue;
    }
    const keep = new Set(['kubectl.kubernetes.io/last-applied-configuration', revisionAnnotation, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to']);
    const deploymentAnnotations = ((deployment['metadata'] as { annotations?: Record<string, string> }).annotations ?? {}) as Record<string, string>;
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(deploymentAnnotations)) if (keep.has(k)) annotations[k] = v;
    for (const [k, v] of Object.entries(((chosen!.rs['metadata'] as { annotations?: Record<string, string> }).annotations ?? {}) as Record<string, string>)) {
      if (!keep.has(k)) annotations[k] = v;
    }
    const patch = [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ];
    await patchObject(client, target.mapping, target.namespace, target.name, patch, 'application/json-patch+json');
    ctx.streams.out.write(`${kindPrefix(target.mapping)}/${target.name} rolled back\n`);
  }
}
