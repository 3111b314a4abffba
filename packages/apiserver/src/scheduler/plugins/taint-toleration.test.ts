import { describe, expect, it } from 'vitest';
import { infoOf, testNode, testPod } from '../test-objects.js';
import { taintToleration, taintTolerationScore } from './taint-toleration.js';

const controlPlane = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

describe('TaintToleration filter', () => {
  it("names the first untolerated taint as upstream prints it", () => {
    expect(taintToleration.filter(testPod('p'), infoOf(testNode('n', { taints: [controlPlane] })))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    });
    expect(taintToleration.filter(testPod('p'), infoOf(testNode('n', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] })))?.reasons).toEqual([
      'node(s) had untolerated taint {dedicated: gpu}',
    ]);
  });

  it('ignores PreferNoSchedule taints and tolerated ones', () => {
    expect(taintToleration.filter(testPod('p'), infoOf(testNode('n', { taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] })))).toBeUndefined();
    const tolerant = testPod('p', { spec: { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] } });
    expect(taintToleration.filter(tolerant, infoOf(testNode('n', { taints: [controlPlane] })))).toBeUndefined();
    const equal = testPod('p', { spec: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu' }] } });
    expect(taintToleration.filter(equal, infoOf(testNode('n', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] })))).toBeUndefined();
    expect(taintToleration.filter(equal, infoOf(testNode('n', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] })))).toBeDefined();
  });

  it('a node tainted unreachable:NoExecute is avoided even by pods with the default 300 s toleration? no: they tolerate it', () => {
    const pod = testPod('p', { spec: { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] } });
    expect(taintToleration.filter(pod, infoOf(testNode('n', { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }] })))).toBeUndefined();
    expect(taintToleration.filter(pod, infoOf(testNode('n', { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }] })))).toBeDefined();
  });
});

describe('TaintToleration score', () => {
  it('prefers nodes with fewer untolerated PreferNoSchedule taints', () => {
    const nodes = [testNode('a'), testNode('b', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }, { key: 'y', effect: 'PreferNoSchedule' }] }), testNode('c', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] })].map((n) => infoOf(n));
    const raw = nodes.map((n) => taintTolerationScore.score(testPod('p'), n, nodes));
    expect(raw).toEqual([0, 2, 1]);
    expect(taintTolerationScore.normalize!(raw)).toEqual([100, 0, 50]);
  });
});
