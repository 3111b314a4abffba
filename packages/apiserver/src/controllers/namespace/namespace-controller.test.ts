import { afterEach, describe, expect, it } from 'vitest';
import { DeploymentController } from '../deployment/deployment-controller.js';
import { GarbageCollector } from '../garbage-collector/garbage-collector.js';
import { ReplicaSetController } from '../replica-set/replica-set-controller.js';
import { RootCAPublisher } from '../root-ca/root-ca-publisher.js';
import { ServiceAccountController } from '../service-account/service-account-controller.js';
import { kinds } from '../shared/kinds.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { NamespaceController } from './namespace-controller.js';

describe('namespace, service account and root CA controllers', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const setup = (): TestCluster => {
    t = testCluster();
    t.start(
      new NamespaceController(t.ctx),
      new ServiceAccountController(t.ctx),
      new RootCAPublisher(t.ctx, 'CA'),
      new DeploymentController(t.ctx),
      new ReplicaSetController(t.ctx),
      new GarbageCollector(t.ctx),
    );
    return t;
  };

  it('gives a new namespace its default ServiceAccount and kube-root-ca.crt, and restores them', async () => {
    setup();
    t.client.create(kinds.namespace, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    await t.settle();
    expect(t.client.get(kinds.serviceAccount, 'shop', 'default')?.metadata.name).toBe('default');
    const cm = t.client.get(kinds.configMap, 'shop', 'kube-root-ca.crt');
    expect(cm?.data).toEqual({ 'ca.crt': 'CA' });
    expect(cm?.metadata.annotations?.['kubernetes.io/description']).toContain('Contains a CA bundle');
    t.client.delete(kinds.serviceAccount, 'shop', 'default');
    t.client.mergePatch(kinds.configMap, 'shop', 'kube-root-ca.crt', { data: { 'ca.crt': 'tampered' } });
    await t.settle();
    expect(t.client.get(kinds.serviceAccount, 'shop', 'default')).toBeDefined();
    expect(t.client.get(kinds.configMap, 'shop', 'kube-root-ca.crt')?.data).toEqual({ 'ca.crt': 'CA' });
  });

  it('empties a terminating namespace, then removes it once graceful pods are gone', async () => {
    setup();
    t.client.create(kinds.namespace, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    await t.settle();
    t.client.create(kinds.deployment, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    await t.settle();
    const [pod] = t.client.list(kinds.pod, 'shop');
    runPod(t, 'shop', pod!.metadata.name!);
    await t.settle();
    t.client.delete(kinds.namespace, '', 'shop');
    await t.settle();
    const ns = t.client.get(kinds.namespace, '', 'shop');
    expect(ns?.status).toEqual({ phase: 'Terminating' });
    expect(t.client.list(kinds.deployment, 'shop')).toEqual([]);
    expect(t.client.list(kinds.serviceAccount, 'shop')).toEqual([]);
    // The bound pod is terminating, waiting for its kubelet.
    expect(t.client.list(kinds.pod, 'shop').map((p) => p.metadata.deletionTimestamp !== undefined)).toEqual([true]);
    t.client.delete(kinds.pod, 'shop', pod!.metadata.name!, { gracePeriodSeconds: 0 });
    await t.settle();
    expect(t.client.get(kinds.namespace, '', 'shop')).toBeUndefined();
  });
});
