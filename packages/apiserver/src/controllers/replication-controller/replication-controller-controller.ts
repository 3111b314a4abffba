import type { KubeObject, ReplicaSetStatus, ReplicationController } from '@minik/types';
import type { KindRef } from '../../client/in-process-client.js';
import { ApiError } from '../../errors/index.js';
import { deepEqual } from '../../util/deep-equal.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { podFromTemplate } from '../replica-set/pod-from-template.js';
import { podsToDelete } from '../replica-set/pods-to-delete.js';
import { replicaSetStatus } from '../replica-set/replica-set-status.js';
import type { ReconcileResult } from '../runtime/index.js';
import { objectKey, splitKey } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { claimObjects, controllerRefOf, newControllerRef, refersToKind } from '../shared/controller-ref.js';
import { kinds } from '../shared/kinds.js';
import type { PodObject, ReplicaSetObject } from '../shared/object-types.js';
import { isPodActive, isPodReady, podAvailableAt } from '../shared/pod-conditions.js';
import { cloneJson } from '../../util/clone-json.js';

/** core/v1 ReplicationController, as the controller reads it. */
export type ReplicationControllerObject = KubeObject & Required<Pick<ReplicationController, 'spec'>> & Pick<ReplicationController, 'status'>;

const replicationControllerKind: KindRef = { apiVersion: 'v1', kind: 'ReplicationController' };
const burstReplicas = 500;

/**
 * The ReplicationController controller. Upstream runs the ReplicaSet controller itself over an
 * adapter that converts RCs to ReplicaSets (pkg/controller/replication); here the same pieces —
 * claim by selector, create from the template, delete the least valuable pods first, ReplicaSet
 * status — run against the RC's plain label-map selector, with the RC's own event source.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/replication/replication_controller.go
 */
export class ReplicationControllerController extends ControllerBase {
  readonly #recorder: EventRecorder;

  constructor(ctx: ControllerContext) {
    super('replication-controller', ctx);
    this.#recorder = ctx.events.newRecorder({ component: 'replication-controller' });
  }

  protected setup(): void {
    this.watch(replicationControllerKind, (rc) => this.queue.enqueue(objectKey(rc.metadata.namespace, rc.metadata.name ?? '')));
    this.watch(kinds.pod, (pod, event) => {
      this.#enqueueForPod(pod);
      if (event.previous) this.#enqueueForPod(event.previous.object);
    });
    for (const rc of this.ctx.client.list(replicationControllerKind)) this.queue.enqueue(objectKey(rc.metadata.namespace, rc.metadata.name ?? ''));
  }

  #enqueueForPod(pod: Readonly<KubeObject>): void {
    const namespace = pod.metadata.namespace ?? '';
    const ref = controllerRefOf(pod);
    if (ref) {
      if (refersToKind(ref, replicationControllerKind)) this.queue.enqueue(objectKey(namespace, ref.name));
      return;
    }
    for (const rc of this.ctx.client.list<ReplicationControllerObject>(replicationControllerKind, namespace)) {
      if (selects(rc, pod)) this.queue.enqueue(objectKey(namespace, rc.metadata.name ?? ''));
    }
  }

  reconcile(key: string): ReconcileResult | void {
    const { client, clock } = this.ctx;
    const { namespace, name } = splitKey(key);
    const rc = client.get<ReplicationControllerObject>(replicationControllerKind, namespace, name);
    if (!rc) return;
    const active = client.list<PodObject>(kinds.pod, namespace, isPodActive);
    const pods = claimObjects<PodObject>({ client, owner: rc, ownerKind: replicationControllerKind, kind: kinds.pod, matches: (p) => selects(rc, p) }, active);
    let manageError: Error | undefined;
    if (rc.metadata.deletionTimestamp === undefined) {
      try {
        this.#manageReplicas(rc, pods);
      } catch (error) {
        manageError = error instanceof Error ? error : new Error(String(error));
      }
    }
    const current = client.get<ReplicationControllerObject>(replicationControllerKind, namespace, name);
    if (!current) return;
    // ReplicationControllerStatus has the ReplicaSetStatus fields (the adapter converts one to the other).
    const computed: ReplicaSetStatus = replicaSetStatus(asReplicaSet(current), pods, manageError, clock.now(), this.nowString());
    const status = { ...computed, observedGeneration: current.metadata.generation ?? 0 };
    if (!deepEqual(status, current.status)) {
      client.updateStatus(replicationControllerKind, { ...cloneJson(current), status } as ReplicationControllerObject);
    }
    if (manageError) throw manageError;
    return this.#availabilityRequeue(current, pods);
  }

  #manageReplicas(rc: Readonly<ReplicationControllerObject>, pods: readonly Readonly<PodObject>[]): void {
    const { client, clock } = this.ctx;
    const diff = pods.length - (rc.spec.replicas ?? 1);
    if (diff < 0) {
      const ref = newControllerRef(rc, replicationControllerKind);
      for (let i = 0; i < Math.min(-diff, burstReplicas); i++) {
        const pod = podFromTemplate(rc.spec.template, rc, ref);
        try {
          const created = client.create(kinds.pod, pod);
          this.#recorder.event(rc, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
        } catch (error) {
          if (error instanceof ApiError && error.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return;
          this.#recorder.event(rc, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
          throw error;
        }
      }
    } else if (diff > 0) {
      for (const pod of podsToDelete(pods, pods, Math.min(diff, burstReplicas), clock.now())) {
        try {
          client.delete(kinds.pod, pod.metadata.namespace ?? '', pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
          this.#recorder.event(rc, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        } catch (error) {
          if (error instanceof ApiError && error.reason === 'NotFound') continue;
          this.#recorder.event(rc, 'Warning', 'FailedDelete', `Error deleting: ${(error as Error).message}`);
          throw error;
        }
      }
    }
  }

  #availabilityRequeue(rc: Readonly<ReplicationControllerObject>, pods: readonly Readonly<PodObject>[]): ReconcileResult | void {
    const minReady = rc.spec.minReadySeconds ?? 0;
    if (minReady <= 0) return;
    const now = this.ctx.clock.now();
    let next = Infinity;
    for (const pod of pods) {
      if (!isPodReady(pod)) continue;
      const at = podAvailableAt(pod, minReady);
      if (at !== undefined && at >= now) next = Math.min(next, at + 1);
    }
    if (next !== Infinity) return { requeueAfterMs: next - now };
  }
}

// The RC as the ReplicaSet status calculation reads it (template labels, replicas, minReadySeconds).
function asReplicaSet(rc: Readonly<ReplicationControllerObject>): ReplicaSetObject {
  const { selector, ...spec } = rc.spec;
  return { ...rc, spec: { ...spec, selector: { matchLabels: selector ?? {} } }, status: rc.status as ReplicaSetStatus | undefined } as ReplicaSetObject;
}

// labels.SelectorFromSet: every pair must match; an empty selector selects nothing here (validation forbids it).
function selects(rc: Readonly<ReplicationControllerObject>, pod: Readonly<KubeObject>): boolean {
  const selector = rc.spec.selector ?? {};
  const labels = pod.metadata.labels ?? {};
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}
