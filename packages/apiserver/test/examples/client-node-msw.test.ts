// README example: client-node in-process through msw handlers — no socket, same API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { createCluster } from '@minik/apiserver';
import { createHandlers } from '@minik/apiserver/msw';

const baseUrl = 'https://kube.test';
const cluster = createCluster();
const server = setupServer(...createHandlers(cluster, { baseUrl }));

function kubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'minik', server: baseUrl, skipTLSVerify: true }],
    users: [{ name: 'minik' }],
    contexts: [{ name: 'minik', cluster: 'minik', user: 'minik', namespace: 'default' }],
    currentContext: 'minik',
  });
  return kc;
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  server.close();
  cluster.stop();
});

describe('client-node in-process through msw', () => {
  it('creates, reads and lists with selectors', async () => {
    const core = kubeConfig().makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'via-msw', labels: { app: 'msw' } }, data: { a: '1' } } });
    const read = await core.readNamespacedConfigMap({ namespace: 'default', name: 'via-msw' });
    expect(read.data).toEqual({ a: '1' });
    const list = await core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'app=msw' });
    expect(list.items.map((i) => i.metadata?.name)).toEqual(['via-msw']);
  });

  it('reports 404 as an ApiException carrying the Status', async () => {
    const core = kubeConfig().makeApiClient(CoreV1Api);
    await expect(core.readNamespacedPod({ namespace: 'default', name: 'nope' })).rejects.toMatchObject({ code: 404 });
  });

  it('streams watch events', async () => {
    const kc = kubeConfig();
    const watch = new Watch(kc);
    const seen: string[] = [];
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const rv = cluster.store.revision;
    const req = await watch.watch('/api/v1/namespaces/default/configmaps', { resourceVersion: String(rv) }, (type, obj) => {
      seen.push(`${type} ${obj.metadata.name}`);
      if (seen.length === 2) done();
    }, () => {});
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'watched' } } });
    await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'watched' });
    await finished;
    req.abort();
    expect(seen).toEqual(['ADDED watched', 'DELETED watched']);
  });
});
