import type { KubeObject } from '@minik/types';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreWatch } from '../../store/index.js';
import { cloneJson } from '../../util/clone-json.js';
import { kinds } from './kinds.js';
import { watchServicesAndPods } from './service-watch.js';
import { testCluster, type TestCluster } from './test-cluster.js';

const service = (name: string, selector?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { ports: [{ port: 80 }], ...(selector ? { selector } : {}) },
});

describe('watchServicesAndPods', () => {
  let t: TestCluster;
  const watches: StoreWatch[] = [];
  afterEach(() => {
    for (const w of watches.splice(0)) w.stop();
    t.stop();
  });

  it('queues existing Services, changed Services, and the Services a pod matches now or matched before', () => {
    t = testCluster();
    t.client.create(kinds.service, service('web', { app: 'web' }));
    const keys: string[] = [];
    watchServicesAndPods((kind, listener) => void watches.push(t.client.watch(kind, (event) => listener(event.stored.object, event))), t.client, { enqueue: (key) => keys.push(key) });
    // The cluster's own `kubernetes` Service is listed too.
    expect(keys.sort()).toEqual(['default/kubernetes', 'default/web']);

    keys.length = 0;
    t.client.create(kinds.service, service('db', { app: 'db' }));
    expect(keys).toEqual(['default/db']);

    keys.length = 0;
    const created = t.client.create(kinds.pod, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(keys).toEqual(['default/web']);

    keys.length = 0;
    const next = cloneJson(created) as KubeObject;
    next.metadata.labels = { app: 'db' };
    t.client.update(kinds.pod, next);
    expect(keys.sort()).toEqual(['default/db', 'default/web']);
  });
});
