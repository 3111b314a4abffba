import { describe, expect, it } from 'vitest';
import { infoOf, testNode, testPod } from '../test-objects.js';
import { nodeUnschedulable } from './node-unschedulable.js';

describe('NodeUnschedulable', () => {
  it('passes a schedulable node', () => {
    expect(nodeUnschedulable.filter(testPod('p'), infoOf(testNode('n')))).toBeUndefined();
  });

  it('rejects a cordoned node as unresolvable', () => {
    expect(nodeUnschedulable.filter(testPod('p'), infoOf(testNode('n', { unschedulable: true })))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) were unschedulable'],
    });
  });

  it('admits a pod tolerating node.kubernetes.io/unschedulable (as DaemonSet pods do)', () => {
    const pod = testPod('p', { spec: { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] } });
    expect(nodeUnschedulable.filter(pod, infoOf(testNode('n', { unschedulable: true })))).toBeUndefined();
  });
});
