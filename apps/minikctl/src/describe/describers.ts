import type { RestClient } from '../client/rest-client.js';
import { listItems, listResource } from '../resource/fetch.js';
import type { ResourceMapping } from '../client/resource-resolver.js';
import type { Factory } from '../client/factory.js';
import { describeContainers, describeVolumes, type ContainerItem, type ContainerStatusItem } from './containers.js';
import {
  formatLabelSelector,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  rfc1123z,
  since,
} from './describe-format.js';
import { describeEvents, eventsFor } from './events.js';
import { writePodTemplate, type PodTemplateItem } from './pod-template.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';

type Obj = Record<string, any>;

/** What a describer needs. */
export interface DescribeContext {
  client: RestClient;
  factory: Factory;
  now: number;
  showEvents: boolean;
}

const meta = (o: Obj): Obj => (o['metadata'] ?? {}) as Obj;

function controllerOf(o: Obj): string | undefined {
  const ref = ((meta(o)['ownerReferences'] ?? []) as Obj[]).find((r) => r['controller']);
  return ref ? `${ref['kind']}/${ref['name']}` : undefined;
}

async function events(ctx: DescribeContext, o: Obj, kind?: string, allNamespaces = false) {
  if (!ctx.showEvents) return undefined;
  const m = meta(o);
  return eventsFor(ctx.client, { name: m['name'], namespace: m['namespace'], kind, uid: m['uid'] }, allNamespaces);
}

/** kubectl's describePod. */
export async function describePod(ctx: DescribeContext, pod: Obj): Promise<string> {
  const w = new PrefixWriter();
  const m = meta(pod);
  const spec = (pod['spec'] ?? {}) as Obj;
  const status = (pod['status'] ?? {}) as Obj;
  w.write(LEVEL_0, `Name:\t${m['name']}\n`);
  w.write(LEVEL_0, `Namespace:\t${m['namespace']}\n`);
  if (spec['priority'] !== undefined) w.write(LEVEL_0, `Priority:\t${spec['priority']}\n`);
  if (spec['priorityClassName']) w.write(LEVEL_0, `Priority Class Name:\t${spec['priorityClassName']}\n`);
  if (spec['runtimeClassName']) w.write(LEVEL_0, `Runtime Class Name:\t${spec['runtimeClassName']}\n`);
  if (spec['serviceAccountName']) w.write(LEVEL_0, `Service Account:\t${spec['serviceAccountName']}\n`);
  w.write(LEVEL_0, spec['nodeName'] ? `Node:\t${spec['nodeName']}/${status['hostIP'] ?? ''}\n` : 'Node:\t<none>\n');
  if (status['startTime']) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status['startTime'])}\n`);
  printLabelsMultiline(w, 'Labels', m['labels']);
  printAnnotationsMultiline(w, 'Annotations', m['annotations']);
  if (m['deletionTimestamp'] && status['phase'] !== 'Failed' && status['phase'] !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(m['deletionTimestamp'], ctx.now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${m['deletionGracePeriodSeconds'] ?? 0}s\n`);
  } else w.write(LEVEL_0, `Status:\t${status['phase'] ?? ''}\n`);
  if (status['reason']) w.write(LEVEL_0, `Reason:\t${status['reason']}\n`);
  if (status['message']) w.write(LEVEL_0, `Message:\t${status['message']}\n`);
  const seccomp = spec['securityContext']?.['seccompProfile'];
  if (seccomp) w.write(LEVEL_0, `SeccompProfile:\t${seccomp['type']}\n`);
  w.write(LEVEL_0, `IP:\t${status['podIP'] ?? ''}\n`);
  const ips = (status['podIPs'] ?? []) as Obj[];
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip['ip']}\n`);
  }
  const controller = controllerOf(pod);
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
  if (status['nominatedNodeName']) w.write(LEVEL_0, `NominatedNodeName:\t${status['nominatedNodeName']}\n`);
  if ((spec['initContainers'] ?? []).length > 0) describeContainers('Init Containers', spec['initContainers'] as ContainerItem[], (status['initContainerStatuses'] ?? []) as ContainerStatusItem[], w, '');
  describeContainers('Containers', spec['containers'] as ContainerItem[], (status['containerStatuses'] ?? []) as ContainerStatusItem[], w, '');
  const gates = (spec['readinessGates'] ?? []) as Obj[];
  if (gates.length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const condition = ((status['conditions'] ?? []) as Obj[]).find((c) => c['type'] === g['conditionType']);
      w.write(LEVEL_1, `${g['conditionType']} \t${condition?.['status'] ?? '<none>'} \n`);
    }
  }
  const conditions = (status['conditions'] ?? []) as Obj[];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${c['type']} \t${c['status']} \n`);
  }
  describeVolumes(spec['volumes'], w, '');
  w.write(LEVEL_0, `QoS Class:\t${status['qosClass'] ?? ''}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec['nodeSelector']);
  printTolerationsMultiline(w, 'Tolerations', spec['tolerations']);
  const list = await events(ctx, pod);
  if (list) describeEvents(list, w, ctx.now);
  return w.text();
}

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

/** kubectl's describeService, endpoints from the service's EndpointSlices. */
export async function describeService(ctx: DescribeContext, svc: Obj): Promise<string> {
  const w = new PrefixWriter();
  const m = meta(svc);
  const spec = (svc['spec'] ?? {}) as Obj;
  w.write(LEVEL_0, `Name:\t${m['name']}\n`);
  w.write(LEVEL_0, `Namespace:\t${m['namespace']}\n`);
  printLabelsMultiline(w, 'Labels', m['labels']);
  printAnnotationsMultiline(w, 'Annotations', m['annotations']);
  const selector = Object.keys(spec['selector'] ?? {})
    .sort()
    .map((k) => `${k}=${spec['selector'][k]}`)
    .join(',');
  w.write(LEVEL_0, `Selector:\t${selector || '<none>'}\n`);
  w.write(LEVEL_0, `Type:\t${spec['type'] ?? ''}\n`);
  if (spec['ipFamilyPolicy']) w.write(LEVEL_0, `IP Family Policy:\t${spec['ipFamilyPolicy']}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec['ipFamilies'] ?? []).join(',') || '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec['clusterIP'] ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec['clusterIPs'] ?? []).join(',') || '<none>'}\n`);
  if ((spec['externalIPs'] ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec['externalIPs'].join(',')}\n`);
  if (spec['loadBalancerIP']) w.write(LEVEL_0, `IP:\t${spec['loadBalancerIP']}\n`);
  if (spec['externalName']) w.write(LEVEL_0, `External Name:\t${spec['externalName']}\n`);
  const ingress = (svc['status']?.['loadBalancer']?.['ingress'] ?? []) as Obj[];
  if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => i['ip'] || i['hostname']).join(', ')}\n`);
  let slices: Obj[] = [];
  try {
    const sliceMapping = await ctx.factory.mapping('endpointslices.discovery.k8s.io');
    slices = listItems(await listResource(ctx.client, sliceMapping, { namespace: m['namespace'], labelSelector: `kubernetes.io/service-name=${m['name']}` }));
  } catch {
    slices = [];
  }
  for (const sp of (spec['ports'] ?? []) as Obj[]) {
    const name = sp['name'] || '<unset>';
    w.write(LEVEL_0, `Port:\t${name}\t${sp['port']}/${sp['protocol'] ?? ''}\n`);
    w.write(LEVEL_0, `TargetPort:\t${sp['targetPort'] ?? sp['port']}/${sp['protocol'] ?? ''}\n`);
    if (sp['nodePort']) w.write(LEVEL_0, `NodePort:\t${name}\t${sp['nodePort']}/${sp['protocol'] ?? ''}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp['name'] ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec['sessionAffinity'] ?? ''}\n`);
  if (spec['externalTrafficPolicy']) w.write(LEVEL_0, `External Traffic Policy:\t${spec['externalTrafficPolicy']}\n`);
  if (spec['internalTrafficPolicy']) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec['internalTrafficPolicy']}\n`);
  if (spec['healthCheckNodePort']) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec['healthCheckNodePort']}\n`);
  const list = await events(ctx, svc);
  if (list) describeEvents(list, w, ctx.now);
  return w.text();
}

function formatEndpointSlices(slices: Obj[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const slice of slices) {
    const ports = ((slice['ports'] ?? []) as Obj[]).filter((p) => (p['name'] ?? '') === portName);
    for (const port of ports.length > 0 ? ports : [undefined]) {
      for (const endpoint of (slice['endpoints'] ?? []) as Obj[]) {
        if (endpoint['conditions']?.['ready'] === false) continue;
        const addr = (endpoint['addresses'] ?? [])[0] as string | undefined;
        if (addr === undefined) continue;
        if (list.length < 3) list.push(port ? (addr.includes(':') ? `[${addr}]:${port['port']}` : `${addr}:${port['port']}`) : addr);
        count++;
      }
    }
  }
  const text = list.join(',');
  return count > 3 ? `${text} + ${count - 3} more...` : text;
}

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

function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const acronyms = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);
  const parts = field.split(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
  return parts.map((p) => (acronyms.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1))).join(' ');
}

function printUnstructured(w: PrefixWriter, level: number, content: Obj, prefix: string, skip: Set<string>): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (skip.has(path)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructured(w, level + 1, value as Obj, path, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printUnstructured(w, level + 1, child as Obj, path, skip);
        else w.write(level + 1, `${String(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${value === null ? '<nil>' : String(value)}\n`);
  }
}

/** kubectl's generic describer: metadata lines, then every field of the object. */
export async function describeGeneric(ctx: DescribeContext, obj: Obj): Promise<string> {
  const w = new PrefixWriter();
  const m = meta(obj);
  w.write(LEVEL_0, `Name:\t${m['name'] ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${m['namespace'] ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', m['labels']);
  printAnnotationsMultiline(w, 'Annotations', m['annotations']);
  printUnstructured(w, LEVEL_0, obj, '', new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']));
  const list = await events(ctx, obj);
  if (list) describeEvents(list, w, ctx.now);
  return w.text();
}
