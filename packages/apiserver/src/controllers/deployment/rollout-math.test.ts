import { describe, expect, it } from 'vitest';
import type { DeploymentObject } from '../shared/object-types.js';
import { podTemplateHash } from './pod-template-hash.js';
import { maxSurge, maxUnavailable, resolveFenceposts } from './rollout-math.js';

const rolling = (replicas: number, maxSurgeValue: number | string, maxUnavailableValue: number | string): DeploymentObject => ({
  metadata: { name: 'web' },
  spec: { replicas, selector: {}, template: {}, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: maxSurgeValue, maxUnavailable: maxUnavailableValue } } },
});

describe('rollout arithmetic', () => {
  it('rounds maxSurge up and maxUnavailable down, as ResolveFenceposts does', () => {
    expect(resolveFenceposts('25%', '25%', 10)).toEqual([3, 2]);
    expect(resolveFenceposts('25%', '25%', 1)).toEqual([1, 0]);
    expect(resolveFenceposts(0, '10%', 5)).toEqual([0, 1]);
    expect(resolveFenceposts(2, 0, 5)).toEqual([2, 0]);
  });

  it('never lets a rollout stall or exceed the replica count', () => {
    expect(maxUnavailable(rolling(3, 0, 0))).toBe(1);
    expect(maxUnavailable(rolling(2, 1, 5))).toBe(2);
    expect(maxUnavailable(rolling(0, 1, 1))).toBe(0);
    expect(maxSurge(rolling(4, '50%', 1))).toBe(2);
    expect(maxSurge({ ...rolling(4, 1, 1), spec: { ...rolling(4, 1, 1).spec, strategy: { type: 'Recreate' } } })).toBe(0);
  });
});

describe('pod-template-hash', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } };

  it('is the same for templates Kubernetes considers equal, and uses the safe alphabet', () => {
    const hash = podTemplateHash(template);
    expect(hash).toMatch(/^[4-9bcdf]+$/);
    expect(podTemplateHash({ ...template, metadata: { ...template.metadata, annotations: {} } })).toBe(hash);
    expect(podTemplateHash({ ...template, spec: { containers: [{ name: 'app', image: 'nginx:1.26' }] } })).not.toBe(hash);
  });

  it('changes with the collision count', () => {
    expect(podTemplateHash(template, 1)).not.toBe(podTemplateHash(template));
    expect(podTemplateHash(template, 1)).toBe(podTemplateHash(template, 1));
  });
});
