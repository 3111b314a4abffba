import type { Pod } from '@minik/types';
import type { ScorePlugin } from '../framework.js';
import { maxNodeScore } from '../framework.js';

// The system default constraint on hostname (the zone one needs zone labels, which simulated nodes lack).
const hostnameMaxSkew = 3;

/** The pod's controller, whose other pods it is spread against (the DefaultSelector of its owner). */
function controllerUID(pod: Readonly<Pod>): string | undefined {
  return pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid;
}

const countKey = (namespace: string | undefined, owner: string): string => `${namespace === undefined ? '-' : `+${namespace}`}/${owner}`;

// Pods per controller on a node, counted once per (frozen) pod list rather than once per pod
// scheduled: a Deployment's 10,000th pod would otherwise look at its 9,999 siblings on every node.
const countsByPodList = new WeakMap<readonly unknown[], Map<string, number>>();

/** Pods of `owner` in `namespace` among a node's pods (upstream counts them in PreScore). */
function matchingPods(pods: readonly Readonly<Pod>[], namespace: string | undefined, owner: string): number {
  if (!Object.isFrozen(pods)) {
    let matching = 0;
    for (const p of pods) if (p.metadata?.namespace === namespace && controllerUID(p) === owner) matching++;
    return matching;
  }
  let counts = countsByPodList.get(pods);
  if (!counts) {
    counts = new Map();
    for (const p of pods) {
      const uid = controllerUID(p);
      if (uid === undefined) continue;
      const key = countKey(p.metadata?.namespace, uid);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    countsByPodList.set(pods, counts);
  }
  return counts.get(countKey(namespace, owner)) ?? 0;
}

/**
 * PodTopologySpread with the system default constraints (`kubernetes.io/hostname`, maxSkew 3,
 * ScheduleAnyway): nodes with fewer pods of the same controller score higher, so replicas spread
 * over nodes (6 replicas on 3 equal nodes land 2/2/2).
 */
export const podTopologySpread: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  // Upstream's PreScore: the default constraints select nothing for a pod without a controller.
  skip: (pod) => controllerUID(pod) === undefined,
  score(pod, node, all) {
    const owner = controllerUID(pod);
    if (!owner) return 0;
    const namespace = pod.metadata?.namespace;
    const matching = matchingPods(node.pods, namespace, owner);
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
