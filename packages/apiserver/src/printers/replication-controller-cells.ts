import type { ReplicationController } from '@minik/types';
import { containerCells } from './container-cells.js';
import { formatLabels } from './format-labels.js';
import { ageOf } from './human-duration.js';

/** All cells of a replication controller row: Name, Desired, Current, Ready, Age, Containers, Images, Selector. */
export function replicationControllerCells(controller: ReplicationController, now: number): unknown[] {
  const status = controller.status;
  return [
    controller.metadata?.name ?? '',
    // core/v1 defaulting sets replicas to 1 when unset.
    controller.spec?.replicas ?? 1,
    status?.replicas ?? 0,
    status?.readyReplicas ?? 0,
    ageOf(controller.metadata?.creationTimestamp, now),
    ...containerCells(controller.spec?.template?.spec?.containers),
    formatLabels(controller.spec?.selector),
  ];
}
