// README example: inject a 409 Conflict and check that code under test retries on conflict.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { useCluster } from '@minik/apiserver/vitest';

const cluster = useCluster();

/** The code under test: read-modify-write with client-go's RetryOnConflict pattern. */
async function incrementCounter(core: CoreV1Api, name: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const cm = await core.readNamespacedConfigMap({ namespace: 'default', name });
    const next = Number(cm.data?.count ?? '0') + 1;
    try {
      await core.replaceNamespacedConfigMap({ namespace: 'default', name, body: { ...cm, data: { count: String(next) } } });
      return attempt;
    } catch (error) {
      if ((error as { code?: number }).code !== 409 || attempt >= 4) throw error;
    }
  }
}

describe('fault injection', () => {
  it('answers one update with 409 Conflict; the retry succeeds', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfig);
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'counter' }, data: { count: '0' } } });

    const fault = cluster.faults.add({ verb: 'update', resource: 'configmaps', name: 'counter', status: 409, times: 1 });
    const retries = await incrementCounter(core, 'counter');

    expect(retries).toBe(1);
    expect(fault.hits).toBe(1);
    expect((await core.readNamespacedConfigMap({ namespace: 'default', name: 'counter' })).data).toEqual({ count: '1' });
    const updates = cluster.requests.filter((r) => r.verb === 'update' && r.name === 'counter');
    expect(updates.map((r) => r.status)).toEqual([409, 200]);
  });

  it('is also reachable over HTTP, for tests in any language', async () => {
    const added = await fetch(`${cluster.url}/minik/v1/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verb: 'list', resource: 'pods', status: 503, times: 1 }),
    });
    expect(added.status).toBe(201);
    const failed = await fetch(`${cluster.url}/api/v1/namespaces/default/pods`);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ kind: 'Status', reason: 'ServiceUnavailable', code: 503 });
    expect((await fetch(`${cluster.url}/api/v1/namespaces/default/pods`)).status).toBe(200);
  });
});
