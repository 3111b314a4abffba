import type { KubeObject, Taint } from '@minik/types';
import { afterEach, describe, expect, it } from 'vitest';
import { kinds } from '../shared/kinds.js';
import type { NodeObject, PodObject } from '../shared/object-types.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { NodeLifecycleController } from './node-lifecycle-controller.js';
import { TaintEvictionController } from './taint-eviction-controller.js';

describe('node lifecycle and taint eviction', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const setup = (nodes: number): TestCluster => {
    t = testCluster({ nodes });
    t.start(new NodeLifecycleController(t.ctx), new TaintEvictionController(t.ctx));
    return t;
  };
  const microTime = (): string => new Date(t.clock.now()).toISOString().replace('Z', '000Z');
  /** What a kubelet's lease renewal does. */
  const beat = (names: readonly string[]): void => {
    for (const name of names) {
      const lease = t.client.get(kinds.lease, 'kube-node-lease', name);
      if (lease) t.client.update(kinds.lease, { ...structuredClone(lease), spec: { ...(lease.spec as object), renewTime: microTime() } } as KubeObject);
      else t.client.create(kinds.lease, { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-node-lease' }, spec: { holderIdentity: name, leaseDurationSeconds: 4, renewTime: microTime() } });
    }
  };
  /** Moves time second by second while the given nodes keep renewing their leases. */
  const run = async (seconds: number, healthy: readonly string[]): Promise<void> => {
    for (let i = 0; i < seconds; i++) {
      beat(healthy);
      await t.advance(1000);
    }
  };
  const node = (name: string): Readonly<NodeObject> => t.client.get<NodeObject>(kinds.node, '', name)!;
  const taints = (name: string): string[] => (node(name).spec?.taints ?? []).map((x: Taint) => `${x.key}:${x.effect}`);
  const boundPod = (name: string, nodeName: string, tolerations?: unknown[]): void => {
    t.client.create(kinds.pod, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }], tolerations } });
    runPod(t, 'default', name);
  };
  const deleting = (name: string): boolean => t.client.get(kinds.pod, 'default', name)?.metadata.deletionTimestamp !== undefined;

  it('marks a silent node Unknown, taints it, marks its pods not ready and evicts them after their tolerationSeconds', async () => {
    setup(3);
    boundPod('default-tolerations', 'minik-m03');
    boundPod('no-wait', 'minik-m03', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }]);
    boundPod('forever', 'minik-m03', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }]);
    boundPod('elsewhere', 'minik-m02');
    const healthy = ['minik', 'minik-m02'];
    await run(5, healthy);
    expect(node('minik-m03').status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    await run(1, healthy);
    const conditions = node('minik-m03').status?.conditions ?? [];
    expect(conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['MemoryPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
      ['DiskPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
      ['PIDPressure', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
      ['Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
    ]);
    expect(taints('minik-m03')).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    expect(taints('minik-m02')).toEqual([]);
    const ready = (name: string): string | undefined => t.client.get<PodObject>(kinds.pod, 'default', name)?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    expect(ready('default-tolerations')).toBe('False');
    expect(ready('elsewhere')).toBe('True');
    // One monitor period later the NoExecute taint follows (judged on the condition the kubelet posted).
    await run(1, healthy);
    expect(taints('minik-m03')).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(node('minik-m03').spec?.taints?.[1]?.timeAdded).toBe(new Date(t.clock.now()).toISOString().replace('.000Z', 'Z'));
    expect(deleting('no-wait')).toBe(true);
    expect(deleting('default-tolerations')).toBe(false);
    // 300 s of default toleration, scaled by 0.01.
    await run(2, healthy);
    expect(deleting('default-tolerations')).toBe(false);
    await run(1, healthy);
    expect(deleting('default-tolerations')).toBe(true);
    expect(deleting('forever')).toBe(false);
    expect(deleting('elsewhere')).toBe(false);
    const evicted = t.client.get<PodObject>(kinds.pod, 'default', 'default-tolerations')!;
    expect(evicted.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    const events = t.client.list(kinds.event, 'default').map((e) => `${(e.source as { component: string }).component} ${e.reason} ${e.message}`);
    expect(events).toContain('node-controller RegisteredNode Node minik-m03 event: Registered Node minik-m03 in Controller');
    expect(events).toContain('node-controller NodeNotReady Node minik-m03 status is now: NodeNotReady');
    expect(events).toContain('node-controller NodeNotReady Node is not ready');
    expect(events).toContain('taint-eviction-controller TaintManagerEviction Marking for deletion Pod default/default-tolerations');

    // The kubelet is back and posts Ready: every taint goes.
    const back = structuredClone(node('minik-m03')) as NodeObject;
    const now = new Date(t.clock.now()).toISOString().replace('.000Z', 'Z');
    back.status!.conditions = back.status!.conditions!.map((c) => ({ ...c, status: c.type === 'Ready' ? 'True' : 'False', lastHeartbeatTime: now, lastTransitionTime: now }));
    t.client.updateStatus(kinds.node, back);
    await run(2, [...healthy, 'minik-m03']);
    expect(taints('minik-m03')).toEqual([]);
  });

  it('does not evict anything when every node is down (full disruption)', async () => {
    setup(1);
    boundPod('web', 'minik');
    await t.advance(20_000);
    expect(node('minik').status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('Unknown');
    expect(taints('minik')).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    expect(deleting('web')).toBe(false);
  });

  it('cordon adds the unschedulable NoSchedule taint, uncordon removes it', async () => {
    setup(1);
    t.client.mergePatch(kinds.node, '', 'minik', { spec: { unschedulable: true } });
    await t.settle();
    expect(taints('minik')).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    t.client.mergePatch(kinds.node, '', 'minik', { spec: { unschedulable: null } });
    await t.settle();
    expect(taints('minik')).toEqual([]);
  });

  it('cancels a pending eviction when the taint goes away', async () => {
    setup(2);
    boundPod('web', 'minik-m02');
    t.client.mergePatch(kinds.node, '', 'minik-m02', { spec: { taints: [{ key: 'example.com/maintenance', effect: 'NoExecute' }] } });
    await t.settle();
    // Admission defaults do not tolerate a custom taint: evicted at once.
    expect(deleting('web')).toBe(true);
    boundPod('patient', 'minik-m02', [{ key: 'example.com/maintenance', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 1000 }]);
    await t.advance(5_000);
    t.client.mergePatch(kinds.node, '', 'minik-m02', { spec: { taints: null } });
    await t.advance(10_000);
    expect(deleting('patient')).toBe(false);
    const messages = t.client.list(kinds.event, 'default').map((e) => e.message);
    expect(messages).toContain('Cancelling deletion of Pod default/patient');
  });
});
