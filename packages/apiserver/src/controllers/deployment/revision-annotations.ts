import type { KubeObject } from '@minik/types';
import type { DeploymentObject, ReplicaSetObject } from '../shared/object-types.js';

/** The annotations the deployment controller keeps on Deployments and their ReplicaSets. */
export const revisionAnnotation = 'deployment.kubernetes.io/revision';
export const revisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history';
export const desiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const maxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';

// Deployment annotations not copied onto ReplicaSets (deploymentutil annotationsToSkip).
const annotationsToSkip = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  revisionAnnotation,
  revisionHistoryAnnotation,
  desiredReplicasAnnotation,
  maxReplicasAnnotation,
  'deprecated.deployment.rollback.to',
]);

// maxRevHistoryLengthInChars in the deployment controller.
const maxRevisionHistoryLength = 2000;

/** deploymentutil.Revision: the revision number of an object, or undefined when unparsable. */
export function revisionOf(obj: Readonly<KubeObject>): number | undefined {
  const value = obj.metadata.annotations?.[revisionAnnotation] ?? '';
  return /^-?\d+$/.test(value) ? Number(value) : value === '' ? 0 : undefined;
}

/** deploymentutil.MaxRevision over ReplicaSets, skipping unparsable ones. */
export function maxRevision(replicaSets: readonly Readonly<ReplicaSetObject>[]): number {
  let max = 0;
  for (const rs of replicaSets) max = Math.max(max, revisionOf(rs) ?? 0);
  return max;
}

/**
 * deploymentutil.SetNewReplicaSetAnnotations: copies the Deployment's own annotations, raises the
 * revision, and, when an older revision is reused (a rollback), remembers it in revision-history.
 * A ReplicaSet about to be created also gets desired-replicas and max-replicas.
 */
export function setNewReplicaSetAnnotations(d: Readonly<DeploymentObject>, rs: ReplicaSetObject, newRevision: string, exists: boolean, maxReplicas: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) {
    if (annotationsToSkip.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  const oldRevision = annotations[revisionAnnotation];
  const hadRevision = oldRevision !== undefined;
  let oldRevisionNumber = 0;
  if (oldRevision !== undefined && oldRevision !== '') {
    if (!/^-?\d+$/.test(oldRevision)) return false;
    oldRevisionNumber = Number(oldRevision);
  }
  const newRevisionNumber = Number(newRevision);
  if (oldRevisionNumber < newRevisionNumber) {
    annotations[revisionAnnotation] = newRevision;
    changed = true;
  }
  if (hadRevision && oldRevisionNumber < newRevisionNumber) {
    const history = annotations[revisionHistoryAnnotation] ?? '';
    let revisions = history.split(',');
    if ((revisions[0] ?? '') === '') {
      annotations[revisionHistoryAnnotation] = oldRevision ?? '';
    } else {
      let total = history.length + (oldRevision ?? '').length + 1;
      let start = 0;
      while (total > maxRevisionHistoryLength && start < revisions.length) {
        total -= (revisions[start] ?? '').length + 1;
        start++;
      }
      if (total <= maxRevisionHistoryLength) {
        revisions = [...revisions.slice(start), oldRevision ?? ''];
        annotations[revisionHistoryAnnotation] = revisions.join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, d.spec.replicas ?? 1, maxReplicas)) changed = true;
  return changed;
}

/** deploymentutil.SetReplicasAnnotations: desired-replicas and max-replicas; whether either changed. */
export function setReplicasAnnotations(rs: ReplicaSetObject, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  if (annotations[desiredReplicasAnnotation] !== String(desired)) {
    annotations[desiredReplicasAnnotation] = String(desired);
    changed = true;
  }
  if (annotations[maxReplicasAnnotation] !== String(max)) {
    annotations[maxReplicasAnnotation] = String(max);
    changed = true;
  }
  return changed;
}

/** deploymentutil.ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: Readonly<ReplicaSetObject>, desired: number, max: number): boolean {
  const annotations = rs.metadata.annotations;
  if (!annotations) return true;
  return annotations[desiredReplicasAnnotation] !== String(desired) || annotations[maxReplicasAnnotation] !== String(max);
}

/** deploymentutil.GetDesiredReplicasAnnotation. */
export function desiredReplicasOf(rs: Readonly<ReplicaSetObject>): number | undefined {
  return intAnnotation(rs, desiredReplicasAnnotation);
}

/** getMaxReplicasAnnotation. */
export function maxReplicasOf(rs: Readonly<ReplicaSetObject>): number | undefined {
  return intAnnotation(rs, maxReplicasAnnotation);
}

function intAnnotation(rs: Readonly<ReplicaSetObject>, key: string): number | undefined {
  const value = rs.metadata.annotations?.[key];
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/** deploymentutil.SetDeploymentRevision: whether the Deployment's revision annotation changed. */
export function setDeploymentRevision(d: DeploymentObject, revision: string): boolean {
  const annotations = (d.metadata.annotations ??= {});
  if (annotations[revisionAnnotation] === revision) return false;
  annotations[revisionAnnotation] = revision;
  return true;
}
