import type { ResourceMapping } from '../client/resource-resolver.js';
import { listItems, listResource } from '../resource/fetch.js';
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z, since } from './describe-format.js';
import { eventsFor } from './events.js';
import { describeEvents } from './events.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import { events, meta, type DescribeContext, type Obj } from './describe-context.js';

const milli = (q: string | undefined): number => {
  if (!q) return 0;
  const m = /^([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(q);
  if (!m) return 0;
  const n = Number(m[1]);
  const factor: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6 };
  return n * (m[2] ? factor[m[2]]! : 1) * 1000;
};

/** resource.Quantity's String() for a sum: whole units, millis, or binary suffixes for bytes. */
function formatQuantity(millis: number, binary: boolean): string {
  if (millis === 0) return '0';
  if (!binary) return millis % 1000 === 0 ? String(millis / 1000) : `${Math.round(millis)}m`;
  const bytes = millis / 1000;
  for (const [suffix, f] of [
    ['Ei', 1024 ** 6],
    ['Pi', 1024 ** 5],
    ['Ti', 1024 ** 4],
    ['Gi', 1024 ** 3],
    ['Mi', 1024 ** 2],
    ['Ki', 1024],
  ] as const) {
    if (bytes % f === 0) return `${bytes / f}${suffix}`;
  }
  return String(bytes);
}

/** kubectl's describeNode: lease, conditions, addresses, capacity, pods and allocated resources. */
export async function describeNode(ctx: DescribeContext, node: Obj, mapping: ResourceMapping): Promise<string> {
  void mapping;
  const w = new PrefixWriter();
  const m = meta(node);
  const spec = (node['spec'] ?? {}) as Obj;
  const status = (node['status'] ?? {}) as Obj;
  w.write(LEVEL_0, `Name:\t${m['name']}\n`);
  const labels = (m['labels'] ?? {}) as Record<string, string>;
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  w.write(LEVEL_0, `Roles:\t${[...roles].sort().join(',') || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', labels);
  printAnnotationsMultiline(w, 'Annotations', m['annotations']);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m['creationTimestamp'])}\n`);
  const taints = (spec['taints'] ?? []) as Obj[];
  if (taints.length === 0) w.write(LEVEL_0, 'Taints:\t<none>\n');
  else {
    taints.forEach((t, i) => {
      w.write(LEVEL_0, i === 0 ? 'Taints:\t' : '\t');
      w.write(LEVEL_0, `${t['key']}${t['value'] ? `=${t['value']}` : ''}:${t['effect']}\n`);
    });
  }
  w.write(LEVEL_0, `Unschedulable:\t${Boolean(spec['unschedulable'])}\n`);
  try {
    const lease = await ctx.client.json<Obj>({ path: `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${m['name']}`, accept: 'application/json, */*' });
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${lease['spec']?.['holderIdentity'] ?? '<unset>'}\n`);
    w.write(LEVEL_1, `AcquireTime:\t${lease['spec']?.['acquireTime'] ? rfc1123z(lease['spec']['acquireTime']) : '<unset>'}\n`);
    w.write(LEVEL_1, `RenewTime:\t${lease['spec']?.['renewTime'] ? rfc1123z(lease['spec']['renewTime']) : '<unset>'}\n`);
  } catch (error) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${(error as Error).message}\n`);
  }
  const conditions = (status['conditions'] ?? []) as Obj[];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(LEVEL_1, `${c['type']} \t${c['status']} \t${rfc1123z(c['lastHeartbeatTime'])} \t${rfc1123z(c['lastTransitionTime'])} \t${c['reason'] ?? ''} \t${c['message'] ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of (status['addresses'] ?? []) as Obj[]) w.write(LEVEL_1, `${a['type']}:\t${a['address']}\n`);
  const printResources = (title: string, list: Record<string, string> | undefined): void => {
    if (!list || Object.keys(list).length === 0) return;
    w.write(LEVEL_0, `${title}:\n`);
    for (const key of Object.keys(list).sort()) w.write(LEVEL_1, `${key}:\t${list[key]}\n`);
  };
  printResources('Capacity', status['capacity']);
  printResources('Allocatable', status['allocatable']);
  const info = (status['nodeInfo'] ?? {}) as Obj;
  w.write(LEVEL_0, 'System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ] as const) {
    w.write(LEVEL_1, `${label}:\t${info[key] ?? ''}\n`);
  }
  if (spec['podCIDR']) w.write(LEVEL_0, `PodCIDR:\t${spec['podCIDR']}\n`);
  if ((spec['podCIDRs'] ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec['podCIDRs'].join(',')}\n`);
  if (spec['providerID']) w.write(LEVEL_0, `ProviderID:\t${spec['providerID']}\n`);
  let pods: Obj[] = [];
  try {
    pods = listItems(
      await listResource(ctx.client, await ctx.factory.mapping('pods'), { fieldSelector: `spec.nodeName=${m['name']},status.phase!=Failed,status.phase!=Succeeded` }),
    );
  } catch {
    pods = [];
  }
  const allocatable = (Object.keys(status['allocatable'] ?? {}).length > 0 ? status['allocatable'] : status['capacity'] ?? {}) as Record<string, string>;
  const percent = (value: number, total: number): number => (total === 0 ? 0 : Math.trunc((value / total) * 100));
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totals: Record<string, { requests: number; limits: number }> = {};
  const add = (name: string, kind: 'requests' | 'limits', value: number): void => {
    totals[name] ??= { requests: 0, limits: 0 };
    totals[name]![kind] += value;
  };
  for (const pod of pods) {
    const sum = { requests: {} as Record<string, number>, limits: {} as Record<string, number> };
    for (const c of (pod['spec']?.['containers'] ?? []) as Obj[]) {
      for (const kind of ['requests', 'limits'] as const) {
        for (const [name, q] of Object.entries((c['resources']?.[kind] ?? {}) as Record<string, string>)) sum[kind][name] = (sum[kind][name] ?? 0) + milli(q);
      }
    }
    // A limit with no request counts as the request (the API defaults it so).
    for (const [name, v] of Object.entries(sum.limits)) if (sum.requests[name] === undefined) sum.requests[name] = v;
    for (const kind of ['requests', 'limits'] as const) for (const [name, v] of Object.entries(sum[kind])) add(name, kind, v);
    const cell = (name: string, kind: 'requests' | 'limits', binary: boolean): string =>
      `${formatQuantity(sum[kind][name] ?? 0, binary)} (${percent(sum[kind][name] ?? 0, milli(allocatable[name]))}%)`;
    w.write(
      LEVEL_1,
      `${meta(pod)['namespace']}\t${meta(pod)['name']}\t\t${cell('cpu', 'requests', false)}\t${cell('cpu', 'limits', false)}\t${cell('memory', 'requests', true)}\t${cell('memory', 'limits', true)}\t${since(meta(pod)['creationTimestamp'], ctx.now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, binary: boolean): void => {
    const t = totals[name] ?? { requests: 0, limits: 0 };
    w.write(LEVEL_1, `${name}\t${formatQuantity(t.requests, binary)} (${percent(t.requests, milli(allocatable[name]))}%)\t${formatQuantity(t.limits, binary)} (${percent(t.limits, milli(allocatable[name]))}%)\n`);
  };
  row('cpu', false);
  row('memory', true);
  row('ephemeral-storage', true);
  for (const name of Object.keys(allocatable).filter((k) => k.startsWith('hugepages-')).sort()) row(name, true);
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods', 'storage']);
  for (const name of Object.keys(allocatable).filter((k) => !k.startsWith('hugepages-') && !standard.has(k) && !k.startsWith('requests.') && !k.startsWith('limits.')).sort()) {
    const t = totals[name] ?? { requests: 0, limits: 0 };
    w.write(LEVEL_1, `${name}\t${formatQuantity(t.requests, false)}\t${formatQuantity(t.limits, false)}\n`);
  }
  if (ctx.showEvents) {
    const byUid = await eventsFor(ctx.client, { name: m['name'], namespace: '', kind: 'Node', uid: m['uid'] }, true);
    const byName = await eventsFor(ctx.client, { name: m['name'], namespace: '', kind: 'Node', uid: m['name'] }, true);
    describeEvents([...byUid, ...byName], w, ctx.now);
  }
  return w.text();
}

