import { listItems, listResource } from '../resource/fetch.js';
import { formatLabelSelector, printAnnotationsMultiline, printLabelsMultiline } from './describe-format.js';
import { writePodTemplate, type PodTemplateItem } from './pod-template.js';
import { describeEvents } from './events.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import { events, meta, controllerOf, type DescribeContext, type Obj } from './describe-context.js';

async function podCounts(ctx: DescribeContext, owner: Obj, selector: Obj | undefined): Promise<{ running: number; waiting: number; succeeded: number; failed: number } | string> {
  try {
    const podsMapping = await ctx.factory.mapping('pods');
    const labelSelector = formatLabelSelector(selector);
    const pods = listItems(await listResource(ctx.client, podsMapping, { namespace: meta(owner)['namespace'], labelSelector: labelSelector === '<none>' ? undefined : labelSelector }));
    const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
    for (const pod of pods) {
      if (!((meta(pod)['ownerReferences'] ?? []) as Obj[]).some((r) => r['uid'] === meta(owner)['uid'] && r['controller'])) continue;
      switch ((pod['status'] as Obj | undefined)?.['phase']) {
        case 'Running':
          counts.running++;
          break;
        case 'Pending':
          counts.waiting++;
          break;
        case 'Succeeded':
          counts.succeeded++;
          break;
        case 'Failed':
          counts.failed++;
          break;
      }
    }
    return counts;
  } catch (error) {
    return (error as Error).message;
  }
}

/** kubectl's describeReplicaSet. */
export async function describeReplicaSet(ctx: DescribeContext, rs: Obj): Promise<string> {
  const w = new PrefixWriter();
  const m = meta(rs);
  const spec = (rs['spec'] ?? {}) as Obj;
  w.write(LEVEL_0, `Name:\t${m['name']}\n`);
  w.write(LEVEL_0, `Namespace:\t${m['namespace']}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec['selector'])}\n`);
  printLabelsMultiline(w, 'Labels', m['labels']);
  printAnnotationsMultiline(w, 'Annotations', m['annotations']);
  const controller = controllerOf(rs);
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs['status']?.['replicas'] ?? 0} current / ${spec['replicas'] ?? 1} desired\n`);
  w.write(LEVEL_0, 'Pods Status:\t');
  const counts = await podCounts(ctx, rs, spec['selector']);
  if (typeof counts === 'string') w.write(LEVEL_0, `error in fetching pods: ${counts}\n`);
  else w.write(LEVEL_0, `${counts.running} Running / ${counts.waiting} Waiting / ${counts.succeeded} Succeeded / ${counts.failed} Failed\n`);
  writePodTemplate(spec['template'] as PodTemplateItem, w);
  const conditions = (rs['status']?.['conditions'] ?? []) as Obj[];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of conditions) w.write(LEVEL_1, `${c['type']} \t${c['status']}\t${c['reason'] ?? ''}\n`);
  }
  const list = await events(ctx, rs);
  if (list) describeEvents(list, w, ctx.now);
  return w.text();
}

