import { describe, expect, it } from 'vitest';
import { infoOf, testNode, testPod } from '../test-objects.js';
import { nodeName } from './node-name.js';

describe('NodeName', () => {
  it('passes any node when the pod names none', () => {
    expect(nodeName.filter(testPod('p'), infoOf(testNode('a')))).toBeUndefined();
  });

  it('passes only the named node', () => {
    const pod = testPod('p', { node: 'b' });
    expect(nodeName.filter(pod, infoOf(testNode('b')))).toBeUndefined();
    expect(nodeName.filter(pod, infoOf(testNode('a')))).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match the requested node name"] });
  });
});
