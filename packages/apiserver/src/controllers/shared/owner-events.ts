import type { KubeObject, LabelSelector } from '@minik/types';
import type { InProcessClient, KindRef } from '../../client/in-process-client.js';
import type { StoreEvent } from '../../store/index.js';
import { objectKey, type Controller } from '../runtime/index.js';
import { controllerRefOf, refersToKind } from './controller-ref.js';
import { selectorSelects } from './selector-selects.js';

/** Which owners a change to a dependent (a pod, a Deployment's ReplicaSet) wakes, and where. */
export interface OwnerEvents {
  readonly client: InProcessClient;
  /** The owner controller's work queue. */
  readonly queue: Pick<Controller, 'enqueue'>;
  /** The owning kind: a dependent whose controller reference names this kind wakes that object. */
  readonly ownerKind: KindRef;
  /** An owner's selector (spec.selector; a ReplicationController's converted to a LabelSelector). */
  selectorOf(owner: Readonly<KubeObject>): LabelSelector | null | undefined;
}

/**
 * resolveControllerRef / getPodControllers: a dependent with a controller reference wakes its
 * controller if that is of the owner kind (and nothing otherwise); an orphan wakes every owner in
 * its namespace whose selector matches it, since any of them may adopt it.
 */
export function enqueueOwnersOf(events: OwnerEvents, dependent: Readonly<KubeObject>): void {
  const namespace = dependent.metadata.namespace ?? '';
  const ref = controllerRefOf(dependent);
  if (ref) {
    if (refersToKind(ref, events.ownerKind)) events.queue.enqueue(objectKey(namespace, ref.name));
    return;
  }
  for (const owner of events.client.list(events.ownerKind, namespace)) {
    if (selectorSelects(events.selectorOf(owner), dependent)) events.queue.enqueue(objectKey(namespace, owner.metadata.name ?? ''));
  }
}

/**
 * A watch listener for dependents (addPod/updatePod/deletePod): wakes the owners of the object as
 * it is now and, on an update, as it was, so an owner the dependent left (its controller reference
 * or labels changed) resyncs too, as upstream requeues the old controller.
 */
export function ownerEventsListener(events: OwnerEvents): (dependent: Readonly<KubeObject>, event: StoreEvent) => void {
  return (dependent, event) => {
    enqueueOwnersOf(events, dependent);
    if (event.previous) enqueueOwnersOf(events, event.previous.object);
  };
}
