import type { FilterPlugin } from '../framework.js';
import { unresolvable } from '../framework.js';
import { toleratesTaint } from '../tolerations.js';

// The taint a cordoned node is treated as having (v1.TaintNodeUnschedulable).
const unschedulableTaint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };

/** NodeUnschedulable: a cordoned node takes only pods that tolerate `node.kubernetes.io/unschedulable:NoSchedule`. */
export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, node) {
    if (!node.unschedulable) return undefined;
    if ((pod.spec?.tolerations ?? []).some((t) => toleratesTaint(t, unschedulableTaint))) return undefined;
    return unresolvable('node(s) were unschedulable');
  },
};
