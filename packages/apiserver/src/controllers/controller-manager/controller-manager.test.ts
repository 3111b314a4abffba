import { describe, expect, it } from 'vitest';
import { InProcessClient } from '../../client/in-process-client.js';
import { createClusterCore } from '../../cluster/create-cluster.js';
import { ManualClock } from '../../util/manual-clock.js';
import { kinds } from '../shared/kinds.js';
import { sequentialIds } from '../shared/test-cluster.js';
import { controllerNames, startControllers } from './controller-manager.js';

describe('controller manager', () => {
  const cluster = () => {
    const clock = new ManualClock('2024-01-01T00:00:00Z');
    const core = createClusterCore({ clock, ids: sequentialIds(), controllers: false, simulation: false });
    return { clock, core, client: new InProcessClient(core.context) };
  };

  it('runs every controller; settle() waits for the cascade of work; stop() ends it', async () => {
    const { clock, client } = cluster();
    const manager = startControllers(client, clock);
    expect(manager.controllers.map((c) => c.name)).toEqual([
      'serviceaccount-controller',
      'root-ca-certificate-publisher-controller',
      'namespace-controller',
      'garbage-collector-controller',
      'replicaset-controller',
      'replication-controller',
      'deployment-controller',
      'daemonset-controller',
      'statefulset-controller',
      'job-controller',
      'cronjob-controller',
      'ttl-after-finished-controller',
      'endpoint-controller',
      'endpointslice-controller',
      'node-lifecycle-controller',
      'taint-eviction-controller',
      'pod-garbage-collector',
    ]);
    expect(controllerNames).toHaveLength(17);
    client.create(kinds.namespace, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    client.create(kinds.deployment, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    await manager.settle();
    expect(client.get(kinds.serviceAccount, 'shop', 'default')).toBeDefined();
    expect(client.list(kinds.pod, 'shop')).toHaveLength(2);
    manager.stop();
    client.mergePatch(kinds.deployment, 'shop', 'web', { spec: { replicas: 3 } });
    await manager.settle();
    expect(client.list(kinds.pod, 'shop')).toHaveLength(2);
    expect(clock.pendingTimers).toBe(0);
  });

  it('takes upstream timing with realisticTiming, per Kubernetes version', () => {
    const { clock, client } = cluster();
    const realistic = startControllers(client, clock, { realisticTiming: true, kubernetesVersion: 'v1.31.2', disabled: [...controllerNames] });
    expect(realistic.timing).toMatchObject({ nodeMonitorGracePeriodMs: 40_000, evictionTimeScale: 1, podGCOrphanQuarantineMs: 40_000 });
    expect(startControllers(client, clock, { realisticTiming: true, disabled: [...controllerNames] }).timing.nodeMonitorGracePeriodMs).toBe(50_000);
    expect(startControllers(client, clock, { disabled: [...controllerNames] }).timing).toMatchObject({ nodeMonitorGracePeriodMs: 5_000, evictionTimeScale: 0.01 });
  });
});
