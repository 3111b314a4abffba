import type { ReplicaSet } from '@minik/types';
import { containerCells } from './container-cells.js';
import { formatLabelSelector } from '../selectors/index.js';
import { ageOf } from './human-duration.js';

/** All cells of a replica set row: Name, Desired, Current, Ready, Age, Containers, Images, Selector. */
export function replicaSetCells(replicaSet: ReplicaSet, now: number): unknown[] {
  const status = replicaSet.status;
  return [
    replicaSet.metadata?.name ?? '',
    // apps/v1 defaulting sets replicas to 1 when unset.
    replicaSet.spec?.replicas ?? 1,
    status?.replicas ?? 0,
    status?.readyReplicas ?? 0,
    ageOf(replicaSet.metadata?.creationTimestamp, now),
    ...containerCells(replicaSet.spec?.template?.spec?.containers),
    formatLabelSelector(replicaSet.spec?.selector),
  ];
}
