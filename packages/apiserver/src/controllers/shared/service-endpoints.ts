import type { ServicePort } from '@minik/types';
import { labelSelectorFromObject } from '../../selectors/index.js';
import type { PodObject, ServiceObject } from './object-types.js';
import { isPodTerminal } from './pod-conditions.js';

/**
 * endpointsliceutil.ShouldPodBeInEndpoints: a pod with an IP that has not finished; terminating
 * pods only when asked (EndpointSlices list them with `terminating: true`).
 */
export function shouldPodBeInEndpoints(pod: Readonly<PodObject>, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs?.length ?? 0)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp !== undefined) return false;
  return true;
}

/** The pod's IPv4 address (the Service's family; minik's pod network is IPv4 only). */
export function podIPv4(pod: Readonly<PodObject>): string | undefined {
  const ips = [pod.status?.podIP, ...(pod.status?.podIPs ?? []).map((p) => p.ip)];
  return ips.find((ip): ip is string => typeof ip === 'string' && ip.includes('.'));
}

/**
 * podutil.FindPort: a numeric targetPort as is; a named one resolves to the container port of that
 * name and the service port's protocol, or to nothing when no container has it.
 */
export function findPort(pod: Readonly<PodObject>, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  const protocol = port.protocol ?? 'TCP';
  for (const container of pod.spec.containers ?? []) {
    for (const containerPort of container.ports ?? []) {
      if (containerPort.name === target && (containerPort.protocol ?? 'TCP') === protocol) return containerPort.containerPort;
    }
  }
  return undefined;
}

/** Whether a Service selects pods at all (no selector: its endpoints are managed by hand). */
export function hasSelector(svc: Readonly<ServiceObject>): boolean {
  return svc.spec?.selector !== undefined && svc.spec.selector !== null;
}

/** The pods a Service's selector matches (an empty selector matches every pod, as labels.Set does). */
export function selectedBy(svc: Readonly<ServiceObject>, pod: Readonly<PodObject> | Readonly<{ metadata: { labels?: Record<string, string> } }>): boolean {
  if (!hasSelector(svc)) return false;
  return labelSelectorFromObject({ matchLabels: svc.spec?.selector ?? {} }).matches(pod.metadata.labels);
}

/** helper.IsServiceIPSet: a ClusterIP other than None (headless Services have none). */
export function isServiceIPSet(svc: Readonly<ServiceObject>): boolean {
  const ip = svc.spec?.clusterIP ?? '';
  return ip !== '' && ip !== 'None';
}

/**
 * endpointutil.ShouldSetHostname: a pod with `hostname` whose `subdomain` is the Service's name in
 * the same namespace gets a DNS name through the Service.
 */
export function shouldSetHostname(pod: Readonly<PodObject>, svc: Readonly<ServiceObject>): boolean {
  return !!pod.spec.hostname && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

/**
 * The time an endpoint change was triggered (endpointsliceutil.TriggerTimeTracker): per Service,
 * the earliest of the Service's creation and each pod's Ready transition that is newer than at
 * the previous sync; undefined when nothing of that kind changed.
 */
export class TriggerTimeTracker {
  readonly #state = new Map<string, { service: number; pods: Map<string, number> }>();

  compute(key: string, svc: Readonly<ServiceObject>, pods: readonly Readonly<PodObject>[]): number | undefined {
    const previous = this.#state.get(key);
    const podTimes = new Map<string, number>();
    let min: number | undefined;
    const consider = (t: number): void => {
      if (min === undefined || t < min) min = t;
    };
    for (const pod of pods) {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      const t = Date.parse(ready?.lastTransitionTime ?? '');
      if (Number.isNaN(t)) continue;
      podTimes.set(pod.metadata.name ?? '', t);
      if (t > (previous?.pods.get(pod.metadata.name ?? '') ?? -Infinity)) consider(t);
    }
    const serviceTime = Date.parse(svc.metadata.creationTimestamp ?? '') || 0;
    if (serviceTime > (previous?.service ?? -Infinity)) consider(serviceTime);
    this.#state.set(key, { service: serviceTime, pods: podTimes });
    return min;
  }

  forget(key: string): void {
    this.#state.delete(key);
  }
}
