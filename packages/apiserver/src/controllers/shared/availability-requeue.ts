import type { ReconcileResult } from '../runtime/index.js';
import type { PodObject } from './object-types.js';
import { podAvailableAt } from './pod-conditions.js';

/**
 * With minReadySeconds, a ready pod turns available later without any write to wake its
 * controller (upstream's AddAfter(key, minReadySeconds)): requeue just after the earliest pod
 * that is ready but not yet available becomes available. Pods that are not ready never count
 * (podAvailableAt has no time for them), whether or not the caller filtered them first.
 */
export function availabilityRequeue(pods: Iterable<Readonly<PodObject>>, minReadySeconds: number | undefined, now: number): ReconcileResult | void {
  const minReady = minReadySeconds ?? 0;
  if (minReady <= 0) return;
  let next = Infinity;
  for (const pod of pods) {
    const at = podAvailableAt(pod, minReady);
    if (at !== undefined && at >= now) next = Math.min(next, at + 1);
  }
  if (next !== Infinity) return { requeueAfterMs: next - now };
}
