import { describe, expect, it } from 'vitest';
import { availabilityRequeue } from './availability-requeue.js';
import type { PodObject } from './object-types.js';

const now = Date.parse('2024-01-01T00:01:00Z');
const pod = (ready: 'True' | 'False' | undefined, since = '2024-01-01T00:00:50Z'): PodObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [] },
    status: ready === undefined ? {} : { conditions: [{ type: 'Ready', status: ready, lastTransitionTime: since }] },
  }) as PodObject;

describe('availabilityRequeue', () => {
  it('requeues just after the earliest ready pod turns available', () => {
    // Ready at :50 and :55 with 30s: available after 01:20 and 01:25.
    expect(availabilityRequeue([pod('True', '2024-01-01T00:00:55Z'), pod('True')], 30, now)).toEqual({ requeueAfterMs: 20_001 });
  });

  it('counts a pod that turns available exactly now', () => {
    expect(availabilityRequeue([pod('True')], 10, now)).toEqual({ requeueAfterMs: 1 });
  });

  it('ignores pods already available, not ready, or without a Ready condition', () => {
    expect(availabilityRequeue([pod('True'), pod('False'), pod(undefined)], 5, now)).toBeUndefined();
  });

  it('does nothing without minReadySeconds', () => {
    expect(availabilityRequeue([pod('True')], undefined, now)).toBeUndefined();
    expect(availabilityRequeue([pod('True')], 0, now)).toBeUndefined();
  });
});
