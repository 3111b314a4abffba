// The API conformance suite: the same tests over both transports — HTTP (express on a socket) and
// in-process msw handlers — since both adapters must put requests through the same pipeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { createCluster, startCluster, type CreateClusterOptions } from '@minik/apiserver';
import { createHandlers } from '@minik/apiserver/msw';

interface OpenCluster {
  base: string;
  close(): Promise<void>;
}

interface Transport {
  name: string;
  open(options?: CreateClusterOptions): Promise<OpenCluster>;
}

// One msw server for the file; each in-process cluster adds handlers for its own base URL.
const msw = setupServer();
let mswClusters = 0;
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => msw.close());

const transports: Transport[] = [
  {
    name: 'HTTP',
    async open(options) {
      const cluster = await startCluster({ port: 0, ...options });
      return { base: cluster.url, close: () => cluster.stop() };
    },
  },
  {
    name: 'msw',
    async open(options) {
      const cluster = createCluster(options);
      const base = `https://cluster-${++mswClusters}.kube.test`;
      msw.use(...createHandlers(cluster, { baseUrl: base }));
      return {
        base,
        close: async () => {
          cluster.stop();
        },
      };
    },
  },
];

describe.each(transports)('API conformance over $name', (transport) => {
  let opened: OpenCluster;
  let base: string;
  beforeAll(async () => {
    opened = await transport.open();
    base = opened.base;
  });
  afterAll(() => opened.close());

  interface Reply {
    status: number;
    body: any;
    headers: Headers;
  }

  async function call(method: string, path: string, body?: unknown, contentType = 'application/json', accept = 'application/json'): Promise<Reply> {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': contentType, accept },
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  const configMap = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1' }, ...extra });

  describe('errors are Kubernetes Status objects', () => {
    it('404 for an unknown resource and path', async () => {
      const r = await call('GET', '/api/v1/namespaces/default/widgets');
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
      expect((await call('GET', '/nope')).body.reason).toBe('NotFound');
    });

    it('400 for malformed JSON and for a body of another kind, without storing anything', async () => {
      const bad = await call('POST', '/api/v1/namespaces/default/configmaps', '{"kind": "ConfigMap",');
      expect(bad.status).toBe(400);
      expect(bad.body.reason).toBe('BadRequest');
      expect(bad.body.message).toBe(
        'the object provided is unrecognized (must be of type ConfigMap): couldn\'t get version/kind; json parse error: unexpected end of JSON input ({"kind": "ConfigMap",)',
      );
      const wrongKind = await call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } });
      expect(wrongKind.status).toBe(400);
      expect(wrongKind.body.message).toContain('Secret in version "v1" cannot be handled as a ConfigMap');
      const wrongVersion = await call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'x' } });
      expect(wrongVersion.body.message).toBe('the API version in the data (apps/v1) does not match the expected API version (v1)');
      expect((await call('GET', '/api/v1/namespaces/default/configmaps/x')).status).toBe(404);
    });

    it("400s for malformed bodies carry encoding/json's words, never the JavaScript parser's", async () => {
      const unrecognized = (why: string, summary: string) => `the object provided is unrecognized (must be of type ConfigMap): couldn't get version/kind; json parse error: ${why} (${summary})`;
      const create = async (body: string) => (await call('POST', '/api/v1/namespaces/default/configmaps', body)).body.message;
      expect(await create('{"metadata":{"name":"x"},"data":{"k":"v",}}')).toBe(
        unrecognized(`invalid character '}' looking for beginning of object key string`, '{"metadata":{"name":"x"},"data ...'),
      );
      expect(await create('')).toBe(unrecognized('unexpected end of JSON input', '<empty>'));
      expect(await create('[1]')).toBe(
        unrecognized('json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }', '5b315d'),
      );
      expect(await create('{"kind":7}')).toBe(unrecognized('json: cannot unmarshal number into Go struct field .kind of type string', '{"kind":7}'));
      expect(await create('null')).toBe('ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required');
      expect((await call('POST', '/api/v1/namespaces/default/configmaps', 'kind: [', 'application/yaml')).body.message).toMatch(
        /^the object provided is unrecognized \(must be of type ConfigMap\): error converting YAML to JSON: yaml: line 1: .* \(6b696e643a205b\)$/,
      );
      expect((await call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'decoded' } })).status).toBe(201);
      const patch = async (body: string, type: string) => (await call('PATCH', '/api/v1/namespaces/default/configmaps/decoded', body, type)).body;
      expect(await patch('{"data":{"k":tru}}', 'application/merge-patch+json')).toMatchObject({
        code: 400,
        message: "error decoding patch: invalid character '}' in literal true (expecting 'e')",
      });
      expect((await patch('{"data" 1}', 'application/strategic-merge-patch+json')).message).toBe("invalid character '1' after object key");
      expect((await patch('[{"op":"add",]', 'application/json-patch+json')).message).toBe(`error decoding patch: invalid character ']' looking for beginning of object key string`);
      const del = await call('DELETE', '/api/v1/namespaces/default/configmaps/decoded', '{"propagationPolicy":');
      expect(del.body.message).toBe('the body of the request was in an unknown format: unexpected end of JSON input');
      expect((await call('GET', '/api/v1/namespaces/default/configmaps/decoded')).status).toBe(200);
    });

    it('415 for an unsupported body media type, 413 over 3 MiB', async () => {
      const r = await call('POST', '/api/v1/namespaces/default/configmaps', 'name: x', 'text/plain');
      expect(r.status).toBe(415);
      expect(r.body.reason).toBe('UnsupportedMediaType');
      const huge = JSON.stringify(configMap('huge', { data: { big: 'x'.repeat(3 * 1024 * 1024 + 10) } }));
      const tooLarge = await call('POST', '/api/v1/namespaces/default/configmaps', huge);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.reason).toBe('RequestEntityTooLarge');
      expect((await call('GET', '/api/v1/namespaces/default/configmaps/huge')).status).toBe(404);
    });

    it('422 when neither name nor generateName is given; 400 on a namespace mismatch', async () => {
      const r = await call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} });
      expect(r.status).toBe(422);
      expect(r.body.reason).toBe('Invalid');
      expect(r.body.message).toBe('ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required');
      expect(r.body.details.causes).toEqual([{ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' }]);
      const mismatch = await call('POST', '/api/v1/namespaces/default/configmaps', configMap('m', { metadata: { name: 'm', namespace: 'kube-system' } }));
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.message).toBe('the namespace of the provided object does not match the namespace sent on the request');
    });

    it('404 for content in a namespace that does not exist', async () => {
      const r = await call('POST', '/api/v1/namespaces/ghost/configmaps', configMap('c'));
      expect(r.status).toBe(404);
      expect(r.body.message).toBe('namespaces "ghost" not found');
    });

    it('405 for a verb the resource does not serve', async () => {
      const r = await call('DELETE', '/api/v1/namespaces');
      expect(r.status).toBe(405);
      expect(r.body.reason).toBe('MethodNotAllowed');
    });
  });

  describe('writes', () => {
    it('creates with server-set metadata, generateName and dry run', async () => {
      const created = await call('POST', '/api/v1/namespaces/default/configmaps', configMap('made'));
      expect(created.status).toBe(201);
      expect(created.body.metadata).toMatchObject({ name: 'made', namespace: 'default' });
      expect(created.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.body.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const generated = await call('POST', '/api/v1/namespaces/default/configmaps', { kind: 'ConfigMap', apiVersion: 'v1', metadata: { generateName: 'gen-' } });
      expect(generated.body.metadata.name).toMatch(/^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      const dry = await call('POST', '/api/v1/namespaces/default/configmaps?dryRun=All', configMap('dry'));
      expect(dry.status).toBe(201);
      expect((await call('GET', '/api/v1/namespaces/default/configmaps/dry')).status).toBe(404);
      const badDry = await call('POST', '/api/v1/namespaces/default/configmaps?dryRun=Some', configMap('dry'));
      expect(badDry.status).toBe(400);
    });

    it('PUT without resourceVersion is unconditional, with a stale one 409; a no-op keeps the revision', async () => {
      const first = await call('POST', '/api/v1/namespaces/default/configmaps', configMap('put'));
      const rv = first.body.metadata.resourceVersion;
      const same = await call('PUT', '/api/v1/namespaces/default/configmaps/put', configMap('put'));
      expect(same.status).toBe(200);
      expect(same.body.metadata.resourceVersion).toBe(rv);
      const changed = await call('PUT', '/api/v1/namespaces/default/configmaps/put', configMap('put', { data: { a: '2' } }));
      expect(changed.body.metadata.resourceVersion).not.toBe(rv);
      expect(changed.body.metadata.uid).toBe(first.body.metadata.uid);
      const stale = await call('PUT', '/api/v1/namespaces/default/configmaps/put', configMap('put', { metadata: { name: 'put', resourceVersion: rv }, data: { a: '3' } }));
      expect(stale.status).toBe(409);
      expect(stale.body.reason).toBe('Conflict');
      const renamed = await call('PUT', '/api/v1/namespaces/default/configmaps/put', configMap('other'));
      expect(renamed.status).toBe(400);
      expect((await call('GET', '/api/v1/namespaces/default/configmaps/put')).body.data).toEqual({ a: '2' });
    });

    it('merge patch and JSON patch, with 409 on a stale resourceVersion in the patch', async () => {
      await call('POST', '/api/v1/namespaces/default/configmaps', configMap('patched'));
      const merged = await call('PATCH', '/api/v1/namespaces/default/configmaps/patched', { data: { b: '2', a: null } }, 'application/merge-patch+json');
      expect(merged.body.data).toEqual({ b: '2' });
      const jsonPatched = await call('PATCH', '/api/v1/namespaces/default/configmaps/patched', [{ op: 'add', path: '/data/c', value: '3' }], 'application/json-patch+json');
      expect(jsonPatched.body.data).toEqual({ b: '2', c: '3' });
      const failedTest = await call('PATCH', '/api/v1/namespaces/default/configmaps/patched', [{ op: 'test', path: '/data/b', value: 'nope' }], 'application/json-patch+json');
      expect(failedTest.status).toBe(422);
      const stale = await call('PATCH', '/api/v1/namespaces/default/configmaps/patched', { metadata: { resourceVersion: '1' }, data: { d: '4' } }, 'application/merge-patch+json');
      expect(stale.status).toBe(409);
      expect((await call('PATCH', '/api/v1/namespaces/default/configmaps/missing', { data: {} }, 'application/merge-patch+json')).status).toBe(404);
    });

    it('status writes go through /status only and generation bumps on spec changes', async () => {
      const deploy = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'gen' },
        spec: { replicas: 1, selector: { matchLabels: { app: 'gen' } }, template: { metadata: { labels: { app: 'gen' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
        status: { replicas: 99 },
      };
      const created = await call('POST', '/apis/apps/v1/namespaces/default/deployments', deploy);
      expect(created.body.metadata.generation).toBe(1);
      // The client's status is dropped on create (the deployment controller writes its own later).
      expect(created.body.status?.replicas).toBeUndefined();
      const before = (await call('GET', '/apis/apps/v1/namespaces/default/deployments/gen')).body.status;
      const viaMain = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/gen', { status: { replicas: 5 } }, 'application/merge-patch+json');
      expect(viaMain.body.status?.replicas).toBe(before?.replicas);
      expect(viaMain.body.metadata.generation).toBe(1);
      const viaStatus = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/gen/status', { status: { replicas: 5 }, spec: { replicas: 7 } }, 'application/merge-patch+json');
      expect(viaStatus.body.status.replicas).toBe(5);
      expect(viaStatus.body.spec.replicas).toBe(1);
      const scaled = await call('PATCH', '/apis/apps/v1/namespaces/default/deployments/gen/scale', { spec: { replicas: 3 } }, 'application/merge-patch+json');
      expect(scaled.body).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 3 }, status: { selector: 'app=gen' } });
      expect((await call('GET', '/apis/apps/v1/namespaces/default/deployments/gen')).body.metadata.generation).toBe(2);
    });

    it('deletes with a Success Status (or the object for pods) and honours preconditions', async () => {
      const cm = await call('POST', '/api/v1/namespaces/default/configmaps', configMap('gone'));
      const stale = await call('DELETE', '/api/v1/namespaces/default/configmaps/gone', { preconditions: { uid: 'not-it' } });
      expect(stale.status).toBe(409);
      const r = await call('DELETE', '/api/v1/namespaces/default/configmaps/gone', { propagationPolicy: 'Background' });
      expect(r.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: 'gone', kind: 'configmaps', uid: cm.body.metadata.uid } });
      const bad = await call('DELETE', '/api/v1/namespaces/default/configmaps/x', { propagationPolicy: 'Sometimes' });
      expect(bad.status).toBe(422);
      expect(bad.body.message).toContain('propagationPolicy: Unsupported value: "Sometimes"');
    });

    it('keeps an object with finalizers until they are removed', async () => {
      await call('POST', '/api/v1/namespaces/default/configmaps', configMap('held', { metadata: { name: 'held', finalizers: ['example.com/hold'] } }));
      const r = await call('DELETE', '/api/v1/namespaces/default/configmaps/held');
      expect(r.status).toBe(200);
      expect(r.body.metadata.deletionTimestamp).toBeDefined();
      expect((await call('GET', '/api/v1/namespaces/default/configmaps/held')).status).toBe(200);
      await call('PATCH', '/api/v1/namespaces/default/configmaps/held', { metadata: { finalizers: null } }, 'application/merge-patch+json');
      expect((await call('GET', '/api/v1/namespaces/default/configmaps/held')).status).toBe(404);
    });

    it('deletecollection removes what the selector matches', async () => {
      for (const n of ['dc-1', 'dc-2', 'dc-3']) await call('POST', '/api/v1/namespaces/default/configmaps', configMap(n, { metadata: { name: n, labels: { batch: n === 'dc-3' ? 'keep' : 'drop' } } }));
      const r = await call('DELETE', '/api/v1/namespaces/default/configmaps?labelSelector=batch%3Ddrop');
      expect(r.body.kind).toBe('ConfigMapList');
      expect(r.body.items.map((i: any) => i.metadata.name)).toEqual(['dc-1', 'dc-2']);
      const left = await call('GET', '/api/v1/namespaces/default/configmaps?labelSelector=batch');
      expect(left.body.items.map((i: any) => i.metadata.name)).toEqual(['dc-3']);
    });
  });

  describe('lists', () => {
    it('pages with limit and continue, with remainingItemCount', async () => {
      for (const n of ['p-1', 'p-2', 'p-3', 'p-4', 'p-5']) await call('POST', '/api/v1/namespaces/kube-public/configmaps', configMap(n));
      const names: string[] = [];
      let page = await call('GET', '/api/v1/namespaces/kube-public/configmaps?limit=2');
      expect(page.body.metadata.remainingItemCount).toBe(4);
      names.push(...page.body.items.map((i: any) => i.metadata.name));
      while (page.body.metadata.continue) {
        page = await call('GET', `/api/v1/namespaces/kube-public/configmaps?limit=2&continue=${page.body.metadata.continue}`);
        names.push(...page.body.items.map((i: any) => i.metadata.name));
      }
      expect(names).toEqual(['kube-root-ca.crt', 'p-1', 'p-2', 'p-3', 'p-4', 'p-5']);
      expect((await call('GET', '/api/v1/namespaces/kube-public/configmaps?continue=garbage')).status).toBe(400);
    });

    it('answers Tables with every includeObject variant and metadata-only lists', async () => {
      const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
      const t = await call('GET', '/api/v1/namespaces?includeObject=None', undefined, undefined, tableAccept);
      expect(t.body.kind).toBe('Table');
      expect(t.body.columnDefinitions.map((c: any) => c.name)).toEqual(['Name', 'Status', 'Age']);
      expect(t.body.rows[0].object).toBeUndefined();
      const withObject = await call('GET', '/api/v1/namespaces?includeObject=Object', undefined, undefined, tableAccept);
      expect(withObject.body.rows[0].object.kind).toBe('Namespace');
      const meta = await call('GET', '/api/v1/namespaces', undefined, undefined, tableAccept);
      expect(meta.body.rows[0].object.kind).toBe('PartialObjectMetadata');
      expect((await call('GET', '/api/v1/namespaces?includeObject=Some', undefined, undefined, tableAccept)).status).toBe(400);
      const partial = await call('GET', '/api/v1/namespaces', undefined, undefined, 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io');
      expect(partial.body.kind).toBe('PartialObjectMetadataList');
      expect(partial.body.items[0].metadata.name).toBe('default');
      expect((await call('GET', '/api/v1/namespaces', undefined, undefined, 'application/vnd.kubernetes.protobuf;as=Table')).status).toBe(406);
    });

    it('honours resourceVersion semantics', async () => {
      const list = await call('GET', '/api/v1/namespaces');
      const rv = Number(list.body.metadata.resourceVersion);
      expect((await call('GET', `/api/v1/namespaces?resourceVersion=${rv}&resourceVersionMatch=NotOlderThan`)).status).toBe(200);
      expect((await call('GET', `/api/v1/namespaces?resourceVersion=${rv + 1000}`)).status).toBe(504);
      expect((await call('GET', '/api/v1/namespaces?resourceVersionMatch=Exact')).status).toBe(400);
    });
  });

  describe('watch over HTTP', () => {
    async function readEvents(path: string, count: number, act?: () => Promise<void>): Promise<any[]> {
      const controller = new AbortController();
      const res = await fetch(base + path, { signal: controller.signal });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const events: any[] = [];
      let buffer = '';
      const decoder = new TextDecoder();
      const acting = act?.();
      while (events.length < count) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).trim();
          // Blank lines are whitespace to a JSON stream decoder (the msw adapter opens with one).
          if (line !== '') events.push(JSON.parse(line));
          buffer = buffer.slice(nl + 1);
        }
      }
      await acting;
      controller.abort();
      return events;
    }

    it('resumes after a resourceVersion, filters by selector and reports selector moves', async () => {
      const start = (await call('GET', '/api/v1/namespaces/default/configmaps')).body.metadata.resourceVersion;
      await call('POST', '/api/v1/namespaces/default/configmaps', configMap('w-1', { metadata: { name: 'w-1', labels: { watch: 'me' } } }));
      const events = await readEvents(`/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${start}&labelSelector=watch%3Dme`, 3, async () => {
        await call('PATCH', '/api/v1/namespaces/default/configmaps/w-1', { data: { a: 'x' } }, 'application/merge-patch+json');
        await call('PATCH', '/api/v1/namespaces/default/configmaps/w-1', { metadata: { labels: { watch: 'not' } } }, 'application/merge-patch+json');
      });
      expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED w-1', 'MODIFIED w-1', 'DELETED w-1']);
    });

    it('starts with the current state when no resourceVersion is given', async () => {
      const events = await readEvents('/api/v1/namespaces?watch=true', 4);
      expect(events.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED', 'ADDED']);
    });

    it('answers 410 Expired for a resourceVersion older than the history', async () => {
      const small = await transport.open({ watchHistorySize: 2 });
      try {
        const res = await fetch(`${small.base}/api/v1/namespaces?watch=true&resourceVersion=1`);
        expect(res.status).toBe(410);
        const status = (await res.json()) as any;
        expect(status.reason).toBe('Expired');
        expect(status.message).toMatch(/^too old resource version: 1 \(\d+\)$/);
      } finally {
        await small.close();
      }
    });
  });

  describe('discovery and health', () => {
    it('serves /version, health checks and group documents', async () => {
      expect((await call('GET', '/version')).body).toMatchObject({ major: '1', minor: '33', gitVersion: 'v1.33.1' });
      const ready = await fetch(`${base}/readyz?verbose`);
      expect(await ready.text()).toContain('readyz check passed');
      expect((await call('GET', '/apis/apps')).body).toMatchObject({ kind: 'APIGroup', name: 'apps' });
      const aggregated = await call('GET', '/apis', undefined, undefined, 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json');
      expect(aggregated.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    });
  });
});
