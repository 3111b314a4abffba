import type { KubeObject } from '@minik/types';
import { ApiError } from '../../errors/index.js';
import { deepEqual } from '../../util/deep-equal.js';
import { rfc3339 } from '../../util/time.js';
import type { ReconcileResult } from '../runtime/index.js';
import { objectKey, splitKey } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { controllerRefOf, newControllerRef } from '../shared/controller-ref.js';
import { kinds } from '../shared/kinds.js';
import type { NodeObject, PodObject, ServiceObject } from '../shared/object-types.js';
import { isPodReady } from '../shared/pod-conditions.js';
import { findPort, hasSelector, isServiceIPSet, podIPv4, selectedBy, shouldPodBeInEndpoints, shouldSetHostname, TriggerTimeTracker } from '../shared/service-endpoints.js';
import { watchServicesAndPods } from '../shared/service-watch.js';
import { cloneJson } from '../../util/clone-json.js';

/** The labels every managed slice carries. */
export const serviceNameLabel = 'kubernetes.io/service-name';
export const managedByLabel = 'endpointslice.kubernetes.io/managed-by';
export const endpointSliceControllerName = 'endpointslice-controller.k8s.io';
const headlessLabel = 'service.kubernetes.io/headless';
const triggerTimeAnnotation = 'endpoints.kubernetes.io/last-change-trigger-time';
const maxEndpointsPerSlice = 100;

/** discovery/v1 EndpointPort. */
interface SlicePort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/** discovery/v1 Endpoint. */
interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  targetRef: { kind: string; namespace?: string; name?: string; uid?: string };
  nodeName?: string;
  zone?: string;
}

type EndpointSliceObject = KubeObject & { addressType?: string; endpoints?: SliceEndpoint[] | null; ports?: SlicePort[] | null };

/**
 * The EndpointSlice controller: each Service with a selector gets IPv4 EndpointSlices named
 * `<service>-<5 chars>`, labelled with the Service name and this controller, owned by the Service,
 * one per distinct port mapping and at most 100 endpoints each, with ready/serving/terminating
 * conditions; a Service without endpoints keeps one empty placeholder slice.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/endpointslice/reconciler.go
 */
export class EndpointSliceController extends ControllerBase {
  readonly #triggers = new TriggerTimeTracker();

  constructor(ctx: ControllerContext) {
    super('endpointslice-controller', ctx);
  }

  protected setup(): void {
    watchServicesAndPods((kind, listener) => this.watch(kind, listener), this.ctx.client, this.queue);
    // Someone editing or deleting a managed slice gets it put back.
    this.watch(kinds.endpointSlice, (slice) => {
      const service = slice.metadata.labels?.[serviceNameLabel];
      if (service && slice.metadata.labels?.[managedByLabel] === endpointSliceControllerName) this.queue.enqueue(objectKey(slice.metadata.namespace, service));
    });
  }

  reconcile(key: string): ReconcileResult | void {
    const { client } = this.ctx;
    const { namespace, name } = splitKey(key);
    const svc = client.get<ServiceObject>(kinds.service, namespace, name);
    // A deleted Service's slices go with it through their owner reference (garbage collector).
    if (!svc) {
      this.#triggers.forget(key);
      return;
    }
    if (svc.spec?.type === 'ExternalName' || !hasSelector(svc) || svc.metadata.deletionTimestamp) return;
    const pods = client.list<PodObject>(kinds.pod, namespace, (pod) => selectedBy(svc, pod)).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const ip = podIPv4(pod);
      if (!ip) continue;
      const ports = this.#portsFor(svc, pod);
      const portKey = JSON.stringify(ports);
      const group = groups.get(portKey) ?? { ports, endpoints: [] };
      group.endpoints.push(this.#endpointFor(svc, pod, ip));
      groups.set(portKey, group);
    }
    const triggerTime = this.#triggers.compute(key, svc, pods);
    const existing = client.list<EndpointSliceObject>(
      kinds.endpointSlice,
      namespace,
      (s) => s.metadata.labels?.[serviceNameLabel] === name && s.metadata.labels?.[managedByLabel] === endpointSliceControllerName && s.addressType === 'IPv4',
    );
    const unused = new Map(existing.map((s) => [s.metadata.name ?? '', s]));
    const desired: { ports: SlicePort[] | null; endpoints: SliceEndpoint[] | null }[] = [];
    for (const group of groups.values()) {
      for (let i = 0; i < group.endpoints.length; i += maxEndpointsPerSlice) desired.push({ ports: group.ports, endpoints: group.endpoints.slice(i, i + maxEndpointsPerSlice) });
    }
    // No endpoints at all: one placeholder slice, so clients see the Service was processed.
    if (desired.length === 0) desired.push({ ports: null, endpoints: null });
    for (const want of desired) {
      const match = [...unused.values()].find((s) => deepEqual(s.ports ?? null, want.ports)) ?? (want.endpoints === null ? unused.values().next().value : undefined);
      if (match) unused.delete(match.metadata.name ?? '');
      this.#write(svc, match, want.ports, want.endpoints, triggerTime);
    }
    for (const slice of unused.values()) {
      try {
        client.delete(kinds.endpointSlice, namespace, slice.metadata.name ?? '');
      } catch (error) {
        if (!(error instanceof ApiError && error.reason === 'NotFound')) throw error;
      }
    }
  }

  #portsFor(svc: Readonly<ServiceObject>, pod: Readonly<PodObject>): SlicePort[] {
    const ports: SlicePort[] = [];
    for (const port of svc.spec?.ports ?? []) {
      const number = findPort(pod, port);
      if (number === undefined) continue;
      const slicePort: SlicePort = { name: port.name ?? '', port: number, protocol: port.protocol ?? 'TCP' };
      if (port.appProtocol) slicePort.appProtocol = port.appProtocol;
      ports.push(slicePort);
    }
    return ports;
  }

  // podToEndpoint: ready only if serving and not terminating (unless publishNotReadyAddresses).
  #endpointFor(svc: Readonly<ServiceObject>, pod: Readonly<PodObject>, ip: string): SliceEndpoint {
    const serving = isPodReady(pod);
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
    const endpoint: SliceEndpoint = {
      addresses: [ip],
      conditions: { ready, serving, terminating },
      targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    };
    if (shouldSetHostname(pod, svc)) endpoint.hostname = pod.spec.hostname;
    endpoint.nodeName = pod.spec.nodeName ?? '';
    const zone = pod.spec.nodeName ? this.ctx.client.get<NodeObject>(kinds.node, '', pod.spec.nodeName)?.metadata.labels?.['topology.kubernetes.io/zone'] : undefined;
    if (zone) endpoint.zone = zone;
    return endpoint;
  }

  #write(svc: Readonly<ServiceObject>, current: Readonly<EndpointSliceObject> | undefined, ports: SlicePort[] | null, endpoints: SliceEndpoint[] | null, triggerTime: number | undefined): void {
    const { client } = this.ctx;
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (k !== serviceNameLabel && k !== managedByLabel) labels[k] = v;
    labels[serviceNameLabel] = svc.metadata.name ?? '';
    labels[managedByLabel] = endpointSliceControllerName;
    if (!isServiceIPSet(svc)) labels[headlessLabel] = '';
    if (current) {
      const ownedBySvc = controllerRefOf(current)?.uid === svc.metadata.uid;
      if (ownedBySvc && deepEqual(current.endpoints ?? null, endpoints) && deepEqual(current.ports ?? null, ports) && deepEqual(current.metadata.labels, labels)) return;
      const next = cloneJson(current) as EndpointSliceObject;
      next.metadata.labels = labels;
      next.metadata.ownerReferences = [newControllerRef(svc, kinds.service)];
      this.#annotate(next, triggerTime);
      next.endpoints = endpoints;
      next.ports = ports;
      client.update(kinds.endpointSlice, next);
      return;
    }
    // getEndpointSlicePrefix: `<service>-`, the API server adds five random characters.
    const slice: EndpointSliceObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { generateName: `${svc.metadata.name}-`, namespace: svc.metadata.namespace, labels, ownerReferences: [newControllerRef(svc, kinds.service)] },
      addressType: 'IPv4',
      endpoints,
      ports,
    };
    this.#annotate(slice, triggerTime);
    try {
      client.create(kinds.endpointSlice, slice);
    } catch (error) {
      // A namespace being deleted refuses new slices.
      if (error instanceof ApiError && error.reason === 'Forbidden') return;
      throw error;
    }
  }

  #annotate(slice: EndpointSliceObject, triggerTime: number | undefined): void {
    const annotations = { ...slice.metadata.annotations };
    if (triggerTime !== undefined) annotations[triggerTimeAnnotation] = rfc3339(triggerTime);
    else delete annotations[triggerTimeAnnotation];
    if (Object.keys(annotations).length > 0) slice.metadata.annotations = annotations;
    else delete slice.metadata.annotations;
  }
}
