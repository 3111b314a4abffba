import { listItems, listResource } from '../resource/fetch.js';
import { formatLabelSelector, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './describe-format.js';
import { writePodTemplate, type PodTemplateItem } from './pod-template.js';
import { describeEvents } from './events.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import { events, meta, type DescribeContext, type Obj } from './describe-context.js';

function templateWithoutHash(template: Obj | undefined): string {
  const copy = JSON.parse(JSON.stringify(template ?? {})) as Obj;
  if (copy['metadata']?.['labels']) delete copy['metadata']['labels']['pod-template-hash'];
  return JSON.stringify(sortDeep(copy));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortDeep((value as Obj)[k])]));
  return value;
}

/** kubectl's describeDeployment, with its new and old ReplicaSets. */
export async function describeDeployment(ctx: DescribeContext, d: Obj): Promise<string> {
  const w = new PrefixWriter();
  const m = meta(d);
  const spec = (d['spec'] ?? {}) as Obj;
  const status = (d['status'] ?? {}) as Obj;
  w.write(LEVEL_0, `Name:\t${m['name']}\n`);
  w.write(LEVEL_0, `Namespace:\t${m['namespace']}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m['creationTimestamp'])}\n`);
  printLabelsMultiline(w, 'Labels', m['labels']);
  printAnnotationsMultiline(w, 'Annotations', m['annotations']);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec['selector'])}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${spec['replicas'] ?? 1} desired | ${status['updatedReplicas'] ?? 0} updated | ${status['replicas'] ?? 0} total | ${status['availableReplicas'] ?? 0} available | ${status['unavailableReplicas'] ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${spec['strategy']?.['type'] ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec['minReadySeconds'] ?? 0}\n`);
  const ru = spec['strategy']?.['rollingUpdate'];
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru['maxUnavailable'] ?? ''} max unavailable, ${ru['maxSurge'] ?? ''} max surge\n`);
  writePodTemplate(spec['template'] as PodTemplateItem, w);
  const conditions = (status['conditions'] ?? []) as Obj[];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of conditions) w.write(LEVEL_1, `${c['type']} \t${c['status']}\t${c['reason'] ?? ''}\n`);
  }
  try {
    const rsMapping = await ctx.factory.mapping('replicasets.apps');
    const labelSelector = formatLabelSelector(spec['selector']);
    const all = listItems(await listResource(ctx.client, rsMapping, { namespace: m['namespace'], labelSelector: labelSelector === '<none>' ? undefined : labelSelector }));
    const owned = all
      .filter((rs) => ((meta(rs)['ownerReferences'] ?? []) as Obj[]).some((r) => r['uid'] === m['uid'] && r['controller']))
      .sort((a, b) => String(meta(a)['creationTimestamp']).localeCompare(String(meta(b)['creationTimestamp'])));
    const wanted = templateWithoutHash(spec['template']);
    const newRS = owned.find((rs) => templateWithoutHash((rs['spec'] as Obj)['template']) === wanted);
    const old = owned.filter((rs) => rs !== newRS);
    const format = (list: Obj[]): string =>
      list.map((rs) => `${meta(rs)['name']} (${rs['status']?.['replicas'] ?? 0}/${rs['spec']?.['replicas'] ?? 0} replicas created)`).join(', ') || '<none>';
    w.write(LEVEL_0, `OldReplicaSets:\t${format(old)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${format(newRS ? [newRS] : [])}\n`);
  } catch {
    // kubectl leaves the lines out when it cannot list the replica sets
  }
  const list = await events(ctx, d, 'Deployment');
  if (list) describeEvents(list, w, ctx.now);
  return w.text();
}

