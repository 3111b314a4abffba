import { isPodActive, isPodReady, podReadyCondition } from '../shared/pod-conditions.js';
import type { PodObject } from '../shared/object-types.js';

const phaseOrdinal: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };
const deletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost';

/**
 * getPodsToDelete: the `count` pods a ReplicaSet removes first when it has too many, in
 * upstream's ActivePodsWithRanks order — unscheduled < scheduled, Pending < Unknown < Running,
 * not ready < ready, lower pod-deletion-cost first, pods doubled up on a node (counting the
 * owner's sibling ReplicaSets' pods) first, then ready for less time, more restarts, and created
 * more recently. Times compare on a log2 scale (LogarithmicScaleDown), ties broken by UID.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/controller_utils.go
 */
export function podsToDelete(pods: readonly Readonly<PodObject>[], relatedPods: readonly Readonly<PodObject>[], count: number, now: number): Readonly<PodObject>[] {
  if (count >= pods.length) return [...pods].slice(0, count);
  const onNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => (preferForDeletion(a, b, now) ? -1 : preferForDeletion(b, a, now) ? 1 : 0));
  return ranked.slice(0, count).map((r) => r.pod);
}

interface RankedPod {
  pod: Readonly<PodObject>;
  rank: number;
}

/** ActivePodsWithRanks.Less: whether `a` should go before `b`. */
function preferForDeletion(a: RankedPod, b: RankedPod, now: number): boolean {
  const na = a.pod.spec.nodeName ?? '';
  const nb = b.pod.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const pa = phaseOrdinal[a.pod.status?.phase ?? ''] ?? 0;
  const pb = phaseOrdinal[b.pod.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = isPodReady(a.pod);
  const rb = isPodReady(b.pod);
  if (ra !== rb) return !ra;
  const ca = deletionCost(a.pod);
  const cb = deletionCost(b.pod);
  if (ca !== cb) return ca < cb;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (ra && rb) {
    const ta = timeOf(podReadyCondition(a.pod)?.lastTransitionTime);
    const tb = timeOf(podReadyCondition(b.pod)?.lastTransitionTime);
    if (ta !== tb) return newerOnLogScale(a, b, ta, tb, now);
  }
  const restartsA = maxRestarts(a.pod);
  const restartsB = maxRestarts(b.pod);
  if (restartsA !== restartsB) return restartsA > restartsB;
  const ca2 = timeOf(a.pod.metadata.creationTimestamp);
  const cb2 = timeOf(b.pod.metadata.creationTimestamp);
  if (ca2 !== cb2) return newerOnLogScale(a, b, ca2, cb2, now);
  return false;
}

// An absent time is "zero" and sorts first (afterOrZero).
function newerOnLogScale(a: RankedPod, b: RankedPod, ta: number, tb: number, now: number): boolean {
  if (ta === 0 || tb === 0) return ta === 0;
  const diff = logRank(now - ta) - logRank(now - tb);
  if (diff === 0) return (a.pod.metadata.uid ?? '') < (b.pod.metadata.uid ?? '');
  return diff < 0;
}

// logarithmicRankDiff works on nanoseconds: floor(log2(age)), -1 for a zero or future age.
function logRank(ageMs: number): number {
  return ageMs > 0 ? Math.floor(Math.log2(ageMs * 1e6)) : -1;
}

function timeOf(value: string | undefined): number {
  const t = value ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

function deletionCost(pod: Readonly<PodObject>): number {
  const value = pod.metadata.annotations?.[deletionCostAnnotation];
  if (value === undefined || !/^-?\d+$/.test(value)) return 0;
  const cost = Number(value);
  return cost >= -(2 ** 31) && cost < 2 ** 31 ? cost : 0;
}

function maxRestarts(pod: Readonly<PodObject>): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}
