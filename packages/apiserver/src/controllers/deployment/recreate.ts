import type { PodObject, ReplicaSetObject } from '../shared/object-types.js';
import { deploymentComplete } from './deployment-status.js';
import type { DeploymentSync } from './deployment-sync.js';
import { actualReplicaCount, filterActive, specReplicas } from './rollout-math.js';

type RS = Readonly<ReplicaSetObject>;

/**
 * rolloutRecreate: scale every old ReplicaSet to zero, wait until none of their pods runs, then
 * create (or scale up) the new one.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/deployment/recreate.go
 */
export function rolloutRecreate(sync: DeploymentSync, podsByReplicaSet: ReadonlyMap<string, readonly Readonly<PodObject>[]>): number | undefined {
  let { newRS, oldRSs } = sync.getAllReplicaSetsAndSyncRevision(false);
  let allRSs: (RS | undefined)[] = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of filterActive(oldRSs)) {
    if (sync.scaleReplicaSetAndRecordEvent(rs, 0).scaled) scaledDown = true;
  }
  if (scaledDown) return sync.syncRolloutStatus(allRSs, newRS);
  if (oldPodsRunning(newRS, oldRSs, podsByReplicaSet)) return sync.syncRolloutStatus(allRSs, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = sync.getAllReplicaSetsAndSyncRevision(true));
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) sync.scaleReplicaSetAndRecordEvent(newRS, specReplicas(sync.d));
  if (deploymentComplete(sync.d, sync.d.status ?? {})) sync.cleanupDeployment(oldRSs);
  return sync.syncRolloutStatus(allRSs, newRS);
}

// oldPodsRunning: old ReplicaSets still report pods, or a pod of theirs has not finished.
function oldPodsRunning(newRS: RS | undefined, oldRSs: readonly RS[], podsByReplicaSet: ReadonlyMap<string, readonly Readonly<PodObject>[]>): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podsByReplicaSet) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}
