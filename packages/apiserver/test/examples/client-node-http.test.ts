// README example: testing code that uses @kubernetes/client-node against a real HTTP server.
import { AppsV1Api, CoreV1Api, KubeConfig, PatchStrategy, Watch, makeInformer, setHeaderOptions, type V1ConfigMap } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { useCluster } from '@minik/apiserver/vitest';

const cluster = useCluster({ seed: 1 });

function clients() {
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  return { kc, core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api) };
}

describe('client-node over HTTP', () => {
  it('creates, reads, updates and deletes', async () => {
    const { core } = clients();
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'settings' }, data: { mode: 'a' } } });
    const read = await core.readNamespacedConfigMap({ namespace: 'default', name: 'settings' });
    read.data = { mode: 'b' };
    const updated = await core.replaceNamespacedConfigMap({ namespace: 'default', name: 'settings', body: read });
    expect(updated.data).toEqual({ mode: 'b' });
    await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'settings' });
    await expect(core.readNamespacedConfigMap({ namespace: 'default', name: 'settings' })).rejects.toMatchObject({ code: 404 });
  });

  it('lists with label and field selectors', async () => {
    const { core } = clients();
    for (const [name, tier] of [['a', 'web'], ['b', 'db'], ['c', 'web']]) {
      await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: `sel-${name}`, labels: { tier: tier! } } } });
    }
    const web = await core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'tier=web' });
    expect(web.items.map((i) => i.metadata?.name)).toEqual(['sel-a', 'sel-c']);
    const one = await core.listNamespacedConfigMap({ namespace: 'default', fieldSelector: 'metadata.name=sel-b' });
    expect(one.items.map((i) => i.metadata?.name)).toEqual(['sel-b']);
  });

  it('gets 409 Conflict for a stale resourceVersion', async () => {
    const { core } = clients();
    const created = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'contended' }, data: { n: '0' } } });
    await core.replaceNamespacedConfigMap({ namespace: 'default', name: 'contended', body: { ...created, data: { n: '1' } } });
    await expect(core.replaceNamespacedConfigMap({ namespace: 'default', name: 'contended', body: { ...created, data: { n: '2' } } })).rejects.toMatchObject({
      code: 409,
    });
  });

  it('patches with merge, JSON and strategic merge patches and server-side apply', async () => {
    const { apps } = clients();
    const deployment = {
      metadata: { name: 'web' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
      },
    };
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment });
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    await apps.patchNamespacedDeployment({ namespace: 'default', name: 'web', body: { spec: { replicas: 2 } } }, merge);
    const json = setHeaderOptions('Content-Type', PatchStrategy.JsonPatch);
    await apps.patchNamespacedDeployment({ namespace: 'default', name: 'web', body: [{ op: 'add', path: '/metadata/labels', value: { team: 'a' } }] }, json);
    const strategic = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
    const patched = await apps.patchNamespacedDeployment(
      { namespace: 'default', name: 'web', body: { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } } },
      strategic,
    );
    expect(patched.spec?.replicas).toBe(2);
    expect(patched.metadata?.labels).toEqual({ team: 'a' });
    expect(patched.spec?.template.spec?.containers.map((c) => c.image)).toEqual(['nginx:1.26']);
    const apply = setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply);
    const applied = await apps.patchNamespacedDeployment(
      { namespace: 'default', name: 'web', fieldManager: 'my-operator', force: true, body: { apiVersion: 'apps/v1', kind: 'Deployment', ...deployment, spec: { ...deployment.spec, replicas: 3 } } },
      apply,
    );
    expect(applied.spec?.replicas).toBe(3);
    expect(applied.metadata?.managedFields?.map((m) => m.manager)).toContain('my-operator');
  });

  it('watches with client-node Watch and its informer', async () => {
    const { kc, core } = clients();
    const events: string[] = [];
    const seen = new Promise<void>((resolve) => {
      void new Watch(kc).watch(
        '/api/v1/namespaces/default/configmaps',
        { labelSelector: 'watch=me' },
        (type, obj: V1ConfigMap) => {
          events.push(`${type} ${obj.metadata?.name}`);
          if (type === 'DELETED') resolve();
        },
        () => {},
      );
    });
    const informer = makeInformer(kc, '/api/v1/namespaces/default/configmaps', () => core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'watch=me' }), 'watch=me');
    const informed = new Promise<string>((resolve) => informer.on('add', (obj) => resolve(obj.metadata!.name!)));
    await informer.start();
    await cluster.requests.waitFor((r) => r.verb === 'watch' && r.resource === 'configmaps');
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'watched', labels: { watch: 'me' } } } });
    await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'watched' });
    await seen;
    expect(await informed).toBe('watched');
    expect(events).toEqual(['ADDED watched', 'DELETED watched']);
    await informer.stop();
  });
});
