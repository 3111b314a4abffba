import { describe, expect, it } from 'vitest';
import { countNodes, nodeNames } from './profile.js';

describe('nodeNames', () => {
  it('names nodes like minikube: minik, minik-m02, minik-m03, …', () => {
    expect(nodeNames(1)).toEqual(['minik']);
    expect(nodeNames(3)).toEqual(['minik', 'minik-m02', 'minik-m03']);
    expect(nodeNames(12).at(-1)).toBe('minik-m12');
  });

  it('counts nodes', () => {
    expect(countNodes(1)).toBe('1 node');
    expect(countNodes(2)).toBe('2 nodes');
  });
});
