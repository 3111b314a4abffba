import type { KubeObject, Pod } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { testApi } from '../kubelet/test-api.js';
import { ManualClock } from '../util/manual-clock.js';
import { Scheduler } from './scheduler.js';

const podRef = { apiVersion: 'v1', kind: 'Pod' };
const nodeRef = { apiVersion: 'v1', kind: 'Node' };
const eventRef = { apiVersion: 'v1', kind: 'Event' };

function setup(nodes = 3) {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  const api = testApi(clock, { nodes });
  const scheduler = new Scheduler({ client: api.client, clock });
  scheduler.start();
  const createPod = (name: string, spec: Record<string, unknown> = {}, owner?: string): void => {
    api.client.create<KubeObject>(podRef, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'default',
        ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: `uid-${owner}`, controller: true, blockOwnerDeletion: true }] } : {}),
      },
      spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
    });
  };
  const pods = () => api.client.list<Pod & KubeObject>(podRef, 'default');
  const events = () => api.client.list<KubeObject & { reason?: string; message?: string; series?: { count: number } }>(eventRef, 'default');
  return { clock, api, scheduler, createPod, pods, events };
}

describe('default scheduler', () => {
  it('spreads 6 replicas of one ReplicaSet over 3 equal nodes 2/2/2, through the binding', async () => {
    const { scheduler, createPod, pods, events } = setup();
    for (let i = 0; i < 6; i++) createPod(`web-${i}`, {}, 'web');
    await scheduler.idle();
    const perNode = new Map<string, number>();
    for (const pod of pods()) perNode.set(pod.spec!.nodeName!, (perNode.get(pod.spec!.nodeName!) ?? 0) + 1);
    expect(Object.fromEntries(perNode)).toEqual({ minik: 2, 'minik-m02': 2, 'minik-m03': 2 });
    const scheduled = pods()[0]!;
    expect(scheduled.status?.conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-01-01T00:00:00Z' }]);
    expect(events().map((e) => `${e.reason}: ${e.message}`)).toContain(`Scheduled: Successfully assigned default/web-0 to ${pods().find((p) => p.metadata.name === 'web-0')!.spec!.nodeName}`);
    const event = events()[0] as Record<string, unknown>;
    expect(event).toMatchObject({ type: 'Normal', action: 'Binding', reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-minik', source: {} });
  });

  it('leaves an unschedulable pod Pending with PodScheduled=False and a FailedScheduling event, and retries it when a node changes', async () => {
    const { api, scheduler, createPod, pods, events } = setup(3);
    for (const name of ['minik', 'minik-m02']) api.client.mergePatch(nodeRef, '', name, { spec: { unschedulable: true } });
    createPod('big', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '3' } } }] });
    await scheduler.idle();
    const message =
      '0/3 nodes are available: 1 Insufficient cpu, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.';
    expect(pods()[0]!.spec?.nodeName).toBeUndefined();
    expect(pods()[0]!.status?.conditions).toEqual([{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2024-01-01T00:00:00Z', reason: 'Unschedulable', message }]);
    expect(events().map((e) => `${e.reason}: ${e.message}`)).toEqual([`FailedScheduling: ${message}`]);

    // More room on the third node: the pod is retried and placed.
    api.client.mergePatch(nodeRef, '', 'minik-m03', { status: { allocatable: { cpu: '4' } } }, 'status');
    await scheduler.idle();
    expect(pods()[0]!.spec?.nodeName).toBe('minik-m03');
  });

  it('retries unschedulable pods when a pod goes away', async () => {
    const { api, scheduler, createPod, pods } = setup(1);
    createPod('first', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1500m' } } }] });
    await scheduler.idle();
    createPod('second', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1' } } }] });
    await scheduler.idle();
    expect(pods().find((p) => p.metadata.name === 'second')!.spec?.nodeName).toBeUndefined();
    api.client.delete(podRef, 'default', 'first', { gracePeriodSeconds: 0 });
    await scheduler.idle();
    expect(pods().find((p) => p.metadata.name === 'second')!.spec?.nodeName).toBe('minik');
  });

  it('repeats FailedScheduling as a series, and retries at least every 5 minutes', async () => {
    const { clock, scheduler, createPod, events } = setup(1);
    createPod('picky', { nodeSelector: { disk: 'ssd' } });
    await scheduler.idle();
    // The first failure writes PodScheduled=False, so the retries regard a newer resourceVersion
    // of the pod: one more event, then a series on it (client-go's events/v1 key includes it).
    clock.advance(300_000);
    await scheduler.idle();
    clock.advance(300_000);
    await scheduler.idle();
    const failed = events().filter((e) => e.reason === 'FailedScheduling').slice(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toBe(
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
    expect(failed[0]!.series?.count).toBe(2);
  });

  it('skips pods of other schedulers and pods that name their node', async () => {
    const { scheduler, createPod, pods } = setup(2);
    createPod('other', { schedulerName: 'my-scheduler' });
    createPod('pinned', { nodeName: 'minik-m02' });
    await scheduler.idle();
    expect(pods().map((p) => [p.metadata.name, p.spec?.nodeName])).toEqual([
      ['other', undefined],
      ['pinned', 'minik-m02'],
    ]);
  });
});
