import type { Deployment } from '@minik/types';
import { containerCells } from './container-cells.js';
import { labelSelectorString } from '../selectors/index.js';
import { ageOf } from './human-duration.js';

/**
 * All cells of a deployment row: Name, Ready (`ready/desired`), Up-to-date, Available, Age,
 * Containers, Images, Selector.
 */
export function deploymentCells(deployment: Deployment, now: number): unknown[] {
  // apps/v1 defaulting sets replicas to 1 when unset; print undefaulted objects the same way.
  const desired = deployment.spec?.replicas ?? 1;
  const status = deployment.status;
  // Unlike the other workloads upstream prints the raw selector string here: empty, not <none>.
  const selector = labelSelectorString(deployment.spec?.selector) ?? '<invalid>';
  return [
    deployment.metadata?.name ?? '',
    `${status?.readyReplicas ?? 0}/${desired}`,
    status?.updatedReplicas ?? 0,
    status?.availableReplicas ?? 0,
    ageOf(deployment.metadata?.creationTimestamp, now),
    ...containerCells(deployment.spec?.template?.spec?.containers),
    selector,
  ];
}
