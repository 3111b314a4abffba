import type { KubeObject } from '@minik/types';
import { ApiError } from '../../errors/index.js';
import { deepEqual } from '../../util/deep-equal.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { ReconcileResult } from '../runtime/index.js';
import { splitKey } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { claimObjects, controllerRefOf, newControllerRef } from '../shared/controller-ref.js';
import { kinds } from '../shared/kinds.js';
import type { PodObject, ReplicaSetObject } from '../shared/object-types.js';
import { isPodActive } from '../shared/pod-conditions.js';
import { podFromTemplate } from './pod-from-template.js';
import { podsToDelete } from './pods-to-delete.js';
import { replicaSetStatus } from './replica-set-status.js';
import { replicaSetKind, type ReplicatedKind } from './replicated-kind.js';
import { cloneJson } from '../../util/clone-json.js';
import { selectorSelects } from '../shared/selector-selects.js';
import { availabilityRequeue } from '../shared/availability-requeue.js';
import { ownerEventsListener } from '../shared/owner-events.js';

// --concurrent-replicaset-syncs aside, one sync creates or deletes at most this many pods.
const burstReplicas = 500;

/**
 * The ReplicaSet controller: keeps `spec.replicas` active pods matching the selector, creating
 * them from the template (`<rs>-<5 chars>`, controller reference) and deleting the least valuable
 * ones first; adopts orphans that match and releases pods that stopped matching; reports status.
 * Constructed with another {@link ReplicatedKind}, it is the ReplicationController controller too,
 * as upstream's is.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/replicaset/replica_set.go
 */
export class ReplicaSetController extends ControllerBase {
  readonly #recorder: EventRecorder;
  readonly #kind: ReplicatedKind;

  constructor(ctx: ControllerContext, kind: ReplicatedKind = replicaSetKind) {
    super(kind.controllerName, ctx);
    this.#kind = kind;
    this.#recorder = ctx.events.newRecorder({ component: kind.controllerName });
  }

  protected setup(): void {
    this.watchPrimary(this.#kind.kind);
    this.watch(kinds.pod, ownerEventsListener({ client: this.ctx.client, queue: this.queue, ownerKind: this.#kind.kind, selectorOf: (rs) => this.#kind.asReplicaSet(rs).spec.selector }));
  }

  // The kind's objects in a namespace, read as ReplicaSets.
  #list(namespace: string): Readonly<ReplicaSetObject>[] {
    return this.ctx.client.list(this.#kind.kind, namespace).map((obj) => this.#kind.asReplicaSet(obj));
  }

  reconcile(key: string): ReconcileResult | void {
    const { client, clock } = this.ctx;
    const { namespace, name } = splitKey(key);
    const stored = client.get(this.#kind.kind, namespace, name);
    if (!stored) return;
    const rs = this.#kind.asReplicaSet(stored);
    const active = client.list<PodObject>(kinds.pod, namespace, isPodActive);
    const pods = claimObjects<PodObject>({ client, owner: rs, ownerKind: this.#kind.kind, kind: kinds.pod, matches: (p) => selectorSelects(rs.spec.selector, p) }, active);
    let manageError: Error | undefined;
    if (rs.metadata.deletionTimestamp === undefined) {
      try {
        this.#manageReplicas(rs, pods);
      } catch (error) {
        manageError = error instanceof Error ? error : new Error(String(error));
      }
    }
    // As upstream, status counts the pods seen before this sync's writes; those writes requeue us.
    const current = client.get(this.#kind.kind, namespace, name);
    if (!current) return;
    const currentRs = this.#kind.asReplicaSet(current);
    // A ReplicationController's status has the ReplicaSet's fields: it is written back as computed.
    const status = { ...replicaSetStatus(currentRs, pods, manageError, clock.now(), this.nowString()), observedGeneration: current.metadata.generation ?? 0 };
    if (!deepEqual(status, current.status)) {
      client.updateStatus(this.#kind.kind, { ...cloneJson(current), status });
    }
    if (manageError) throw manageError;
    // With minReadySeconds, a ready pod turns available later without any write to wake us: requeue then.
    return availabilityRequeue(pods, currentRs.spec.minReadySeconds, clock.now());
  }

  #manageReplicas(rs: Readonly<ReplicaSetObject>, pods: readonly Readonly<PodObject>[]): void {
    const { client, clock } = this.ctx;
    const desired = rs.spec.replicas ?? 1;
    const diff = pods.length - desired;
    if (diff < 0) {
      const toCreate = Math.min(-diff, burstReplicas);
      const ref = newControllerRef(rs, this.#kind.kind);
      // slowStartBatch: creation stops at the first failure; the rest waits for the next sync.
      for (let i = 0; i < toCreate; i++) {
        const pod = podFromTemplate(rs.spec.template, rs, ref);
        if (Object.keys(pod.metadata.labels ?? {}).length === 0) throw new Error('unable to create pods, no labels');
        try {
          const created = client.create(kinds.pod, pod);
          this.#recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
        } catch (error) {
          // A terminating namespace refuses new pods; upstream treats that as nothing to do.
          if (error instanceof ApiError && error.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return;
          this.#recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
          throw error;
        }
      }
    } else if (diff > 0) {
      const related = this.#relatedPods(rs);
      for (const pod of podsToDelete(pods, related, Math.min(diff, burstReplicas), clock.now())) {
        try {
          client.delete(kinds.pod, namespace(pod), pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
          this.#recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        } catch (error) {
          if (error instanceof ApiError && error.reason === 'NotFound') continue;
          this.#recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${(error as Error).message}`);
          throw error;
        }
      }
    }
  }

  /** getIndirectlyRelatedPods: pods of every ReplicaSet with the same controller (a Deployment's history). */
  #relatedPods(rs: Readonly<ReplicaSetObject>): Readonly<PodObject>[] {
    const { client } = this.ctx;
    const ns = namespace(rs);
    const owner = controllerRefOf(rs);
    const siblings = owner ? this.#list(ns).filter((other) => controllerRefOf(other)?.uid === owner.uid) : [rs];
    const seen = new Set<string>();
    const related: Readonly<PodObject>[] = [];
    const pods = client.list<PodObject>(kinds.pod, ns);
    for (const sibling of siblings) {
      for (const pod of pods) {
        if (!selectorSelects(sibling.spec.selector, pod) || seen.has(pod.metadata.uid ?? '')) continue;
        seen.add(pod.metadata.uid ?? '');
        related.push(pod);
      }
    }
    return related;
  }
}

function namespace(obj: Readonly<KubeObject>): string {
  return obj.metadata.namespace ?? '';
}

