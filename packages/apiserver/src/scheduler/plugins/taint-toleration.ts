import type { FilterPlugin, ScorePlugin } from '../framework.js';
import { defaultNormalize, unresolvable } from '../framework.js';
import { toleratesTaint, untoleratedTaint } from '../tolerations.js';

const filterEffects = ['NoSchedule', 'NoExecute'] as const;

/** TaintToleration (filter): a NoSchedule or NoExecute taint the pod does not tolerate keeps it off the node. */
export const taintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, node) {
    const taints = node.taints;
    if (taints.length === 0) return undefined;
    const taint = untoleratedTaint(taints, pod.spec?.tolerations ?? [], filterEffects);
    return taint ? unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`) : undefined;
  },
};

/** TaintToleration (score): fewer untolerated PreferNoSchedule taints score higher. */
export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(pod, node) {
    const taints = node.taints;
    if (taints.length === 0) return 0;
    const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return taints.filter((taint) => taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => toleratesTaint(t, taint))).length;
  },
  normalize: (scores) => defaultNormalize(scores, true),
};
