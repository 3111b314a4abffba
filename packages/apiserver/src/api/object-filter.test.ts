import type { KubeObject } from '@minik/types';
import { builtinResources } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { watchTriggerOf } from './object-filter.js';

const podsDef = builtinResources.find((d) => d.group === '' && d.plural === 'pods')!;
const query = (fieldSelector: string): URLSearchParams => new URLSearchParams({ fieldSelector });
const pod = (name: string, nodeName?: string): KubeObject => ({ metadata: { name }, spec: nodeName === undefined ? {} : { nodeName } });

describe('watchTriggerOf', () => {
  it('indexes a watch by the node or the name it selects with an equality', () => {
    const byNode = watchTriggerOf(podsDef, query('status.phase=Running,spec.nodeName=minik'))!;
    expect([byNode.index, byNode.value, byNode.valueOf(pod('a', 'minik')), byNode.valueOf(pod('b'))]).toEqual(['field:spec.nodeName', 'minik', 'minik', '']);
    // Unbound pods are `spec.nodeName=` (the scheduler's own watch).
    expect(watchTriggerOf(podsDef, query('spec.nodeName='))!.value).toBe('');
    const byName = watchTriggerOf(podsDef, query('metadata.name=web'))!;
    expect([byName.index, byName.value, byName.valueOf(pod('web'))]).toEqual(['metadata.name', 'web', 'web']);
    expect(watchTriggerOf(podsDef, new URLSearchParams(), 'web')!.value).toBe('web');
  });

  it('leaves other selectors to the filter', () => {
    expect(watchTriggerOf(podsDef, query('spec.nodeName!=minik'))).toBeUndefined();
    expect(watchTriggerOf(podsDef, query('status.phase=Running'))).toBeUndefined();
    expect(watchTriggerOf(podsDef, new URLSearchParams())).toBeUndefined();
  });
});
