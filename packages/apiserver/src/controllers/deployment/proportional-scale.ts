import type { ReplicaSetObject } from '../shared/object-types.js';
import type { DeploymentSync } from './deployment-sync.js';
import { desiredReplicasOf } from './revision-annotations.js';
import { bySizeNewer, bySizeOlder, filterActive, findActiveOrLatest, getProportion, isSaturated, maxSurge, replicaCount, specReplicas } from './rollout-math.js';

type RS = Readonly<ReplicaSetObject>;

/** isScalingEvent: an active ReplicaSet was sized for a different `spec.replicas` (desired-replicas annotation). */
export function isScalingEvent(sync: DeploymentSync): boolean {
  const { newRS, oldRSs } = sync.getAllReplicaSetsAndSyncRevision(false);
  for (const rs of filterActive([...oldRSs, newRS])) {
    const desired = desiredReplicasOf(rs);
    if (desired !== undefined && desired !== specReplicas(sync.d)) return true;
  }
  return false;
}

/**
 * scale: a Deployment resized mid-rollout spreads the difference over its active ReplicaSets in
 * proportion to their sizes (largest first; leftovers to the first), so the rollout keeps its shape.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/deployment/sync.go
 */
export function scale(sync: DeploymentSync, newRS: RS | undefined, oldRSs: readonly RS[]): void {
  const d = sync.d;
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) !== specReplicas(d)) sync.scaleReplicaSetAndRecordEvent(activeOrLatest, specReplicas(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActive(oldRSs)) sync.scaleReplicaSetAndRecordEvent(old, 0);
    return;
  }
  if (d.spec.strategy?.type !== 'RollingUpdate') return;
  const allRSs = filterActive([...oldRSs, newRS]);
  const allowedSize = specReplicas(d) > 0 ? specReplicas(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - replicaCount(allRSs);
  let operation = '';
  if (toAdd > 0) {
    allRSs.sort(bySizeNewer);
    operation = 'up';
  } else if (toAdd < 0) {
    allRSs.sort(bySizeOlder);
    operation = 'down';
  }
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const proportion = getProportion(rs, d, toAdd, added);
      sizes.set(rs.metadata.name ?? '', specReplicas(rs) + proportion);
      added += proportion;
    } else {
      sizes.set(rs.metadata.name ?? '', specReplicas(rs));
    }
  }
  allRSs.forEach((rs, i) => {
    const name = rs.metadata.name ?? '';
    if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, (sizes.get(name) ?? 0) + toAdd - added));
    sync.scaleReplicaSet(rs, sizes.get(name) ?? 0, operation);
  });
}
