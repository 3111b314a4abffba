import { listItems, listResource } from '../resource/fetch.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-format.js';
import { describeEvents } from './events.js';
import { LEVEL_0, PrefixWriter } from './prefix-writer.js';
import { events, meta, type DescribeContext, type Obj } from './describe-context.js';

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

