import type { KubeObject } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { bindPod } from '../api/handlers/subresource-handlers.js';
import { ManualClock } from '../util/manual-clock.js';
import { PodEventRouter } from './pod-event-router.js';
import { testApi } from './test-api.js';

const podRef = { apiVersion: 'v1', kind: 'Pod' };
const pod = (name: string, nodeName?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...(nodeName ? { nodeName } : {}) },
});

describe('PodEventRouter', () => {
  it('hands each kubelet the events of its pods: bound there, leaving, or still run by one of its workers', () => {
    const api = testApi(new ManualClock('2024-01-01T00:00:00Z'), { nodes: 2 });
    const router = new PodEventRouter(api.client);
    const seen: Record<string, string[]> = { minik: [], 'minik-m02': [] };
    const watches = ['minik', 'minik-m02'].map((node) => router.subscribe(node, (e) => seen[node]!.push(`${e.type} ${e.name}`)));
    api.client.create(podRef, pod('unbound'));
    api.client.create(podRef, pod('a', 'minik'));
    bindPod(api.context, api.client.resource(podRef), 'default', 'unbound', 'minik-m02');
    // A worker of minik for a pod of the same name elsewhere still hears about it.
    router.track('default/b', 'minik', true);
    api.client.create(podRef, pod('b', 'minik-m02'));
    router.track('default/b', 'minik', false);
    api.client.delete(podRef, 'default', 'b', { gracePeriodSeconds: 0 });
    api.client.delete(podRef, 'default', 'a', { gracePeriodSeconds: 0 });
    expect(seen).toEqual({ minik: ['ADDED a', 'ADDED b', 'DELETED a'], 'minik-m02': ['MODIFIED unbound', 'ADDED b', 'DELETED b'] });
    for (const w of watches) w.stop();
    api.client.create(podRef, pod('c', 'minik'));
    expect(seen['minik']).toHaveLength(3);
  });

  it('keeps every node whose kubelet runs a worker for a key, and forgets each as it stops', () => {
    const api = testApi(new ManualClock('2024-01-01T00:00:00Z'), { nodes: 3 });
    const router = new PodEventRouter(api.client);
    const nodes = ['minik', 'minik-m02', 'minik-m03'];
    const seen: Record<string, string[]> = Object.fromEntries(nodes.map((n) => [n, []]));
    const watches = nodes.map((node) => router.subscribe(node, (e) => seen[node]!.push(`${e.type} ${e.name}`)));
    router.track('default/b', 'minik', true);
    router.track('default/b', 'minik-m03', true);
    router.track('default/b', 'minik-m03', true);
    api.client.create(podRef, pod('b', 'minik-m02'));
    router.track('default/b', 'minik', false);
    api.client.update(podRef, { ...structuredClone(api.client.get(podRef, 'default', 'b')!), metadata: { name: 'b', namespace: 'default', labels: { x: '1' } } } as KubeObject);
    router.track('default/b', 'minik-m03', false);
    api.client.delete(podRef, 'default', 'b', { gracePeriodSeconds: 0 });
    expect(seen).toEqual({ minik: ['ADDED b'], 'minik-m02': ['ADDED b', 'MODIFIED b', 'DELETED b'], 'minik-m03': ['ADDED b', 'MODIFIED b'] });
    for (const w of watches) w.stop();
  });
});
