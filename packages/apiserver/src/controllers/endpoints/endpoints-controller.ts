import { ApiError } from '../../errors/index.js';
import { deepEqual } from '../../util/deep-equal.js';
import { rfc3339 } from '../../util/time.js';
import type { ReconcileResult } from '../runtime/index.js';
import { splitKey } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { kinds } from '../shared/kinds.js';
import type { EndpointsObject, PodObject, ServiceObject } from '../shared/object-types.js';
import { isPodReady } from '../shared/pod-conditions.js';
import { findPort, hasSelector, isServiceIPSet, podIPv4, selectedBy, shouldPodBeInEndpoints, shouldSetHostname, TriggerTimeTracker } from '../shared/service-endpoints.js';
import { watchServicesAndPods } from '../shared/service-watch.js';
import { repackSubsets, type AddressEntry, type EndpointAddress } from './repack-subsets.js';
import { cloneJson } from '../../util/clone-json.js';

const triggerTimeAnnotation = 'endpoints.kubernetes.io/last-change-trigger-time';
const headlessLabel = 'service.kubernetes.io/headless';

/**
 * The endpoints controller: each Service with a selector gets an Endpoints object of the same name
 * listing its pods' IPs and target ports — ready pods under `addresses`, the others under
 * `notReadyAddresses` — kept current as pods come, go and change readiness.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/endpoint/endpoints_controller.go
 */
export class EndpointsController extends ControllerBase {
  readonly #triggers = new TriggerTimeTracker();

  constructor(ctx: ControllerContext) {
    super('endpoint-controller', ctx);
  }

  protected setup(): void {
    watchServicesAndPods((kind, listener) => this.watch(kind, listener), this.ctx.client, this.queue);
  }

  reconcile(key: string): ReconcileResult | void {
    const { client } = this.ctx;
    const { namespace, name } = splitKey(key);
    const svc = client.get<ServiceObject>(kinds.service, namespace, name);
    if (!svc) {
      this.#triggers.forget(key);
      try {
        client.delete(kinds.endpoints, namespace, name);
      } catch (error) {
        if (!(error instanceof ApiError && error.reason === 'NotFound')) throw error;
      }
      return;
    }
    // ExternalName Services get no endpoints; selector-less ones are managed by their owners.
    if (svc.spec?.type === 'ExternalName' || !hasSelector(svc)) return;
    const pods = client.list<PodObject>(kinds.pod, namespace, (pod) => selectedBy(svc, pod));
    const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
    const entries: AddressEntry[] = [];
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
      const ip = podIPv4(pod);
      if (!ip) continue;
      const address: EndpointAddress = { ip };
      if (shouldSetHostname(pod, svc)) address.hostname = pod.spec.hostname;
      address.nodeName = pod.spec.nodeName ?? '';
      address.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
      const ready = publishNotReady || isPodReady(pod);
      const servicePorts = svc.spec?.ports ?? [];
      if (servicePorts.length === 0) {
        // Only headless Services list addresses without ports.
        if (svc.spec?.clusterIP === 'None') entries.push({ address, ready, ports: [] });
        continue;
      }
      for (const port of servicePorts) {
        const number = findPort(pod, port);
        if (number === undefined) continue;
        const endpointPort: NonNullable<AddressEntry['ports']>[number] = { port: number, protocol: port.protocol ?? 'TCP' };
        if (port.name) endpointPort.name = port.name;
        if (port.appProtocol) endpointPort.appProtocol = port.appProtocol;
        entries.push({ address, ready, ports: [endpointPort] });
      }
    }
    const subsets = repackSubsets(entries);
    const triggerTime = this.#triggers.compute(key, svc, pods);
    const current = client.get<EndpointsObject>(kinds.endpoints, namespace, name);
    const serviceLabels = svc.metadata.labels ?? {};
    if (current) {
      const { [headlessLabel]: _headless, ...currentLabels } = current.metadata.labels ?? {};
      if (deepEqual(current.subsets ?? [], subsets) && deepEqual(currentLabels, serviceLabels)) return;
    }
    const next: EndpointsObject = current ? (cloneJson(current) as EndpointsObject) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } };
    if (subsets.length > 0) next.subsets = subsets;
    else delete next.subsets;
    const labels: Record<string, string> = { ...serviceLabels };
    if (!isServiceIPSet(svc)) labels[headlessLabel] = '';
    if (Object.keys(labels).length > 0) next.metadata.labels = labels;
    else delete next.metadata.labels;
    const annotations = { ...next.metadata.annotations };
    if (triggerTime !== undefined) annotations[triggerTimeAnnotation] = rfc3339(triggerTime);
    else delete annotations[triggerTimeAnnotation];
    if (Object.keys(annotations).length > 0) next.metadata.annotations = annotations;
    else delete next.metadata.annotations;
    try {
      if (current) client.update(kinds.endpoints, next);
      else client.create(kinds.endpoints, next);
    } catch (error) {
      // A namespace being deleted refuses new Endpoints; that is not worth a retry.
      if (error instanceof ApiError && error.reason === 'Forbidden') return;
      throw error;
    }
  }
}
