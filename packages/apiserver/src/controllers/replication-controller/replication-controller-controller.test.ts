import { afterEach, describe, expect, it } from 'vitest';
import { kinds } from '../shared/kinds.js';
import type { PodObject } from '../shared/object-types.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { ReplicationControllerController, replicationControllerKind, type ReplicationControllerObject } from './replication-controller-controller.js';

const rcKind = { apiVersion: 'v1', kind: 'ReplicationController' } as const;
const rc = (replicas: number, minReadySeconds?: number): ReplicationControllerObject => ({
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, ...(minReadySeconds === undefined ? {} : { minReadySeconds }), template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
});

describe('ReplicationController controller', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const setup = (): TestCluster => {
    t = testCluster();
    t.start(new ReplicationControllerController(t.ctx));
    return t;
  };
  const pods = (): Readonly<PodObject>[] => t.client.list<PodObject>(kinds.pod, 'default', (p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp);
  const get = (): Readonly<ReplicationControllerObject> => t.client.get<ReplicationControllerObject>(rcKind, 'default', 'web')!;

  it('creates pods from the template with the selector defaulted from its labels, and counts them', async () => {
    setup();
    const created = t.client.create(rcKind, rc(2));
    expect(created.spec.selector).toEqual({ app: 'web' });
    await t.settle();
    expect(pods().map((p) => p.metadata.name)).toEqual(['web-bbbbb', 'web-bbbbc']);
    expect(pods()[0]!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'ReplicationController', name: 'web', uid: created.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    for (const p of pods()) runPod(t, 'default', p.metadata.name!);
    await t.settle();
    expect(get().status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
    const events = t.client.list(kinds.event, 'default');
    expect(events.map((e) => [e.reason, (e.source as { component: string }).component, (e.involvedObject as { kind: string }).kind])).toContainEqual([
      'SuccessfulCreate',
      'replication-controller',
      'ReplicationController',
    ]);
  });

  it('scales down and replaces deleted pods', async () => {
    setup();
    t.client.create(rcKind, rc(3));
    await t.settle();
    t.client.mergePatch(rcKind, 'default', 'web', { spec: { replicas: 1 } });
    await t.settle();
    expect(pods()).toHaveLength(1);
    t.client.delete(kinds.pod, 'default', pods()[0]!.metadata.name!);
    await t.settle();
    expect(pods()).toHaveLength(1);
  });

  it('deletes from its own event source and reports the deletions', async () => {
    setup();
    t.client.create(rcKind, rc(2));
    await t.settle();
    t.client.mergePatch(rcKind, 'default', 'web', { spec: { replicas: 1 } });
    await t.settle();
    const deletes = t.client.list(kinds.event, 'default').filter((e) => e.reason === 'SuccessfulDelete');
    const [remaining] = pods();
    expect(deletes.map((e) => [e.message, (e.source as { component: string }).component, (e.involvedObject as { kind: string }).kind])).toEqual([
      [`Deleted pod: ${remaining?.metadata.name === 'web-bbbbb' ? 'web-bbbbc' : 'web-bbbbb'}`, 'replication-controller', 'ReplicationController'],
    ]);
    expect(get().status).toEqual({ replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 2 });
  });

  it('counts available pods after minReadySeconds on the clock', async () => {
    setup();
    t.client.create(rcKind, rc(1, 10));
    await t.settle();
    runPod(t, 'default', pods()[0]!.metadata.name!);
    await t.settle();
    expect(get().status).toMatchObject({ replicas: 1, readyReplicas: 1 });
    expect(get().status?.availableReplicas).toBeUndefined();
    await t.advance(11_000);
    expect(get().status).toMatchObject({ replicas: 1, readyReplicas: 1, availableReplicas: 1 });
  });

  it('adopts matching orphans as a ReplicationController and releases pods that stop matching', async () => {
    setup();
    t.client.create(kinds.pod, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const owner = t.client.create(rcKind, rc(2));
    await t.settle();
    const stray = t.client.get<PodObject>(kinds.pod, 'default', 'stray')!;
    expect(stray.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'ReplicationController', name: 'web', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(pods()).toHaveLength(2);
    t.client.mergePatch(kinds.pod, 'default', 'stray', { metadata: { labels: { app: 'debug' } } });
    await t.settle();
    expect(t.client.get<PodObject>(kinds.pod, 'default', 'stray')!.metadata.ownerReferences).toBeUndefined();
    expect(pods()).toHaveLength(2);
  });
});

describe('replicationControllerKind', () => {
  const stored = (selector: Record<string, string> | undefined): ReplicationControllerObject => Object.freeze({ ...rc(1), spec: { ...rc(1).spec, ...(selector ? { selector } : {}) } });

  it('reads the label-map selector as matchLabels, keeping the RC itself for events and status', () => {
    const obj = stored({ app: 'web' });
    const view = replicationControllerKind.asReplicaSet(obj);
    expect(view.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect([view.apiVersion, view.kind, view.metadata]).toEqual([obj.apiVersion, obj.kind, obj.metadata]);
    // One view per stored object, so the compiled selector is cached across syncs.
    expect(replicationControllerKind.asReplicaSet(obj)).toBe(view);
  });

  it('selects nothing without a selector (nil in Go), not everything', () => {
    expect(replicationControllerKind.asReplicaSet(stored(undefined)).spec.selector).toBeUndefined();
    expect(replicationControllerKind.asReplicaSet(stored({})).spec.selector).toBeUndefined();
  });
});
