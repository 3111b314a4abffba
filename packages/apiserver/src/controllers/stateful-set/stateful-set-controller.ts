import type { KubeObject, LabelSelector, PodTemplateSpec } from '@minik/types';
import type { KindRef } from '../../client/in-process-client.js';
import { ApiError } from '../../errors/index.js';
import { deepEqual } from '../../util/deep-equal.js';
import { podTemplateHash } from '../deployment/pod-template-hash.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { ReconcileResult } from '../runtime/index.js';
import { splitKey } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { claimObjects, controllerRefOf, newControllerRef } from '../shared/controller-ref.js';
import { kinds } from '../shared/kinds.js';
import type { PodObject } from '../shared/object-types.js';
import { isPodAvailable, isPodReady } from '../shared/pod-conditions.js';
import { ordinalOf, statefulPod, statefulSetLabels } from './stateful-pod.js';
import { cloneJson } from '../../util/clone-json.js';
import { selectorSelects } from '../shared/selector-selects.js';
import { availabilityRequeue } from '../shared/availability-requeue.js';
import { ownerEventsListener } from '../shared/owner-events.js';

/** apps/v1 StatefulSet, as the controller reads it. */
export type StatefulSetObject = KubeObject & {
  spec: {
    replicas?: number;
    selector?: LabelSelector;
    template?: PodTemplateSpec;
    serviceName?: string;
    podManagementPolicy?: string;
    minReadySeconds?: number;
    ordinals?: { start?: number };
    volumeClaimTemplates?: { metadata?: { name?: string } }[];
  };
  status?: Record<string, unknown>;
};

const statefulSetKind: KindRef = { apiVersion: 'apps/v1', kind: 'StatefulSet' };

/**
 * The StatefulSet controller: pods `<set>-<ordinal>` with stable identities. Under OrderedReady
 * each ordinal waits for every lower one to be Running and Ready and scale-down removes the
 * highest ordinal first, one at a time; Parallel creates and deletes them all at once. Failed
 * pods are recreated under the same name; a changed template replaces pods from the highest
 * ordinal down (RollingUpdate, partition 0).
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/statefulset/stateful_set_control.go
 */
export class StatefulSetController extends ControllerBase {
  readonly #recorder: EventRecorder;

  constructor(ctx: ControllerContext) {
    super('statefulset-controller', ctx);
    this.#recorder = ctx.events.newRecorder({ component: 'statefulset-controller' });
  }

  protected setup(): void {
    this.watchPrimary(statefulSetKind);
    this.watch(kinds.pod, ownerEventsListener({ client: this.ctx.client, queue: this.queue, ownerKind: statefulSetKind, selectorOf: (set) => (set as Readonly<StatefulSetObject>).spec.selector }));
  }

  reconcile(key: string): ReconcileResult | void {
    const { client } = this.ctx;
    const { namespace, name } = splitKey(key);
    const set = client.get<StatefulSetObject>(statefulSetKind, namespace, name);
    if (!set) return;
    // Only pods named like the set's members are claimed (isMemberOf).
    const pods = claimObjects<PodObject>(
      { client, owner: set, ownerKind: statefulSetKind, kind: kinds.pod, matches: (p) => selectorSelects(set.spec.selector, p) && ordinalOf(name, p.metadata.name) !== undefined },
      client.list<PodObject>(kinds.pod, namespace),
    );
    const revision = `${name}-${podTemplateHash(set.spec.template)}`;
    if (set.metadata.deletionTimestamp === undefined) this.#sync(set, pods, revision);
    const current = client.get<StatefulSetObject>(statefulSetKind, namespace, name);
    if (!current) return;
    const owned = client.list<PodObject>(kinds.pod, namespace, (p) => controllerRefOf(p)?.uid === current.metadata.uid);
    const status = this.#status(current, owned, revision);
    if (!deepEqual(status, current.status)) client.updateStatus(statefulSetKind, { ...cloneJson(current), status } as StatefulSetObject);
    return availabilityRequeue(owned, current.spec.minReadySeconds, this.ctx.clock.now());
  }

  // updateStatefulSet: one pass over the replicas and the condemned, stopping where OrderedReady must wait.
  #sync(set: Readonly<StatefulSetObject>, pods: readonly Readonly<PodObject>[], revision: string): void {
    const name = set.metadata.name ?? '';
    const replicas = set.spec.replicas ?? 1;
    const start = set.spec.ordinals?.start ?? 0;
    const ordered = (set.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
    const byOrdinal = new Map<number, Readonly<PodObject>>();
    for (const pod of pods) byOrdinal.set(ordinalOf(name, pod.metadata.name)!, pod);
    const inRange = (ordinal: number): boolean => ordinal >= start && ordinal < start + replicas;

    for (let ordinal = start; ordinal < start + replicas; ordinal++) {
      const pod = byOrdinal.get(ordinal);
      if (!pod) {
        this.#create(set, ordinal, revision);
        if (ordered) return;
        continue;
      }
      const phase = pod.status?.phase;
      if ((phase === 'Failed' || phase === 'Succeeded') && !pod.metadata.deletionTimestamp) {
        // A finished pod is deleted and recreated under the same name on the next pass.
        this.#delete(set, pod, 'recreate');
        if (ordered) return;
        continue;
      }
      if (ordered && (pod.metadata.deletionTimestamp || phase !== 'Running' || !isPodReady(pod))) return;
    }

    // Scale down: the condemned, highest ordinal first; OrderedReady one at a time.
    const condemned = [...byOrdinal.entries()].filter(([ordinal]) => !inRange(ordinal)).sort((a, b) => b[0] - a[0]);
    for (const [, pod] of condemned) {
      if (pod.metadata.deletionTimestamp) {
        if (ordered) return;
        continue;
      }
      this.#delete(set, pod, 'delete');
      if (ordered) return;
    }

    // RollingUpdate with partition 0: replace out-of-date pods from the highest ordinal down, one at a time.
    for (let ordinal = start + replicas - 1; ordinal >= start; ordinal--) {
      const pod = byOrdinal.get(ordinal);
      if (!pod) return;
      if (pod.metadata.deletionTimestamp || !isPodReady(pod)) return;
      if (pod.metadata.labels?.[statefulSetLabels.revisionHash] !== revision) {
        this.#delete(set, pod, 'delete');
        return;
      }
    }
  }

  #create(set: Readonly<StatefulSetObject>, ordinal: number, revision: string): void {
    const pod = statefulPod(set, ordinal, revision, newControllerRef(set, statefulSetKind));
    const setName = set.metadata.name ?? '';
    try {
      this.ctx.client.create(kinds.pod, pod);
      this.#recorder.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${setName} successful`);
    } catch (error) {
      if (error instanceof ApiError && (error.reason === 'AlreadyExists' || error.details?.causes?.some((c) => c.reason === 'NamespaceTerminating'))) return;
      this.#recorder.event(set, 'Warning', 'FailedCreate', `create Pod ${pod.metadata.name} in StatefulSet ${setName} failed error: ${(error as Error).message}`);
      throw error;
    }
  }

  #delete(set: Readonly<StatefulSetObject>, pod: Readonly<PodObject>, verb: 'delete' | 'recreate'): void {
    const setName = set.metadata.name ?? '';
    try {
      this.ctx.client.delete(kinds.pod, pod.metadata.namespace ?? '', pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
      if (verb === 'recreate') {
        this.#recorder.event(set, 'Warning', 'RecreatingFailedPod', `StatefulSet ${pod.metadata.namespace}/${setName} is recreating failed Pod ${pod.metadata.name}`);
      }
      this.#recorder.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${setName} successful`);
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'NotFound') return;
      this.#recorder.event(set, 'Warning', 'FailedDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${setName} failed error: ${(error as Error).message}`);
      throw error;
    }
  }

  // computeReplicaStatus: counts over the set's pods that are not being deleted.
  #status(set: Readonly<StatefulSetObject>, pods: readonly Readonly<PodObject>[], revision: string): Record<string, unknown> {
    const now = this.ctx.clock.now();
    const minReady = set.spec.minReadySeconds ?? 0;
    let replicas = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue;
      replicas++;
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReady, now)) available++;
      }
      if (pod.metadata.labels?.[statefulSetLabels.revisionHash] === revision) updated++;
    }
    const status: Record<string, unknown> = { observedGeneration: set.metadata.generation ?? 0, replicas, availableReplicas: available };
    if (ready > 0) status.readyReplicas = ready;
    // Once every pod is up to date the update revision becomes the current one (minik keeps no ControllerRevisions).
    if (updated > 0) status.currentReplicas = updated;
    if (updated > 0) status.updatedReplicas = updated;
    status.currentRevision = revision;
    status.updateRevision = revision;
    status.collisionCount = 0;
    return status;
  }
}

