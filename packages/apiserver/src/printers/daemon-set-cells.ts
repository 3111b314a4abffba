import { containerCells } from './container-cells.js';
import { formatLabelSelector } from '../selectors/index.js';
import { formatLabels } from './format-labels.js';
import { ageOf } from './human-duration.js';
import type { DaemonSet } from './workload-types.js';

/**
 * All cells of a daemon set row: Name, Desired, Current, Ready, Up-to-date, Available,
 * Node Selector, Age, Containers, Images, Selector.
 */
export function daemonSetCells(daemonSet: DaemonSet, now: number): unknown[] {
  const status = daemonSet.status;
  const podSpec = daemonSet.spec?.template?.spec;
  return [
    daemonSet.metadata?.name ?? '',
    status?.desiredNumberScheduled ?? 0,
    status?.currentNumberScheduled ?? 0,
    status?.numberReady ?? 0,
    status?.updatedNumberScheduled ?? 0,
    status?.numberAvailable ?? 0,
    formatLabels(podSpec?.nodeSelector),
    ageOf(daemonSet.metadata?.creationTimestamp, now),
    ...containerCells(podSpec?.containers),
    formatLabelSelector(daemonSet.spec?.selector),
  ];
}
