import type { PodObject } from '../shared/object-types.js';
import { podFinishTime } from './job-pods.js';

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff: 10 s doubling to 10 min. */
export const podFailureBackOff = { baseMs: 10_000, maxMs: 600_000 } as const;

/** A Job's failures since its last success, and when the latest one happened. */
export interface BackoffRecord {
  readonly failuresAfterLastSuccess: number;
  readonly lastFailureTime?: number;
}

/**
 * The Job controller's in-memory back-off store (backoff_utils.go): a replacement pod waits
 * 10 s × 2^(failures − 1), up to 10 min, after the latest failure since the last success.
 */
export class PodBackoffStore {
  readonly #records = new Map<string, BackoffRecord>();

  /** The record once newly counted pods are taken into account (not stored until {@link update}). */
  next(key: string, newSucceeded: readonly Readonly<PodObject>[], newFailed: readonly Readonly<PodObject>[], now: number): BackoffRecord {
    const old = this.#records.get(key) ?? { failuresAfterLastSuccess: 0 };
    if (newSucceeded.length === 0 && newFailed.length === 0) return old;
    const lastSuccess = newSucceeded.length > 0 ? Math.max(...newSucceeded.map((p) => podFinishTime(p, now))) : undefined;
    const failures = newFailed.map((p) => podFinishTime(p, now)).filter((t) => lastSuccess === undefined || t > lastSuccess);
    const lastFailureTime = failures.length > 0 ? Math.max(...failures) : lastSuccess === undefined ? old.lastFailureTime : undefined;
    const failuresAfterLastSuccess = (lastSuccess === undefined ? old.failuresAfterLastSuccess : 0) + failures.length;
    return lastFailureTime === undefined ? { failuresAfterLastSuccess } : { failuresAfterLastSuccess, lastFailureTime };
  }

  update(key: string, record: BackoffRecord): void {
    this.#records.set(key, record);
  }

  remove(key: string): void {
    this.#records.delete(key);
  }
}

/** getRemainingTime: how long pod creation must still wait (0 when it may go ahead). */
export function remainingBackoffMs(record: BackoffRecord, now: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === undefined) return 0;
  const backoff = Math.min(podFailureBackOff.maxMs, podFailureBackOff.baseMs * 2 ** (record.failuresAfterLastSuccess - 1));
  return Math.max(0, record.lastFailureTime + backoff - now);
}
