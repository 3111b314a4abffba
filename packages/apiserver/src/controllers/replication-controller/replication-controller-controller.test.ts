import { afterEach, describe, expect, it } from 'vitest';
import { kinds } from '../shared/kinds.js';
import type { PodObject } from '../shared/object-types.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { ReplicationControllerController, type ReplicationControllerObject } from './replication-controller-controller.js';

const rcKind = { apiVersion: 'v1', kind: 'ReplicationController' } as const;
const rc = (replicas: number): ReplicationControllerObject => ({
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
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
});
