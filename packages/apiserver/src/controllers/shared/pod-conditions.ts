import type { PodCondition, PodStatus } from '@minik/types';
import type { PodObject } from './object-types.js';

/** The pod's Ready condition (podutil.GetPodReadyCondition). */
export function podReadyCondition(pod: Readonly<PodObject>): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Readonly<PodObject>): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/**
 * podutil.IsPodAvailable: ready, and ready for at least minReadySeconds (strictly before `now`
 * once the seconds are added, as upstream compares).
 */
export function isPodAvailable(pod: Readonly<PodObject>, minReadySeconds: number, now: number): boolean {
  const ready = podReadyCondition(pod);
  if (ready?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : NaN;
  return !Number.isNaN(since) && since + minReadySeconds * 1000 < now;
}

/** When a ready pod becomes available, for requeueing at that moment; undefined if never. */
export function podAvailableAt(pod: Readonly<PodObject>, minReadySeconds: number): number | undefined {
  const ready = podReadyCondition(pod);
  if (ready?.status !== 'True' || !ready.lastTransitionTime) return undefined;
  return Date.parse(ready.lastTransitionTime) + minReadySeconds * 1000;
}

/** A pod that finished: Succeeded or Failed (podutil.IsPodTerminal). */
export function isPodTerminal(pod: Readonly<PodObject>): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Readonly<PodObject>): boolean {
  return !isPodTerminal(pod) && pod.metadata.deletionTimestamp === undefined;
}

/**
 * podutil.UpdatePodCondition: sets a condition stamped `now`, keeping the old lastTransitionTime
 * when the status does not change. Returns whether anything changed. A zero lastProbeTime is
 * written as null, as Go serialises it.
 */
export function updatePodCondition(status: PodStatus, condition: PodCondition, now: string): boolean {
  const conditions = [...(status.conditions ?? [])];
  const index = conditions.findIndex((c) => c.type === condition.type);
  const old = index < 0 ? undefined : conditions[index];
  const next = { lastProbeTime: null, ...condition, lastTransitionTime: now } as PodCondition;
  if (!old) {
    status.conditions = [...conditions, next];
    return true;
  }
  if (old.status === next.status) next.lastTransitionTime = old.lastTransitionTime;
  const same =
    old.status === next.status &&
    (old.reason ?? '') === (next.reason ?? '') &&
    (old.message ?? '') === (next.message ?? '') &&
    (old.lastProbeTime ?? null) === (next.lastProbeTime ?? null) &&
    old.lastTransitionTime === next.lastTransitionTime;
  conditions[index] = next;
  status.conditions = conditions;
  return !same;
}
