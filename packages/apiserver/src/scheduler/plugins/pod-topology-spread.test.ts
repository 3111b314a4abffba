import { describe, expect, it } from 'vitest';
import { infoOf, testNode, testPod } from '../test-objects.js';
import { podTopologySpread } from './pod-topology-spread.js';

describe('PodTopologySpread (system defaults)', () => {
  it('scores nodes with fewer pods of the same controller higher', () => {
    const nodes = [
      infoOf(testNode('a'), [testPod('w1', { node: 'a', owner: 'web' }), testPod('w2', { node: 'a', owner: 'web' })]),
      infoOf(testNode('b'), [testPod('w3', { node: 'b', owner: 'web' }), testPod('o1', { node: 'b', owner: 'other' })]),
      infoOf(testNode('c')),
    ];
    const pod = testPod('w4', { owner: 'web' });
    const raw = nodes.map((n) => podTopologySpread.score(pod, n, nodes));
    // 2·ln(5)+2 → 5, ln(5)+2 → 4, 0+2 → 2; then 100·(max+min−s)/max.
    expect(raw).toEqual([5, 4, 2]);
    expect(podTopologySpread.normalize!(raw)).toEqual([40, 60, 100]);
  });

  it('does not distinguish nodes for a pod without a controller', () => {
    const nodes = [infoOf(testNode('a'), [testPod('x', { node: 'a' })]), infoOf(testNode('b'))];
    const raw = nodes.map((n) => podTopologySpread.score(testPod('p'), n, nodes));
    expect(podTopologySpread.normalize!(raw)).toEqual([100, 100]);
  });
});
