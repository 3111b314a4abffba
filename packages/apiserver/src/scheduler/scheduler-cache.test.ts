import type { KubeObject, Node, Pod } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { bindPod } from '../api/handlers/subresource-handlers.js';
import { testApi } from '../kubelet/test-api.js';
import { ManualClock } from '../util/manual-clock.js';
import { nodeInfos } from './node-info.js';
import { SchedulerCache } from './scheduler-cache.js';
import { testNode, testPod } from './test-objects.js';

const podRef = { apiVersion: 'v1', kind: 'Pod' };
const nodeRef = { apiVersion: 'v1', kind: 'Node' };

describe('SchedulerCache', () => {
  it('keeps the NodeInfos a fresh list would give, through binds, deletes, finished pods and node changes', () => {
    const api = testApi(new ManualClock('2024-01-01T00:00:00Z'), { nodes: 2 });
    const { client } = api;
    const cache = new SchedulerCache();
    const list = () => nodeInfos(client.list<Node & KubeObject>(nodeRef), client.list<Pod & KubeObject>(podRef));
    const cached = () => Array.from({ length: cache.nodeCount }, (_, i) => cache.infoAt(i));
    client.create(podRef, testPod('early', { node: 'minik', cpu: '100m' }) as KubeObject);
    cache.fill(client.list<Node & KubeObject>(nodeRef), client.list<Pod & KubeObject>(podRef));
    client.watch(podRef, (e) => cache.onPod(e));
    client.watch(nodeRef, (e) => cache.onNode(e));
    expect(cached()).toEqual(list());

    client.create(podRef, testPod('a', { cpu: '250m', memory: '64Mi' }) as KubeObject);
    client.create(podRef, testPod('b', { node: 'minik-m02', cpu: '1' }) as KubeObject);
    expect(cached()).toEqual(list());
    // Bound through the binding subresource, then finished, then deleted.
    bindPod(api.context, client.resource(podRef), 'default', 'a', 'minik-m02');
    expect(cached()).toEqual(list());
    client.updateStatus(podRef, { ...structuredClone(client.get<Pod & KubeObject>(podRef, 'default', 'b')!), status: { phase: 'Succeeded' } });
    expect(cached()).toEqual(list());
    client.delete(podRef, 'default', 'early', { gracePeriodSeconds: 0 });
    expect(cached()).toEqual(list());

    // A node that comes (sorted into place) and goes.
    client.create(nodeRef, testNode('a-first') as KubeObject);
    expect(cached().map((i) => i.name)).toEqual(['a-first', 'minik', 'minik-m02']);
    expect(cached()).toEqual(list());
    client.delete(nodeRef, '', 'a-first');
    expect(cached()).toEqual(list());
    // Pods of a node that does not exist yet count once it does.
    client.create(podRef, testPod('c', { node: 'later' }) as KubeObject);
    client.create(nodeRef, testNode('later') as KubeObject);
    expect(cached()).toEqual(list());
    expect(cache.infoAt(0).pods.map((p) => p.metadata?.name)).toEqual(['c']);
  });
});
