import type { Pod } from '@minik/types';
import type { ScorePlugin } from '../framework.js';
import { maxNodeScore } from '../framework.js';
import { ownerKeyOf } from '../node-info.js';

// The system default constraint on hostname (the zone one needs zone labels, which simulated nodes lack).
const hostnameMaxSkew = 3;

/**
 * PodTopologySpread with the system default constraints (`kubernetes.io/hostname`, maxSkew 3,
 * ScheduleAnyway): nodes with fewer pods of the same controller score higher, so replicas spread
 * over nodes (6 replicas on 3 equal nodes land 2/2/2).
 */
export const podTopologySpread: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  // Upstream's PreScore: the default constraints select nothing for a pod without a controller.
  skip: (pod) => ownerKeyOf(pod) === undefined,
  score(pod, node, all) {
    const owner = ownerKeyOf(pod);
    if (owner === undefined) return 0;
    // Pods of the same controller on the node (upstream counts them in PreScore).
    const matching = node.podsByOwner.get(owner) ?? 0;
    // topologyNormalizingWeight: log(domains + 2).
    const weight = Math.log(all.length + 2);
    // Raw scores are integers upstream (int64(math.Round(score))).
    return Math.round(matching * weight + (hostnameMaxSkew - 1));
  },
  normalize(scores) {
    if (scores.length === 0) return [];
    const lowest = Math.min(...scores);
    const highest = Math.max(...scores);
    if (highest === 0) return scores.map(() => maxNodeScore);
    return scores.map((s) => Math.floor((maxNodeScore * (highest + lowest - s)) / highest));
  },
};
