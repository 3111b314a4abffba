import type { KubeObject } from '@minik/types';
import { afterEach, describe, expect, it } from 'vitest';
import { DeploymentController } from '../deployment/deployment-controller.js';
import { ReplicaSetController } from '../replica-set/replica-set-controller.js';
import { kinds } from '../shared/kinds.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { GarbageCollector } from './garbage-collector.js';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
};

describe('garbage collector', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const setup = async (): Promise<TestCluster> => {
    t = testCluster();
    t.start(new DeploymentController(t.ctx), new ReplicaSetController(t.ctx), new GarbageCollector(t.ctx));
    t.client.create(kinds.deployment, deployment);
    await t.settle();
    return t;
  };
  const names = (kind: typeof kinds.pod | typeof kinds.replicaSet | typeof kinds.deployment): string[] => t.client.list(kind, 'default').map((o) => o.metadata.name!);

  it('Background: the owner goes at once, then its ReplicaSets and their pods', async () => {
    await setup();
    expect(names(kinds.replicaSet)).toHaveLength(1);
    expect(names(kinds.pod)).toHaveLength(2);
    const result = t.client.delete(kinds.deployment, 'default', 'web', { propagationPolicy: 'Background' });
    expect(result.deleted).toBe(true);
    await t.settle();
    expect(names(kinds.replicaSet)).toEqual([]);
    expect(names(kinds.pod)).toEqual([]);
  });

  it('Foreground: the owner waits with foregroundDeletion until blocking dependents are gone', async () => {
    await setup();
    // A bound pod terminates gracefully: the deployment must wait for it.
    const [first] = names(kinds.pod);
    runPod(t, 'default', first!);
    await t.settle();
    t.client.delete(kinds.deployment, 'default', 'web', { propagationPolicy: 'Foreground' });
    await t.settle();
    const d = t.client.get(kinds.deployment, 'default', 'web');
    expect(d?.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(d?.metadata.deletionTimestamp).toBeDefined();
    const rs = t.client.list(kinds.replicaSet, 'default');
    expect(rs.map((r) => r.metadata.finalizers)).toEqual([['foregroundDeletion']]);
    expect(names(kinds.pod)).toEqual([first]);
    // The kubelet finishes the pod: everything else follows.
    t.client.delete(kinds.pod, 'default', first!, { gracePeriodSeconds: 0 });
    await t.settle();
    expect(names(kinds.pod)).toEqual([]);
    expect(names(kinds.replicaSet)).toEqual([]);
    expect(names(kinds.deployment)).toEqual([]);
  });

  it('Orphan: dependents lose the owner reference and stay', async () => {
    await setup();
    const [rsName] = names(kinds.replicaSet);
    t.client.delete(kinds.replicaSet, 'default', rsName!, { propagationPolicy: 'Orphan' });
    // The deployment controller would make a new ReplicaSet for the orphaned pods; stop it first.
    t.client.delete(kinds.deployment, 'default', 'web', { propagationPolicy: 'Orphan' });
    await t.settle();
    expect(names(kinds.deployment)).toEqual([]);
    expect(names(kinds.replicaSet)).toEqual([]);
    const pods = t.client.list(kinds.pod, 'default');
    expect(pods).toHaveLength(2);
    expect(pods.map((p) => p.metadata.ownerReferences)).toEqual([undefined, undefined]);
  });

  it('deletes objects whose owner never existed, and drops only dangling references when another owner remains', async () => {
    t = testCluster();
    t.start(new GarbageCollector(t.ctx));
    const owner = t.client.create<KubeObject>(kinds.configMap, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
    const ghost = { apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: 'no-such-uid' };
    t.client.create(kinds.configMap, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'orphaned', namespace: 'default', ownerReferences: [ghost] } });
    t.client.create(kinds.configMap, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'shared', namespace: 'default', ownerReferences: [ghost, { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid! }] },
    });
    await t.settle();
    expect(t.client.get(kinds.configMap, 'default', 'orphaned')).toBeUndefined();
    expect(t.client.get(kinds.configMap, 'default', 'shared')?.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid }]);
  });
});
