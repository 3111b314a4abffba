import { describe, expect, it } from 'vitest';
import { infoOf, testNode, testPod } from '../test-objects.js';
import { nodeAffinity, nodeAffinityScore } from './node-affinity.js';

const mismatch = { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] };

describe('NodeAffinity filter', () => {
  it('matches spec.nodeSelector against node labels', () => {
    const pod = testPod('p', { spec: { nodeSelector: { disk: 'ssd' } } });
    expect(nodeAffinity.filter(pod, infoOf(testNode('a', { labels: { disk: 'ssd' } })))).toBeUndefined();
    expect(nodeAffinity.filter(pod, infoOf(testNode('b', { labels: { disk: 'hdd' } })))).toEqual(mismatch);
  });

  it('needs one required term to match, every expression of it', () => {
    const pod = testPod('p', {
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }, { key: 'gpu', operator: 'DoesNotExist' }] },
                { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['special'] }] },
              ],
            },
          },
        },
      },
    });
    expect(nodeAffinity.filter(pod, infoOf(testNode('x', { labels: { zone: 'a' } })))).toBeUndefined();
    expect(nodeAffinity.filter(pod, infoOf(testNode('y', { labels: { zone: 'a', gpu: '1' } })))).toEqual(mismatch);
    expect(nodeAffinity.filter(pod, infoOf(testNode('special')))).toBeUndefined();
  });

  it('supports Gt and Lt on integer labels', () => {
    const pod = testPod('p', { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }] } } } } });
    expect(nodeAffinity.filter(pod, infoOf(testNode('big', { labels: { cores: '8' } })))).toBeUndefined();
    expect(nodeAffinity.filter(pod, infoOf(testNode('small', { labels: { cores: '2' } })))).toEqual(mismatch);
  });
});

describe('NodeAffinity score', () => {
  it('sums the weights of matching preferred terms and normalises to 100', () => {
    const pod = testPod('p', {
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 10, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
              { weight: 5, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
            ],
          },
        },
      },
    });
    const nodes = [testNode('a', { labels: { disk: 'ssd', zone: 'x' } }), testNode('b', { labels: { zone: 'x' } }), testNode('c')].map((n) => infoOf(n));
    const raw = nodes.map((n) => nodeAffinityScore.score(pod, n, nodes));
    expect(raw).toEqual([15, 5, 0]);
    expect(nodeAffinityScore.normalize!(raw)).toEqual([100, 33, 0]);
  });
});
