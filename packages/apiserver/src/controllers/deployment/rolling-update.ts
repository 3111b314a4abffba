import type { ReplicaSetObject } from '../shared/object-types.js';
import { deploymentComplete } from './deployment-status.js';
import type { DeploymentSync } from './deployment-sync.js';
import { availableReplicaCount, byCreationTimestamp, filterActive, maxUnavailable, newRSNewReplicas, replicaCount, specReplicas } from './rollout-math.js';

type RS = Readonly<ReplicaSetObject>;

/**
 * rolloutRolling: grow the new ReplicaSet within maxSurge, shrink old ones within maxUnavailable
 * (unhealthy replicas first), and once complete trim the revision history.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/deployment/rolling.go
 */
export function rolloutRolling(sync: DeploymentSync): number | undefined {
  const { newRS, oldRSs } = sync.getAllReplicaSetsAndSyncRevision(true);
  if (!newRS) return undefined;
  // As upstream, status is computed from the ReplicaSets as listed before this sync scaled them.
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(sync, allRSs, newRS)) return sync.syncRolloutStatus(allRSs, newRS);
  if (reconcileOldReplicaSets(sync, allRSs, filterActive(oldRSs), newRS)) return sync.syncRolloutStatus(allRSs, newRS);
  if (deploymentComplete(sync.d, sync.d.status ?? {})) sync.cleanupDeployment(oldRSs);
  return sync.syncRolloutStatus(allRSs, newRS);
}

function reconcileNewReplicaSet(sync: DeploymentSync, allRSs: readonly RS[], newRS: RS): boolean {
  const desired = specReplicas(sync.d);
  if (specReplicas(newRS) === desired) return false;
  if (specReplicas(newRS) > desired) return sync.scaleReplicaSetAndRecordEvent(newRS, desired).scaled;
  return sync.scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(sync.d, allRSs, newRS)).scaled;
}

function reconcileOldReplicaSets(sync: DeploymentSync, allRSs: readonly RS[], oldRSs: RS[], newRS: RS): boolean {
  if (replicaCount(oldRSs) === 0) return false;
  const minAvailable = specReplicas(sync.d) - maxUnavailable(sync.d);
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = replicaCount(allRSs) - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(sync, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(sync, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  return cleaned.count + scaledDown > 0;
}

// Old replicas that are not available go first, oldest ReplicaSet first, up to maxCleanupCount.
function cleanupUnhealthyReplicas(sync: DeploymentSync, oldRSs: RS[], maxCleanupCount: number): { oldRSs: RS[]; count: number } {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    const rs = sorted[i]!;
    if (total >= maxCleanupCount) break;
    const replicas = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(maxCleanupCount - total, replicas - available);
    sorted[i] = sync.scaleReplicaSetAndRecordEvent(rs, replicas - count).rs;
    total += count;
  }
  return { oldRSs: sorted, count: total };
}

// Then available old replicas, as long as enough replicas stay available overall.
function scaleDownOldReplicaSetsForRollingUpdate(sync: DeploymentSync, allRSs: readonly RS[], oldRSs: RS[]): number {
  const minAvailable = specReplicas(sync.d) - maxUnavailable(sync.d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  const toScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreationTimestamp)) {
    if (total >= toScaleDown) break;
    if (specReplicas(rs) === 0) continue;
    const count = Math.min(specReplicas(rs), toScaleDown - total);
    sync.scaleReplicaSetAndRecordEvent(rs, specReplicas(rs) - count);
    total += count;
  }
  return total;
}
