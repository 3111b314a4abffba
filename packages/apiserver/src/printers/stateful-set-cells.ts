import { containerCells } from './container-cells.js';
import { ageOf } from './human-duration.js';
import type { StatefulSet } from './workload-types.js';

/** All cells of a stateful set row: Name, Ready (`ready/desired`), Age, Containers, Images. */
export function statefulSetCells(statefulSet: StatefulSet, now: number): unknown[] {
  // apps/v1 defaulting sets replicas to 1 when unset.
  const desired = statefulSet.spec?.replicas ?? 1;
  return [
    statefulSet.metadata?.name ?? '',
    `${statefulSet.status?.readyReplicas ?? 0}/${desired}`,
    ageOf(statefulSet.metadata?.creationTimestamp, now),
    ...containerCells(statefulSet.spec?.template?.spec?.containers),
  ];
}
