import { afterEach, describe, expect, it } from 'vitest';
import { kinds } from '../shared/kinds.js';
import type { PodObject } from '../shared/object-types.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { StatefulSetController, type StatefulSetObject } from './stateful-set-controller.js';

const statefulSetKind = { apiVersion: 'apps/v1', kind: 'StatefulSet' } as const;
const statefulSet = (replicas: number, spec: Partial<StatefulSetObject['spec']> = {}): StatefulSetObject => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', namespace: 'default' },
  spec: {
    replicas,
    serviceName: 'db',
    selector: { matchLabels: { app: 'db' } },
    template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    ...spec,
  },
});

describe('StatefulSet controller', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const setup = (): TestCluster => {
    t = testCluster();
    t.start(new StatefulSetController(t.ctx));
    return t;
  };
  const live = (): string[] =>
    t.client
      .list<PodObject>(kinds.pod, 'default', (p) => p.metadata.labels?.app === 'db' && !p.metadata.deletionTimestamp)
      .map((p) => p.metadata.name!)
      .sort();
  const sts = (): Readonly<StatefulSetObject> => t.client.get<StatefulSetObject>(statefulSetKind, 'default', 'db')!;

  it('creates pods in ordinal order, each waiting for the previous one to be Running and Ready', async () => {
    setup();
    t.client.create(statefulSetKind, statefulSet(3));
    await t.settle();
    expect(live()).toEqual(['db-0']);
    const pod = t.client.get<PodObject>(kinds.pod, 'default', 'db-0')!;
    expect(pod.metadata.labels).toMatchObject({ app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-0', 'apps.kubernetes.io/pod-index': '0', 'controller-revision-hash': expect.stringMatching(/^db-/) });
    expect(pod.spec).toMatchObject({ hostname: 'db-0', subdomain: 'db' });
    runPod(t, 'default', 'db-0', { ready: false });
    await t.settle();
    expect(live()).toEqual(['db-0']);
    runPod(t, 'default', 'db-0');
    await t.settle();
    expect(live()).toEqual(['db-0', 'db-1']);
    runPod(t, 'default', 'db-1');
    await t.settle();
    runPod(t, 'default', 'db-2');
    await t.settle();
    expect(live()).toEqual(['db-0', 'db-1', 'db-2']);
    expect(sts().status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    const events = t.client.list(kinds.event, 'default').map((e) => e.message);
    expect(events).toEqual(['create Pod db-0 in StatefulSet db successful', 'create Pod db-1 in StatefulSet db successful', 'create Pod db-2 in StatefulSet db successful']);
  });

  it('scales down from the highest ordinal, one at a time under OrderedReady', async () => {
    setup();
    t.client.create(statefulSetKind, statefulSet(3, { podManagementPolicy: 'Parallel' }));
    await t.settle();
    expect(live()).toEqual(['db-0', 'db-1', 'db-2']);
    for (const name of live()) runPod(t, 'default', name);
    await t.settle();
    t.client.mergePatch(statefulSetKind, 'default', 'db', { spec: { replicas: 1 } });
    await t.settle();
    // Parallel deletes every condemned pod at once (bound pods stay Terminating without a kubelet).
    expect(live()).toEqual(['db-0']);
  });

  it('under OrderedReady waits for a condemned pod to go before deleting the next', async () => {
    setup();
    t.client.create(statefulSetKind, statefulSet(3));
    for (const name of ['db-0', 'db-1', 'db-2']) {
      await t.settle();
      runPod(t, 'default', name);
    }
    await t.settle();
    t.client.mergePatch(statefulSetKind, 'default', 'db', { spec: { replicas: 1 } });
    await t.settle();
    expect(live()).toEqual(['db-0', 'db-1']);
  });

  it('recreates a failed pod under the same name', async () => {
    setup();
    t.client.create(statefulSetKind, statefulSet(1));
    await t.settle();
    const pod = runPod(t, 'default', 'db-0');
    t.client.updateStatus(kinds.pod, { ...structuredClone(pod), status: { ...pod.status, phase: 'Failed' } } as PodObject);
    await t.settle();
    // A finished pod is deleted at once (no grace period) and created again under its name.
    expect(t.client.list(kinds.event, 'default').map((e) => e.reason)).toContain('RecreatingFailedPod');
    const again = t.client.get<PodObject>(kinds.pod, 'default', 'db-0')!;
    expect(again.metadata.uid).not.toBe(pod.metadata.uid);
    expect(again.metadata.deletionTimestamp).toBeUndefined();
  });
});
