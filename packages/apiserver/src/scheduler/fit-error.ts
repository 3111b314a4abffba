import type { Pod } from '@minik/types';
import type { FilterStatus } from './framework.js';

/** Counts of `"<n> <reason>"`, sorted as strings (sortReasonsHistogram). */
function histogram(reasons: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
}

/**
 * The FailedScheduling message (framework.FitError.Error), with the DefaultPreemption
 * PostFilter's diagnosis appended: nodes rejected for reasons preemption cannot change are "not
 * helpful"; nodes short of resources have no lower-priority victims in a simulation (minik does
 * not preempt).
 *
 * `0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu. preemption: 0/3
 * nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found
 * for incoming pod.`
 */
export function fitErrorMessage(pod: Readonly<Pod>, numNodes: number, statuses: readonly FilterStatus[]): string {
  if (numNodes === 0) return 'no nodes available to schedule pods';
  let message = `0/${numNodes} nodes are available: ${histogram(statuses.flatMap((s) => s.reasons)).join(', ')}.`;
  if (pod.spec?.preemptionPolicy === 'Never') return `${message} preemption: not eligible due to preemptionPolicy=Never.`;
  const preemption = statuses.map((s) => (s.code === 'UnschedulableAndUnresolvable' ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  message += ` preemption: 0/${numNodes} nodes are available: ${histogram(preemption).join(', ')}.`;
  return message;
}
