import type { KubeObject } from '@minik/types';
import type { InProcessClient, KindRef } from '../../client/in-process-client.js';
import type { StoreEvent } from '../../store/index.js';
import { objectKey, type Controller } from '../runtime/index.js';
import { kinds } from './kinds.js';
import type { ServiceObject } from './object-types.js';
import { selectedBy } from './service-endpoints.js';

/**
 * getPodServiceMemberships: the keys of the Services in a pod's namespace whose selector matches
 * the pod now or matched it before this change.
 */
export function servicesForPod(client: InProcessClient, pod: Readonly<KubeObject>, previous: Readonly<KubeObject> | undefined): string[] {
  const namespace = pod.metadata.namespace ?? '';
  const keys = new Set<string>();
  for (const svc of client.list<ServiceObject>(kinds.service, namespace)) {
    if (selectedBy(svc, pod) || (previous && selectedBy(svc, previous))) keys.add(objectKey(namespace, svc.metadata.name ?? ''));
  }
  return [...keys];
}

/** A controller's watch registration (ControllerBase.watch). */
export type WatchRegistrar = (kind: KindRef, listener: (obj: Readonly<KubeObject>, event: StoreEvent) => void) => void;

/**
 * The informers the endpoints and EndpointSlice controllers share, keyed by Service: a Service
 * change wakes that Service, a pod change every Service selecting the pod now or before; then
 * every existing Service is queued, as the initial list does.
 */
export function watchServicesAndPods(watch: WatchRegistrar, client: InProcessClient, queue: Pick<Controller, 'enqueue'>): void {
  const enqueue = (svc: Readonly<KubeObject>): void => queue.enqueue(objectKey(svc.metadata.namespace, svc.metadata.name ?? ''));
  watch(kinds.service, enqueue);
  watch(kinds.pod, (pod, event) => {
    for (const key of servicesForPod(client, pod, event.previous?.object)) queue.enqueue(key);
  });
  for (const svc of client.list(kinds.service)) enqueue(svc);
}
