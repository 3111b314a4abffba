import type { DeploymentStatus } from '@minik/types';
import type { InProcessClient } from '../../client/in-process-client.js';
import { ApiError } from '../../errors/index.js';
import type { Clock } from '../../util/clock.js';
import { deepEqual } from '../../util/deep-equal.js';
import { rfc3339 } from '../../util/time.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { newControllerRef } from '../shared/controller-ref.js';
import { kinds } from '../shared/kinds.js';
import type { DeploymentObject, ReplicaSetObject } from '../shared/object-types.js';
import { deploymentReasons, getDeploymentCondition, newDeploymentCondition, removeDeploymentCondition, setDeploymentCondition } from './deployment-conditions.js';
import { calculateStatus, deploymentComplete, deploymentProgressing, deploymentTimedOut, hasProgressDeadline } from './deployment-status.js';
import { podTemplateHash, podTemplateHashLabel } from './pod-template-hash.js';
import { findNewReplicaSet, findOldReplicaSets, equalIgnoreHash } from './replica-set-lookup.js';
import { maxRevision, replicasAnnotationsNeedUpdate, revisionOf, setDeploymentRevision, setNewReplicaSetAnnotations, setReplicasAnnotations } from './revision-annotations.js';
import { byCreationTimestamp, maxSurge, newRSNewReplicas, specReplicas } from './rollout-math.js';
import { cloneJson } from '../../util/clone-json.js';

type RS = Readonly<ReplicaSetObject>;

/** The new ReplicaSet (if any) and the old ones of a Deployment. */
export interface ReplicaSetsOfDeployment {
  newRS: RS | undefined;
  oldRSs: RS[];
}

/**
 * One sync of one Deployment: a writable copy of the Deployment, the ReplicaSets it owns (kept
 * current as this sync writes them), and the deployment controller's building blocks from
 * pkg/controller/deployment/sync.go.
 */
export class DeploymentSync {
  /** The Deployment as this sync sees and changes it; `persistStatus()` writes it back. */
  readonly d: DeploymentObject;
  #rsList: RS[];

  constructor(
    readonly client: InProcessClient,
    readonly clock: Clock,
    readonly recorder: EventRecorder,
    deployment: Readonly<DeploymentObject>,
    rsList: readonly RS[],
  ) {
    this.d = cloneJson(deployment) as DeploymentObject;
    this.#rsList = [...rsList];
  }

  get rsList(): readonly RS[] {
    return this.#rsList;
  }

  now(): string {
    return rfc3339(this.clock.now());
  }

  #replace(rs: RS): RS {
    const index = this.#rsList.findIndex((r) => r.metadata.uid === rs.metadata.uid);
    if (index < 0) this.#rsList.push(rs);
    else this.#rsList[index] = rs;
    return rs;
  }

  /** getAllReplicaSetsAndSyncRevision: old ReplicaSets, and the new one with its revision synced (created when asked). */
  getAllReplicaSetsAndSyncRevision(createIfNotExisted: boolean): ReplicaSetsOfDeployment {
    const { all } = findOldReplicaSets(this.d, this.#rsList);
    const newRS = this.getNewReplicaSet(all, createIfNotExisted);
    // Writes above may have replaced old ReplicaSets: return the current copies.
    const oldRSs = all.map((rs) => this.#rsList.find((r) => r.metadata.uid === rs.metadata.uid) ?? rs);
    return { newRS, oldRSs };
  }

  /**
   * getNewReplicaSet: brings an existing new ReplicaSet's annotations (revision = max old + 1,
   * revision-history on a rollback) and minReadySeconds up to date, or creates it as
   * `<deployment>-<pod-template-hash>` with as many replicas as the strategy allows now.
   */
  getNewReplicaSet(oldRSs: readonly RS[], createIfNotExisted: boolean): RS | undefined {
    const d = this.d;
    const existing = findNewReplicaSet(d, this.#rsList);
    const newRevision = String(maxRevision(oldRSs) + 1);
    if (existing) {
      const copy = cloneJson(existing) as ReplicaSetObject;
      const annotationsUpdated = setNewReplicaSetAnnotations(d, copy, newRevision, true, specReplicas(d) + maxSurge(d));
      const minReadyChanged = (copy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
      if (annotationsUpdated || minReadyChanged) {
        // Go's omitempty: a zero minReadySeconds is not written at all.
        if (d.spec.minReadySeconds) copy.spec.minReadySeconds = d.spec.minReadySeconds;
        else delete copy.spec.minReadySeconds;
        return this.#replace(this.client.update(kinds.replicaSet, copy));
      }
      let needsUpdate = setDeploymentRevision(d, copy.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '');
      if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, 'Progressing')) {
        const status = (d.status ??= {});
        setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', deploymentReasons.foundNewRS, `Found new replica set "${copy.metadata.name}"`, this.now()));
        needsUpdate = true;
      }
      if (needsUpdate) this.persistStatus();
      return existing;
    }
    if (!createIfNotExisted) return undefined;

    const template = cloneJson(d.spec.template);
    const hash = podTemplateHash(d.spec.template, d.status?.collisionCount);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [podTemplateHashLabel]: hash } };
    const selector = cloneJson(d.spec.selector);
    selector.matchLabels = { ...selector.matchLabels, [podTemplateHashLabel]: hash };
    const newRS: ReplicaSetObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...template.metadata.labels },
        ownerReferences: [newControllerRef(d, kinds.deployment)],
      },
      spec: { replicas: 0, ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}), selector, template },
    };
    newRS.spec.replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
    setNewReplicaSetAnnotations(d, newRS, newRevision, false, specReplicas(d) + maxSurge(d));

    let created: RS;
    let alreadyExists = false;
    try {
      created = this.#replace(this.client.create(kinds.replicaSet, newRS));
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'AlreadyExists') {
        const found = this.client.get<ReplicaSetObject>(kinds.replicaSet, d.metadata.namespace ?? '', newRS.metadata.name ?? '');
        const owner = found?.metadata.ownerReferences?.find((r) => r.controller === true);
        if (found && owner?.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, found.spec.template)) {
          created = this.#replace(found);
          alreadyExists = true;
        } else {
          // A hash collision: bump collisionCount so the next sync computes another name.
          const status = (d.status ??= {});
          status.collisionCount = (status.collisionCount ?? 0) + 1;
          this.persistStatus();
          throw error;
        }
      } else if (error instanceof ApiError && error.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) {
        throw error;
      } else {
        const message = `Failed to create new replica set "${newRS.metadata.name}": ${(error as Error).message}`;
        if (hasProgressDeadline(d)) {
          setDeploymentCondition((d.status ??= {}), newDeploymentCondition('Progressing', 'False', deploymentReasons.failedRSCreate, message, this.now()));
          this.persistStatus();
        }
        this.recorder.event(d, 'Warning', deploymentReasons.failedRSCreate, message);
        throw error;
      }
    }
    const replicas = specReplicas(created);
    if (!alreadyExists && replicas > 0) {
      this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`);
    }
    let needsUpdate = setDeploymentRevision(d, newRevision);
    if (!alreadyExists && hasProgressDeadline(d)) {
      setDeploymentCondition((d.status ??= {}), newDeploymentCondition('Progressing', 'True', deploymentReasons.newRSCreated, `Created new replica set "${created.metadata.name}"`, this.now()));
      needsUpdate = true;
    }
    if (needsUpdate) this.persistStatus();
    return created;
  }

  /** scaleReplicaSetAndRecordEvent: scales one ReplicaSet, naming the direction in the event. */
  scaleReplicaSetAndRecordEvent(rs: RS, newScale: number): { scaled: boolean; rs: RS } {
    if (specReplicas(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, specReplicas(rs) < newScale ? 'up' : 'down');
  }

  /**
   * scaleReplicaSet: writes the new size together with the desired-replicas and max-replicas
   * annotations, and records "Scaled up replica set web-… from 1 to 3".
   */
  scaleReplicaSet(rs: RS, newScale: number, operation: string): { scaled: boolean; rs: RS } {
    const d = this.d;
    const sizeNeedsUpdate = specReplicas(rs) !== newScale;
    const max = specReplicas(d) + maxSurge(d);
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, specReplicas(d), max)) return { scaled: false, rs };
    const oldScale = specReplicas(rs);
    const copy = cloneJson(rs) as ReplicaSetObject;
    copy.spec.replicas = newScale;
    setReplicasAnnotations(copy, specReplicas(d), max);
    const updated = this.#replace(this.client.update(kinds.replicaSet, copy));
    if (sizeNeedsUpdate) {
      this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${updated.metadata.name} from ${oldScale} to ${newScale}`);
    }
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  /**
   * cleanupDeployment: deletes the oldest revisions beyond revisionHistoryLimit, but only
   * ReplicaSets that are scaled to zero, fully observed and not already going.
   */
  cleanupDeployment(oldRSs: readonly RS[]): void {
    const limit = this.d.spec.revisionHistoryLimit;
    if (limit === undefined) return;
    const cleanable = oldRSs.filter((rs) => rs.metadata.deletionTimestamp === undefined);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    cleanable.sort(byRevision);
    for (const rs of cleanable.slice(0, diff)) {
      if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
      if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
      try {
        this.client.delete(kinds.replicaSet, rs.metadata.namespace ?? '', rs.metadata.name ?? '');
      } catch (error) {
        if (!(error instanceof ApiError && error.reason === 'NotFound')) throw error;
      }
    }
  }

  /** syncDeploymentStatus: writes the computed status when it changed. */
  syncDeploymentStatus(allRSs: readonly (RS | undefined)[], newRS: RS | undefined): void {
    const status = calculateStatus(allRSs, newRS, this.d, this.now());
    if (deepEqual(this.d.status ?? {}, status)) return;
    this.d.status = status;
    this.persistStatus();
  }

  /**
   * syncRolloutStatus: status plus the Progressing condition (complete, progressing, or past its
   * deadline). Returns when to look again for a rollout that may be stuck (requeueStuckDeployment).
   */
  syncRolloutStatus(allRSs: readonly (RS | undefined)[], newRS: RS | undefined): number | undefined {
    const d = this.d;
    const now = this.now();
    const status = calculateStatus(allRSs, newRS, d, now);
    if (!hasProgressDeadline(d)) removeDeploymentCondition(status, 'Progressing');
    const current = getDeploymentCondition(d.status, 'Progressing');
    const complete = status.replicas === status.updatedReplicas && current?.reason === deploymentReasons.newRSAvailable;
    if (hasProgressDeadline(d) && !complete) {
      if (deploymentComplete(d, status)) {
        const message = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
        setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', deploymentReasons.newRSAvailable, message, now));
      } else if (deploymentProgressing(d, status)) {
        const message = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
        const condition = newDeploymentCondition('Progressing', 'True', deploymentReasons.replicaSetUpdated, message, now);
        if (current) {
          if (current.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
          removeDeploymentCondition(status, 'Progressing');
        }
        setDeploymentCondition(status, condition);
      } else if (deploymentTimedOut(d, status, this.clock.now())) {
        const message = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
        setDeploymentCondition(status, newDeploymentCondition('Progressing', 'False', deploymentReasons.timedOut, message, now));
      }
    }
    // Move the ReplicaFailure condition of the ReplicaSets onto the Deployment.
    const failure = replicaFailure(allRSs, newRS);
    if (failure) setDeploymentCondition(status, { type: 'ReplicaFailure', status: failure.status, lastUpdateTime: failure.lastTransitionTime, lastTransitionTime: failure.lastTransitionTime, reason: failure.reason, message: failure.message });
    else removeDeploymentCondition(status, 'ReplicaFailure');
    if (deepEqual(d.status ?? {}, status)) return this.#stuckRequeue(status);
    d.status = status;
    this.persistStatus();
    return undefined;
  }

  // requeueStuckDeployment: with no sign of progress, look again when the deadline passes.
  #stuckRequeue(status: DeploymentStatus): number | undefined {
    const d = this.d;
    const current = getDeploymentCondition(d.status, 'Progressing');
    if (!hasProgressDeadline(d) || !current) return undefined;
    if (deploymentComplete(d, status) || current.reason === deploymentReasons.timedOut) return undefined;
    const after = Date.parse(current.lastUpdateTime ?? '') + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - this.clock.now();
    return after < 1000 ? 1000 : after + 1000;
  }

  /**
   * UpdateStatus of the Deployment. Upstream's status strategy keeps the annotations the
   * controller set (the revision); minik's status subresource writes status only, so a changed
   * annotation is written first by a metadata patch.
   */
  persistStatus(): void {
    const d = this.d;
    const stored = this.client.get<DeploymentObject>(kinds.deployment, d.metadata.namespace ?? '', d.metadata.name ?? '');
    if (!stored || stored.metadata.uid !== d.metadata.uid) return;
    const revision = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
    if (revision !== undefined && stored.metadata.annotations?.['deployment.kubernetes.io/revision'] !== revision) {
      this.client.mergePatch(kinds.deployment, d.metadata.namespace ?? '', d.metadata.name ?? '', { metadata: { annotations: { 'deployment.kubernetes.io/revision': revision } } });
    }
    const latest = this.client.get<DeploymentObject>(kinds.deployment, d.metadata.namespace ?? '', d.metadata.name ?? '');
    if (!latest) return;
    this.client.updateStatus(kinds.deployment, { ...cloneJson(latest), status: d.status ?? {} } as DeploymentObject);
  }
}

function byRevision(a: RS, b: RS): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreationTimestamp(a, b);
  return ra - rb;
}

type RSCondition = NonNullable<NonNullable<ReplicaSetObject['status']>['conditions']>[number];

// getReplicaFailures: the new ReplicaSet's failure first, else the first old one's.
function replicaFailure(allRSs: readonly (RS | undefined)[], newRS: RS | undefined): RSCondition | undefined {
  const failureOf = (rs: RS | undefined): RSCondition | undefined => rs?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const fromNew = failureOf(newRS);
  if (fromNew) return fromNew;
  for (const rs of allRSs) {
    if (rs && rs.metadata.uid !== newRS?.metadata.uid) {
      const failure = failureOf(rs);
      if (failure) return failure;
    }
  }
  return undefined;
}
