import type { KubeObject } from '@minik/types';
import { afterEach, describe, expect, it } from 'vitest';
import { EndpointSliceController } from '../endpoint-slice/endpoint-slice-controller.js';
import { GarbageCollector } from '../garbage-collector/garbage-collector.js';
import { kinds } from '../shared/kinds.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { EndpointsController } from './endpoints-controller.js';

const pod = (name: string, labels: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels },
  spec: { containers: [{ name: 'app', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
});

const service = (ports: unknown[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', labels: { tier: 'front' } },
  spec: { selector: { app: 'web' }, ports },
});

describe('endpoints and EndpointSlice controllers', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const setup = (): TestCluster => {
    t = testCluster();
    t.start(new EndpointsController(t.ctx), new EndpointSliceController(t.ctx), new GarbageCollector(t.ctx));
    return t;
  };
  const endpoints = (): KubeObject | undefined => t.client.get(kinds.endpoints, 'default', 'web');
  const slices = (): KubeObject[] => t.client.list(kinds.endpointSlice, 'default', (s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web').map((s) => structuredClone(s) as KubeObject);

  it('lists ready pods under addresses and others under notReadyAddresses, resolving named target ports', async () => {
    setup();
    t.client.create(kinds.pod, pod('a', { app: 'web' }));
    t.client.create(kinds.pod, pod('b', { app: 'web' }));
    t.client.create(kinds.pod, pod('c', { app: 'other' }));
    t.client.create(kinds.service, service([{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9090, targetPort: 9090 }]));
    await t.settle();
    // No pod has an IP yet: an Endpoints object without subsets, and a placeholder slice.
    expect(endpoints()?.subsets).toBeUndefined();
    expect(endpoints()?.metadata.labels).toEqual({ tier: 'front' });
    expect(slices().map((s) => [s.endpoints, s.ports])).toEqual([[null, null]]);
    runPod(t, 'default', 'a', { ip: '10.244.0.5' });
    runPod(t, 'default', 'b', { ip: '10.244.0.6', ready: false });
    await t.settle();
    const target = (name: string, uid: string | undefined) => ({ kind: 'Pod', namespace: 'default', name, uid });
    const a = t.client.get(kinds.pod, 'default', 'a')!;
    const b = t.client.get(kinds.pod, 'default', 'b')!;
    expect(endpoints()?.subsets).toEqual([
      {
        addresses: [{ ip: '10.244.0.5', nodeName: 'minik', targetRef: target('a', a.metadata.uid) }],
        notReadyAddresses: [{ ip: '10.244.0.6', nodeName: 'minik', targetRef: target('b', b.metadata.uid) }],
        ports: [
          { name: 'http', port: 8080, protocol: 'TCP' },
          { name: 'metrics', port: 9090, protocol: 'TCP' },
        ],
      },
    ]);
    expect(endpoints()?.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe('2024-01-01T00:00:00Z');
    const [slice] = slices();
    expect(slice?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice?.metadata.labels).toEqual({
      tier: 'front',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(slice?.addressType).toBe('IPv4');
    expect(slice?.ports).toEqual([
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: 'metrics', port: 9090, protocol: 'TCP' },
    ]);
    expect(slice?.endpoints).toEqual([
      { addresses: ['10.244.0.5'], conditions: { ready: true, serving: true, terminating: false }, targetRef: target('a', a.metadata.uid), nodeName: 'minik' },
      { addresses: ['10.244.0.6'], conditions: { ready: false, serving: false, terminating: false }, targetRef: target('b', b.metadata.uid), nodeName: 'minik' },
    ]);
  });

  it('follows pods as they go and come, and terminating pods stay in slices only', async () => {
    setup();
    t.client.create(kinds.pod, pod('a', { app: 'web' }));
    t.client.create(kinds.service, service([{ port: 80, targetPort: 8080 }]));
    await t.settle();
    runPod(t, 'default', 'a', { ip: '10.244.0.5' });
    await t.settle();
    // Bound pods terminate gracefully: Endpoints drop them, slices mark them terminating.
    t.client.delete(kinds.pod, 'default', 'a');
    await t.settle();
    expect(endpoints()?.subsets).toBeUndefined();
    expect(slices()[0]?.endpoints).toEqual([
      expect.objectContaining({ addresses: ['10.244.0.5'], conditions: { ready: false, serving: true, terminating: true } }),
    ]);
    t.client.delete(kinds.pod, 'default', 'a', { gracePeriodSeconds: 0 });
    t.client.create(kinds.pod, pod('b', { app: 'web' }));
    await t.settle();
    runPod(t, 'default', 'b', { ip: '10.244.0.7' });
    await t.settle();
    expect(endpoints()?.subsets).toEqual([{ addresses: [expect.objectContaining({ ip: '10.244.0.7' })], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    expect(slices().map((s) => (s.endpoints as { addresses: string[] }[]).map((e) => e.addresses[0]))).toEqual([['10.244.0.7']]);
    // The Service goes: its Endpoints go, its slices follow through their owner reference.
    t.client.delete(kinds.service, 'default', 'web');
    await t.settle();
    expect(endpoints()).toBeUndefined();
    expect(slices()).toEqual([]);
  });

  it('leaves Services without a selector alone', async () => {
    setup();
    await t.settle();
    expect(t.client.get(kinds.endpoints, 'default', 'kubernetes')?.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
    // Only the API server's own slice for `kubernetes`; the slice controller made none.
    expect(t.client.list(kinds.endpointSlice, 'default').map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });
});
