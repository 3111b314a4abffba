import { scaledValueFromIntOrPercent } from '../shared/int-or-percent.js';
import type { DeploymentObject, ReplicaSetObject } from '../shared/object-types.js';
import { desiredReplicasOf, maxReplicasOf } from './revision-annotations.js';

type RS = Readonly<ReplicaSetObject>;

/** `spec.replicas` of a ReplicaSet or Deployment (always defaulted by the API). */
export const specReplicas = (obj: { spec: { replicas?: number } }): number => obj.spec.replicas ?? 1;

const isRollingUpdate = (d: Readonly<DeploymentObject>): boolean => d.spec.strategy?.type === 'RollingUpdate';

/**
 * deploymentutil.ResolveFenceposts: maxSurge rounds up and maxUnavailable down; both zero would
 * deadlock a rollout, so maxUnavailable becomes 1.
 */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): [number, number] {
  const surge = scaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = scaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/** deploymentutil.MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: Readonly<DeploymentObject>): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, specReplicas(d))[0];
}

/** deploymentutil.MaxUnavailable: 0 unless RollingUpdate with replicas; never more than replicas. */
export function maxUnavailable(d: Readonly<DeploymentObject>): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return Math.min(replicas, resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas)[1]);
}

/** deploymentutil.NewRSNewReplicas: how far the new ReplicaSet may grow now. */
export function newRSNewReplicas(d: Readonly<DeploymentObject>, allRSs: readonly RS[], newRS: RS): number {
  if (d.spec.strategy?.type === 'Recreate') return specReplicas(d);
  const surge = scaledValueFromIntOrPercent(d.spec.strategy?.rollingUpdate?.maxSurge, specReplicas(d), true);
  const current = replicaCount(allRSs);
  const maxTotal = specReplicas(d) + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, specReplicas(d) - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}

/** GetReplicaCountForReplicaSets: the sum of `spec.replicas`. */
export const replicaCount = (rss: readonly (RS | undefined)[]): number => rss.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
/** GetActualReplicaCountForReplicaSets: the sum of `status.replicas`. */
export const actualReplicaCount = (rss: readonly (RS | undefined)[]): number => rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
/** GetReadyReplicaCountForReplicaSets. */
export const readyReplicaCount = (rss: readonly (RS | undefined)[]): number => rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
/** GetAvailableReplicaCountForReplicaSets. */
export const availableReplicaCount = (rss: readonly (RS | undefined)[]): number => rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);

/** controller.FilterActiveReplicaSets: those with replicas to run. */
export const filterActive = (rss: readonly (RS | undefined)[]): RS[] => rss.filter((rs): rs is RS => rs !== undefined && specReplicas(rs) > 0);

const created = (rs: RS): number => Date.parse(rs.metadata.creationTimestamp ?? '') || 0;

/** controller.ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreationTimestamp(a: RS, b: RS): number {
  const diff = created(a) - created(b);
  return diff !== 0 ? diff : (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
}

/** controller.ReplicaSetsBySizeOlder: largest first, then oldest. */
export function bySizeOlder(a: RS, b: RS): number {
  return specReplicas(b) - specReplicas(a) || byCreationTimestamp(a, b);
}

/** controller.ReplicaSetsBySizeNewer: largest first, then newest. */
export function bySizeNewer(a: RS, b: RS): number {
  return specReplicas(b) - specReplicas(a) || byCreationTimestamp(b, a);
}

/** deploymentutil.IsSaturated: the new ReplicaSet runs all replicas, all available. */
export function isSaturated(d: Readonly<DeploymentObject>, rs: RS | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasOf(rs);
  if (desired === undefined) return false;
  const replicas = specReplicas(d);
  return specReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/** deploymentutil.FindActiveOrLatest: the only active ReplicaSet, or the latest when none is active. */
export function findActiveOrLatest(newRS: RS | undefined, oldRSs: readonly RS[]): RS | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActive([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/**
 * deploymentutil.GetProportion: this ReplicaSet's share of a scaling by `toAdd`, from its size
 * relative to the Deployment's size before the scale (max-replicas annotation), capped by what
 * is left to add.
 */
export function getProportion(rs: RS, d: Readonly<DeploymentObject>, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: RS, d: Readonly<DeploymentObject>): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const deploymentMax = specReplicas(d) + maxSurge(d);
  let before = maxReplicasOf(rs);
  if (before === undefined || before === 0) {
    // Without the annotation, fall back to the Deployment's current size.
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  const size = (specReplicas(rs) * deploymentMax) / before;
  return roundHalfAwayFromZero(size) - specReplicas(rs);
}

// integer.RoundToInt32 is math.Round: halves go away from zero.
function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
