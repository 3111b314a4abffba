import type { KubeObject } from '@minik/types';
import { afterEach, describe, expect, it } from 'vitest';
import { InProcessClient } from '../../client/in-process-client.js';
import { kinds } from '../shared/kinds.js';
import { testCluster, type TestCluster } from '../shared/test-cluster.js';

describe('event recorder', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const events = (namespace = 'default'): KubeObject[] => t.client.list(kinds.event, namespace).map((e) => structuredClone(e) as KubeObject);

  it('writes core/v1 Events as client-go does, and bumps count on a repeat', () => {
    t = testCluster();
    const cm = t.client.create<KubeObject>(kinds.configMap, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' } });
    const recorder = t.ctx.events.newRecorder({ component: 'test-controller' });
    recorder.event(cm, 'Normal', 'Synced', 'all good');
    const [event] = events();
    expect(event?.metadata.name).toBe(`cfg.${(BigInt(Date.parse('2024-01-01T00:00:00Z')) * 1_000_000n).toString(16)}`);
    expect(event).toMatchObject({
      involvedObject: { kind: 'ConfigMap', namespace: 'default', name: 'cfg', uid: cm.metadata.uid, apiVersion: 'v1', resourceVersion: cm.metadata.resourceVersion },
      reason: 'Synced',
      message: 'all good',
      type: 'Normal',
      source: { component: 'test-controller' },
      firstTimestamp: '2024-01-01T00:00:00Z',
      lastTimestamp: '2024-01-01T00:00:00Z',
      count: 1,
      eventTime: null,
      reportingComponent: 'test-controller',
      reportingInstance: '',
    });
    t.clock.advance(5000);
    recorder.event(cm, 'Normal', 'Synced', 'all good');
    expect(events()).toHaveLength(1);
    expect(events()[0]).toMatchObject({ count: 2, firstTimestamp: '2024-01-01T00:00:00Z', lastTimestamp: '2024-01-01T00:00:05Z' });
  });

  it("writes with the recording component's client, so managedFields name that component", () => {
    t = testCluster();
    const cm = t.client.create<KubeObject>(kinds.configMap, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' } });
    const kubelet = new InProcessClient(t.core.context, { fieldManager: 'kubelet' });
    t.ctx.events.newRecorder({ component: 'kubelet', host: 'minik' }, kubelet).event(cm, 'Normal', 'Pulled', 'pulled');
    t.ctx.events.newEventsV1Recorder('default-scheduler', 'default-scheduler-minik', new InProcessClient(t.core.context, { fieldManager: 'kube-scheduler' })).event(cm, undefined, 'Normal', 'Scheduled', 'Binding', 'assigned');
    const managers = Object.fromEntries(events().map((e) => [e.reason, e.metadata.managedFields?.map((f) => f.manager)]));
    expect(managers).toEqual({ Pulled: ['kubelet'], Scheduled: ['kube-scheduler'] });
  });

  it('puts events of cluster-scoped objects in default and kubelet events carry their host', () => {
    t = testCluster();
    const node = t.client.get(kinds.node, '', 'minik')!;
    t.ctx.events.newRecorder({ component: 'kubelet', host: 'minik' }).event(node, 'Normal', 'Starting', 'Starting kubelet.');
    expect(events()[0]).toMatchObject({ involvedObject: { kind: 'Node', name: 'minik' }, source: { component: 'kubelet', host: 'minik' }, reportingInstance: 'minik' });
  });

  it('combines similar events beyond ten, and gives each object 25 events before rate limiting', () => {
    t = testCluster();
    const cm = t.client.create<KubeObject>(kinds.configMap, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' } });
    const recorder = t.ctx.events.newRecorder({ component: 'test-controller' });
    for (let i = 0; i < 12; i++) recorder.event(cm, 'Normal', 'Created', `Created thing ${i}`);
    const messages = events().map((e) => [e.message, e.count]);
    expect(messages.slice(0, 9).map(([m]) => m)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => `Created thing ${i}`));
    expect(messages.slice(9)).toEqual([['(combined from similar events): Created thing 11', 3]]);
    for (let i = 0; i < 30; i++) recorder.event(cm, 'Normal', `Other${i}`, 'x');
    // 12 + 13 accepted; the rest were dropped by the spam filter.
    expect(events()).toHaveLength(10 + 13);
  });

  it('writes events.k8s.io style events with eventTime, action and a series on repeats', () => {
    t = testCluster();
    const pod = t.client.create<KubeObject>(kinds.pod, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const recorder = t.ctx.events.newEventsV1Recorder('default-scheduler', 'default-scheduler-minik');
    recorder.event(pod, undefined, 'Normal', 'Scheduled', 'Binding', 'Successfully assigned default/web to minik');
    expect(events()[0]).toMatchObject({
      reason: 'Scheduled',
      message: 'Successfully assigned default/web to minik',
      action: 'Binding',
      eventTime: '2024-01-01T00:00:00.000000Z',
      firstTimestamp: null,
      lastTimestamp: null,
      source: {},
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-minik',
    });
    t.clock.advance(2000);
    recorder.event(pod, undefined, 'Normal', 'Scheduled', 'Binding', 'Successfully assigned default/web to minik');
    expect(events()).toHaveLength(1);
    expect(events()[0]?.series).toEqual({ count: 2, lastObservedTime: '2024-01-01T00:00:02.000000Z' });
    // Another note about the same pod is another event; the first series goes on beside it.
    recorder.event(pod, undefined, 'Normal', 'Scheduled', 'Binding', 'Successfully assigned default/web to other');
    recorder.event(pod, undefined, 'Normal', 'Scheduled', 'Binding', 'Successfully assigned default/web to minik');
    expect(events().map((e) => [e.message, (e.series as { count: number } | undefined)?.count])).toEqual(
      expect.arrayContaining([
        ['Successfully assigned default/web to minik', 3],
        ['Successfully assigned default/web to other', undefined],
      ]),
    );
    expect(events()).toHaveLength(2);
  });
});
