import { describe, expect, it } from 'vitest';
import { infoOf, testNode, testPod } from '../test-objects.js';
import { balancedAllocation, leastAllocated, nodeResourcesFit } from './node-resources-fit.js';

describe('NodeResourcesFit filter', () => {
  it('fits requests into what the node has left', () => {
    const node = testNode('n');
    const busy = [testPod('a', { node: 'n', cpu: '1500m', memory: '1Gi' })];
    expect(nodeResourcesFit.filter(testPod('p', { cpu: '500m' }), infoOf(node, busy))).toBeUndefined();
    expect(nodeResourcesFit.filter(testPod('p', { cpu: '600m', memory: '4Gi' }), infoOf(node, busy))).toEqual({
      code: 'Unschedulable',
      reasons: ['Insufficient cpu', 'Insufficient memory'],
    });
  });

  it('ignores finished pods and counts pods against the pod capacity', () => {
    const node = testNode('n', { allocatable: { pods: '1' } });
    const done = { ...testPod('old', { node: 'n', cpu: '2' }), status: { phase: 'Succeeded' } };
    expect(nodeResourcesFit.filter(testPod('p', { cpu: '1' }), infoOf(node, [done]))).toBeUndefined();
    expect(nodeResourcesFit.filter(testPod('p'), infoOf(node, [testPod('a', { node: 'n' })]))?.reasons).toEqual(['Too many pods']);
  });

  it('takes the larger of init containers and the sum of containers', () => {
    const pod = testPod('p', { cpu: '100m', spec: { initContainers: [{ name: 'i', image: 'busybox', resources: { requests: { cpu: '3' } } }] } });
    expect(nodeResourcesFit.filter(pod, infoOf(testNode('n')))?.reasons).toEqual(['Insufficient cpu']);
  });

  it('checks extended resources', () => {
    const pod = testPod('p', { spec: { containers: [{ name: 'c', image: 'cuda', resources: { requests: { 'nvidia.com/gpu': '1' } } }] } });
    expect(nodeResourcesFit.filter(pod, infoOf(testNode('n')))?.reasons).toEqual(['Insufficient nvidia.com/gpu']);
    expect(nodeResourcesFit.filter(pod, infoOf(testNode('g', { allocatable: { 'nvidia.com/gpu': '2' } })))).toBeUndefined();
  });
});

describe('NodeResourcesFit score (LeastAllocated)', () => {
  it('scores emptier nodes higher, counting pods without requests as 100m / 200Mi', () => {
    const empty = infoOf(testNode('a'));
    const busy = infoOf(testNode('b'), [testPod('x', { node: 'b', cpu: '1', memory: '2Gi' })]);
    const pod = testPod('p');
    // a: cpu 1-100/2000 → 95, memory 1-200Mi/4Gi → 95; b: cpu 1-1100/2000 → 45, memory 1-2248Mi/4Gi → 45.
    expect(leastAllocated.score(pod, empty, [empty, busy])).toBe(95);
    expect(leastAllocated.score(pod, busy, [empty, busy])).toBe(45);
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it('scores nodes whose cpu and memory fractions are close higher', () => {
    const balanced = infoOf(testNode('a'), [testPod('x', { node: 'a', cpu: '900m', memory: '1848Mi' })]);
    const skewed = infoOf(testNode('b'), [testPod('y', { node: 'b', cpu: '1800m', memory: '100Mi' })]);
    const pod = testPod('p', { cpu: '100m', memory: '200Mi' });
    expect(balancedAllocation.score(pod, balanced, [])).toBeGreaterThan(balancedAllocation.score(pod, skewed, []));
    expect(balancedAllocation.score(pod, balanced, [])).toBe(100);
  });
});
