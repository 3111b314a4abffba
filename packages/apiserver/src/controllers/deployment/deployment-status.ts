import type { DeploymentStatus } from '@minik/types';
import type { DeploymentObject, ReplicaSetObject } from '../shared/object-types.js';
import { deploymentReasons, getDeploymentCondition, newDeploymentCondition, setDeploymentCondition } from './deployment-conditions.js';
import { actualReplicaCount, availableReplicaCount, maxUnavailable, readyReplicaCount, replicaCount, specReplicas } from './rollout-math.js';

type RS = Readonly<ReplicaSetObject>;

/**
 * calculateStatus of the deployment controller: replica counts summed over its ReplicaSets and the
 * Available condition (minimum availability = replicas - maxUnavailable). Fields appear in Go's
 * order and zero counts are omitted, as omitempty writes them.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/deployment/sync.go
 */
export function calculateStatus(allRSs: readonly (RS | undefined)[], newRS: RS | undefined, d: Readonly<DeploymentObject>, now: string): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const total = replicaCount(allRSs);
  const counts: [keyof DeploymentStatus, number][] = [
    ['observedGeneration', d.metadata.generation ?? 0],
    ['replicas', actualReplicaCount(allRSs)],
    ['updatedReplicas', actualReplicaCount([newRS])],
    ['readyReplicas', readyReplicaCount(allRSs)],
    ['availableReplicas', available],
    ['unavailableReplicas', Math.max(0, total - available)],
  ];
  const status: DeploymentStatus = {};
  for (const [key, value] of counts) if (value !== 0) (status as Record<string, number>)[key] = value;
  if (d.status?.conditions?.length) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'True', deploymentReasons.minimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'False', deploymentReasons.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  return status;
}

/** deploymentutil.HasProgressDeadline: set and not the "never" value (MaxInt32). */
export function hasProgressDeadline(d: Readonly<DeploymentObject>): boolean {
  const seconds = d.spec.progressDeadlineSeconds;
  return seconds !== undefined && seconds !== 2147483647;
}

/** deploymentutil.DeploymentComplete: every replica updated and available, the spec observed. */
export function deploymentComplete(d: Readonly<DeploymentObject>, status: DeploymentStatus): boolean {
  const replicas = specReplicas(d);
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** deploymentutil.DeploymentProgressing: more updated, ready or available pods, or fewer old ones. */
export function deploymentProgressing(d: Readonly<DeploymentObject>, status: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (status.replicas ?? 0) - (status.updatedReplicas ?? 0);
  return (
    (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** deploymentutil.DeploymentTimedOut: the Progressing condition has not moved for progressDeadlineSeconds. */
export function deploymentTimedOut(d: Readonly<DeploymentObject>, status: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getDeploymentCondition(status, 'Progressing');
  if (!condition || condition.reason === deploymentReasons.newRSAvailable) return false;
  if (condition.reason === deploymentReasons.timedOut) return true;
  const from = Date.parse(condition.lastUpdateTime ?? '');
  return !Number.isNaN(from) && from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < now;
}
