import { afterEach, describe, expect, it } from 'vitest';
import { kinds } from '../shared/kinds.js';
import type { PodObject, ReplicaSetObject } from '../shared/object-types.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { ReplicaSetController } from './replica-set-controller.js';

const replicaSet = (name: string, replicas: number, extra: Partial<ReplicaSetObject['spec']> = {}): ReplicaSetObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    ...extra,
  },
});

describe('ReplicaSet controller', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const setup = (): TestCluster => {
    t = testCluster();
    t.start(new ReplicaSetController(t.ctx));
    return t;
  };
  const pods = (app: string): Readonly<PodObject>[] => t.client.list<PodObject>(kinds.pod, 'default', (p) => p.metadata.labels?.app === app);
  const rs = (name: string): Readonly<ReplicaSetObject> => t.client.get<ReplicaSetObject>(kinds.replicaSet, 'default', name)!;

  it('creates the missing pods from the template, named <rs>-<5 chars>, controlled by the ReplicaSet', async () => {
    setup();
    const created = t.client.create(kinds.replicaSet, replicaSet('web', 3));
    await t.settle();
    const list = pods('web');
    expect(list.map((p) => p.metadata.name)).toEqual(['web-bbbbb', 'web-bbbbc', 'web-bbbbd']);
    expect(list[0]!.metadata.generateName).toBe('web-');
    expect(list[0]!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: created.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(list[0]!.spec.containers[0]!.image).toBe('nginx');
    // Pods get the admission defaults every API client's pods get.
    expect(list[0]!.spec.serviceAccountName).toBe('default');
    expect(rs('web').status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    const events = t.client.list(kinds.event, 'default');
    expect(events.map((e) => [e.reason, e.message, (e.source as { component: string }).component])).toEqual([
      ['SuccessfulCreate', 'Created pod: web-bbbbb', 'replicaset-controller'],
      ['SuccessfulCreate', 'Created pod: web-bbbbc', 'replicaset-controller'],
      ['SuccessfulCreate', 'Created pod: web-bbbbd', 'replicaset-controller'],
    ]);
  });

  it('counts ready and available pods, waiting minReadySeconds on the clock', async () => {
    setup();
    t.client.create(kinds.replicaSet, replicaSet('web', 2, { minReadySeconds: 10 }));
    await t.settle();
    for (const p of pods('web')) runPod(t, 'default', p.metadata.name!);
    await t.settle();
    expect(rs('web').status).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect(rs('web').status?.availableReplicas).toBeUndefined();
    await t.advance(11_000);
    expect(rs('web').status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
  });

  it('replaces a deleted pod and removes extra pods on scale down', async () => {
    setup();
    t.client.create(kinds.replicaSet, replicaSet('web', 2));
    await t.settle();
    t.client.delete(kinds.pod, 'default', 'web-bbbbb');
    await t.settle();
    expect(pods('web').map((p) => p.metadata.name)).toEqual(['web-bbbbc', 'web-bbbbd']);
    t.client.mergePatch(kinds.replicaSet, 'default', 'web', { spec: { replicas: 0 } });
    await t.settle();
    expect(pods('web')).toEqual([]);
    expect(rs('web').status).toEqual({ replicas: 0, observedGeneration: 2 });
  });

  it('scales down unscheduled, then pending, then not ready pods before ready ones, newest first', async () => {
    setup();
    t.client.create(kinds.replicaSet, replicaSet('web', 5));
    await t.settle();
    // bbbbb ready (oldest), bbbbc ready (newer), bbbbd running not ready, bbbbf bound but pending, bbbbg unscheduled.
    runPod(t, 'default', 'web-bbbbb');
    await t.advance(600_000);
    runPod(t, 'default', 'web-bbbbc');
    runPod(t, 'default', 'web-bbbbd', { ready: false });
    const pending = t.client.get<PodObject>(kinds.pod, 'default', 'web-bbbbf')!;
    t.core.store.update(t.client.resource(kinds.pod), { ...structuredClone(pending), spec: { ...pending.spec, nodeName: 'minik' } });
    await t.settle();
    const remaining = async (n: number): Promise<string[]> => {
      t.client.mergePatch(kinds.replicaSet, 'default', 'web', { spec: { replicas: n } });
      await t.settle();
      // Bound pods are deleted gracefully: without a kubelet they stay Terminating, so count live ones.
      return pods('web').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name!);
    };
    expect(await remaining(4)).toEqual(['web-bbbbb', 'web-bbbbc', 'web-bbbbd', 'web-bbbbf']);
    expect(await remaining(3)).toEqual(['web-bbbbb', 'web-bbbbc', 'web-bbbbd']);
    expect(await remaining(2)).toEqual(['web-bbbbb', 'web-bbbbc']);
    // Both ready: the one ready for less time (and created later) goes first.
    expect(await remaining(1)).toEqual(['web-bbbbb']);
  });

  it('adopts matching orphans and releases pods whose labels stop matching', async () => {
    setup();
    t.client.create(kinds.pod, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const owner = t.client.create(kinds.replicaSet, replicaSet('web', 2));
    await t.settle();
    const stray = t.client.get<PodObject>(kinds.pod, 'default', 'stray')!;
    expect(stray.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', uid: owner.metadata.uid, controller: true });
    expect(pods('web')).toHaveLength(2);
    t.client.mergePatch(kinds.pod, 'default', 'stray', { metadata: { labels: { app: 'debug' } } });
    await t.settle();
    expect(t.client.get<PodObject>(kinds.pod, 'default', 'stray')!.metadata.ownerReferences).toBeUndefined();
    expect(pods('web')).toHaveLength(2);
  });

  it('leaves pods alone while the ReplicaSet is being deleted', async () => {
    setup();
    t.client.create(kinds.replicaSet, replicaSet('web', 1));
    await t.settle();
    t.client.delete(kinds.replicaSet, 'default', 'web', { propagationPolicy: 'Foreground' });
    t.client.delete(kinds.pod, 'default', 'web-bbbbb');
    await t.settle();
    expect(pods('web')).toEqual([]);
  });
});
