import { describe, expect, it } from 'vitest';
import { fitErrorMessage } from './fit-error.js';
import { unresolvable, unschedulable } from './framework.js';
import { testPod } from './test-objects.js';

describe('FailedScheduling message', () => {
  it('counts reasons per node, sorted as strings, with the preemption diagnosis', () => {
    const message = fitErrorMessage(testPod('p'), 3, [unresolvable('node(s) were unschedulable'), unschedulable('Insufficient cpu'), unschedulable('Insufficient cpu')]);
    expect(message).toBe(
      '0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('a node short of several resources counts each', () => {
    expect(fitErrorMessage(testPod('p'), 1, [unschedulable('Insufficient cpu', 'Insufficient memory')])).toBe(
      '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('says when the pod may not preempt', () => {
    expect(fitErrorMessage(testPod('p', { spec: { preemptionPolicy: 'Never' } }), 1, [unresolvable('node(s) were unschedulable')])).toBe(
      '0/1 nodes are available: 1 node(s) were unschedulable. preemption: not eligible due to preemptionPolicy=Never.',
    );
  });

  it('has its own message for a cluster without nodes', () => {
    expect(fitErrorMessage(testPod('p'), 0, [])).toBe('no nodes available to schedule pods');
  });
});
