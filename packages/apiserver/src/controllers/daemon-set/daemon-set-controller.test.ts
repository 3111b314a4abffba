import { afterEach, describe, expect, it } from 'vitest';
import { kinds } from '../shared/kinds.js';
import type { NodeObject, PodObject } from '../shared/object-types.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { DaemonSetController, type DaemonSetObject } from './daemon-set-controller.js';
import { targetNodeName } from './daemon-pod-placement.js';

const daemonSetKind = { apiVersion: 'apps/v1', kind: 'DaemonSet' } as const;
const daemonSet = (spec: Partial<DaemonSetObject['spec']> = {}): DaemonSetObject => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } },
    ...spec,
  },
});

describe('DaemonSet controller', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const setup = (nodes = 3): TestCluster => {
    t = testCluster({ nodes });
    t.start(new DaemonSetController(t.ctx));
    return t;
  };
  const pods = (): Readonly<PodObject>[] => t.client.list<PodObject>(kinds.pod, 'default', (p) => p.metadata.labels?.app === 'agent' && !p.metadata.deletionTimestamp);
  const ds = (): Readonly<DaemonSetObject> => t.client.get<DaemonSetObject>(daemonSetKind, 'default', 'agent')!;
  const runAll = (): void => {
    for (const p of pods()) runPod(t, 'default', p.metadata.name!, { node: targetNodeName(p as never)! });
  };

  it('creates one pod per node, pinned by node affinity, with the daemon tolerations, and reports status', async () => {
    setup();
    const created = t.client.create(daemonSetKind, daemonSet());
    await t.settle();
    const list = pods();
    expect(list.map((p) => targetNodeName(p as never)).sort()).toEqual(t.core.nodeNames.slice().sort());
    expect(list[0]!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: created.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(list[0]!.metadata.labels).toMatchObject({ app: 'agent', 'pod-template-generation': '1', 'controller-revision-hash': expect.any(String) });
    expect(list[0]!.spec.tolerations?.map((tol) => tol.key)).toEqual([
      'node.kubernetes.io/not-ready',
      'node.kubernetes.io/unreachable',
      'node.kubernetes.io/disk-pressure',
      'node.kubernetes.io/memory-pressure',
      'node.kubernetes.io/pid-pressure',
      'node.kubernetes.io/unschedulable',
    ]);
    expect(ds().status).toEqual({ currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 0, updatedNumberScheduled: 3, numberUnavailable: 3, observedGeneration: 1 });
    runAll();
    await t.settle();
    expect(ds().status).toEqual({ currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 1 });
  });

  it('skips nodes whose labels or taints rule the pod out, and follows nodes coming and going', async () => {
    setup();
    const [first, second] = t.core.nodeNames as [string, string];
    t.client.mergePatch(kinds.node, '', second, { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } });
    t.client.create(daemonSetKind, daemonSet());
    await t.settle();
    expect(pods().map((p) => targetNodeName(p as never))).not.toContain(second);
    expect(ds().status?.desiredNumberScheduled).toBe(2);
    // A cordoned node keeps its daemon pod: the unschedulable taint is tolerated.
    t.client.mergePatch(kinds.node, '', first, { spec: { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] } });
    await t.settle();
    expect(pods().map((p) => targetNodeName(p as never))).toContain(first);
    const node = structuredClone(t.client.get<NodeObject>(kinds.node, '', first)!);
    t.client.create(kinds.node, { ...node, metadata: { name: 'extra', labels: { 'kubernetes.io/hostname': 'extra' } } } as NodeObject);
    await t.settle();
    expect(pods().map((p) => targetNodeName(p as never))).toContain('extra');
    t.client.delete(kinds.node, '', 'extra');
    await t.settle();
    expect(pods().map((p) => targetNodeName(p as never))).not.toContain('extra');
  });

  it('replaces a failed daemon pod', async () => {
    setup(1);
    t.client.create(daemonSetKind, daemonSet());
    await t.settle();
    const [pod] = pods();
    const failed = runPod(t, 'default', pod!.metadata.name!);
    t.client.updateStatus(kinds.pod, { ...structuredClone(failed), status: { ...failed.status, phase: 'Failed' } } as PodObject);
    await t.settle();
    const names = t.client.list<PodObject>(kinds.pod, 'default').filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed').map((p) => p.metadata.name);
    expect(names).toHaveLength(1);
    expect(names[0]).not.toBe(pod!.metadata.name);
  });
});
