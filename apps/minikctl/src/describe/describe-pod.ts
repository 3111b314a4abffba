import { describeContainers, describeVolumes, type ContainerItem, type ContainerStatusItem } from './containers.js';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, rfc1123z, since } from './describe-format.js';
import { describeEvents } from './events.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import { events, meta, controllerOf, type DescribeContext, type Obj } from './describe-context.js';

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

