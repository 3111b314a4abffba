import type { KubeObject } from '@minik/types';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse, CompleteResponse, StreamingResponse } from '../api/request.js';
import { InProcessClient } from '../client/in-process-client.js';
import { createClusterCore, type ClusterCore } from '../cluster/create-cluster.js';
import { sequentialIds } from '../kubelet/test-api.js';
import { ManualClock } from '../util/manual-clock.js';

const podRef = { apiVersion: 'v1', kind: 'Pod' };

let cores: ClusterCore[] = [];
afterEach(() => {
  for (const core of cores) core.stop();
  cores = [];
});

async function cluster(nodes = 1) {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  const core = createClusterCore({ clock, ids: sequentialIds(), nodes, controllers: false });
  cores.push(core);
  const client = new InProcessClient(core.context);
  const request = async (method: string, url: string, headers: Record<string, string> = {}): Promise<ApiResponse> => {
    const parsed = new URL(url, 'http://minik');
    const req: ApiRequest = {
      method,
      path: parsed.pathname,
      query: parsed.searchParams,
      header: (name) => headers[name],
      body: undefined,
      signal: new AbortController().signal,
    };
    return core.handle(req);
  };
  const get = async (url: string): Promise<CompleteResponse & { text: string; json: () => Record<string, unknown> }> => {
    const response = (await request('GET', url)) as CompleteResponse;
    const text = typeof response.body === 'string' ? response.body : new TextDecoder().decode(response.body);
    return { ...response, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const pod = async (name: string, spec: Record<string, unknown>): Promise<void> => {
    client.create<KubeObject>(podRef, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });
    await core.settle();
  };
  return { core, clock, client, request, get, pod };
}

describe('pods/proxy', () => {
  it('reaches the app on the first declared port, and on the port named in the id', async () => {
    const { get, pod } = await cluster();
    await pod('boot', { containers: [{ name: 'b', image: 'gcr.io/google-samples/kubernetes-bootcamp:v1', ports: [{ containerPort: 8080 }] }] });
    expect((await get('/api/v1/namespaces/default/pods/boot/proxy/')).text).toBe('Hello Kubernetes bootcamp! | Running on: boot | v=1\n');
    expect((await get('/api/v1/namespaces/default/pods/http:boot:8080/proxy/anything?x=1')).text).toBe('Hello Kubernetes bootcamp! | Running on: boot | v=1\n');
  });

  it('without a declared port dials 80; nothing listening is a 503 Status', async () => {
    const { get, pod } = await cluster();
    await pod('web', { containers: [{ name: 'n', image: 'nginx' }] });
    const page = await get('/api/v1/namespaces/default/pods/web/proxy/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html');
    expect(page.text).toContain('Welcome to nginx!');
    const refused = await get('/api/v1/namespaces/default/pods/web:8080/proxy/');
    expect(refused.status).toBe(503);
    expect(refused.json()).toMatchObject({ kind: 'Status', reason: 'ServiceUnavailable', message: 'error trying to reach service: dial tcp 10.244.0.2:8080: connect: connection refused', code: 503 });
  });

  it('redirects …/proxy to …/proxy/, and answers 400 for a pod without an IP', async () => {
    const { get, pod } = await cluster();
    await pod('web', { containers: [{ name: 'n', image: 'nginx' }] });
    const redirect = await get('/api/v1/namespaces/default/pods/web/proxy?a=b');
    expect(redirect.status).toBe(301);
    expect(redirect.headers['location']).toBe('/api/v1/namespaces/default/pods/web/proxy/?a=b');
    await pod('stuck', { nodeSelector: { nowhere: 'true' }, containers: [{ name: 'n', image: 'nginx' }] });
    const pending = await get('/api/v1/namespaces/default/pods/stuck/proxy/');
    expect(pending.status).toBe(400);
    expect(pending.json()).toMatchObject({ reason: 'BadRequest', message: 'address not allowed' });
    expect((await get('/api/v1/namespaces/default/pods/nope/proxy/')).json()).toMatchObject({ reason: 'NotFound', message: 'pods "nope" not found' });
    expect((await get('/api/v1/namespaces/default/pods/a:b:c:d/proxy/')).json()).toMatchObject({ reason: 'BadRequest', message: 'invalid pod request "a:b:c:d"' });
  });

  it('a pod on a stopped node cannot be reached', async () => {
    const { core, get, pod } = await cluster();
    await pod('web', { containers: [{ name: 'n', image: 'nginx' }] });
    core.nodes.stop('minik');
    expect((await get('/api/v1/namespaces/default/pods/web/proxy/')).json()).toMatchObject({
      code: 503,
      message: 'error trying to reach service: dial tcp 10.244.0.2:80: connect: no route to host',
    });
  });
});

describe('services/proxy', () => {
  it('goes through the Endpoints to a ready pod, by port name or number', async () => {
    const { client, get, pod } = await cluster();
    await pod('echo', { containers: [{ name: 'e', image: 'kicbase/echo-server:1.0' }] });
    client.create<KubeObject>({ apiVersion: 'v1', kind: 'Service' }, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'echo', namespace: 'default' }, spec: { selector: { app: 'echo' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } });
    expect((await get('/api/v1/namespaces/default/services/echo/proxy/')).json()).toMatchObject({ reason: 'NotFound', message: 'endpoints "echo" not found' });
    client.create<KubeObject>({ apiVersion: 'v1', kind: 'Endpoints' }, {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'echo', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '10.244.0.2', targetRef: { kind: 'Pod', namespace: 'default', name: 'echo' } }], ports: [{ name: 'http', port: 8080 }] }],
    });
    expect((await get('/api/v1/namespaces/default/services/echo:http/proxy/hi')).text).toMatch(/^Request served by echo\n\nHTTP\/1\.1 GET \/hi\n/);
    expect((await get('/api/v1/namespaces/default/services/echo:80/proxy/hi')).status).toBe(200);
    expect((await get('/api/v1/namespaces/default/services/echo:81/proxy/')).json()).toMatchObject({ code: 503, message: 'no service port 81 found for service "echo"' });
  });

  it('the kubernetes Service has no pod behind it: no endpoints, as upstream says', async () => {
    const { get } = await cluster();
    expect((await get('/api/v1/namespaces/default/services/https:kubernetes:443/proxy/healthz')).json()).toMatchObject({
      code: 503,
      message: 'no endpoints available for service "https:kubernetes:443"',
    });
  });
});

describe('nodes/proxy', () => {
  it("answers the kubelet's endpoints", async () => {
    const { get, pod } = await cluster();
    await pod('web', { containers: [{ name: 'n', image: 'nginx' }] });
    expect((await get('/api/v1/nodes/minik/proxy/healthz')).text).toBe('ok');
    const pods = (await get('/api/v1/nodes/minik/proxy/pods')).json() as { kind: string; items: { metadata: { name: string } }[] };
    expect(pods.kind).toBe('PodList');
    expect(pods.items.map((p) => p.metadata.name)).toEqual(['web']);
    expect((await get('/api/v1/nodes/minik/proxy/configz')).json()).toMatchObject({ kubeletconfig: { kind: 'KubeletConfiguration', maxPods: 110 } });
    expect((await get('/api/v1/nodes/minik/proxy/nope')).text).toBe('404 page not found\n');
    expect((await get('/api/v1/nodes/minik:8080/proxy/healthz')).json()).toMatchObject({ message: 'error trying to reach service: dial tcp 192.168.49.2:8080: connect: connection refused' });
  });
});

describe('pods/log', () => {
  it('serves what the container wrote, with tailLines, timestamps and limitBytes', async () => {
    const { clock, get, pod } = await cluster();
    await pod('job', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo one; sleep 1; echo two; sleep 1; echo three; sleep 5'] }] });
    clock.advance(2500);
    const all = await get('/api/v1/namespaces/default/pods/job/log');
    expect(all.headers['content-type']).toBe('text/plain');
    expect(all.text).toBe('one\ntwo\nthree\n');
    expect((await get('/api/v1/namespaces/default/pods/job/log?tailLines=1')).text).toBe('three\n');
    expect((await get('/api/v1/namespaces/default/pods/job/log?timestamps=true&tailLines=2')).text).toBe('2024-01-01T00:00:01Z two\n2024-01-01T00:00:02Z three\n');
    expect((await get('/api/v1/namespaces/default/pods/job/log?sinceSeconds=1')).text).toBe('three\n');
    expect((await get('/api/v1/namespaces/default/pods/job/log?limitBytes=6')).text).toBe('one\ntw');
  });

  it("refuses as the kubelet does: waiting containers, unknown containers, no previous container", async () => {
    const { get, pod } = await cluster();
    await pod('bad', { containers: [{ name: 'c', image: 'nginx:doesnotexist' }] });
    expect((await get('/api/v1/namespaces/default/pods/bad/log')).json()).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'container "c" in pod "bad" is waiting to start: trying and failing to pull image',
    });
    await pod('two', { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx' }] });
    expect((await get('/api/v1/namespaces/default/pods/two/log')).json()).toMatchObject({ message: 'a container name must be specified for pod two, choose one of: [a b]' });
    expect((await get('/api/v1/namespaces/default/pods/two/log?container=z')).json()).toMatchObject({ message: 'container z is not valid for pod two' });
    expect((await get('/api/v1/namespaces/default/pods/two/log?container=a&previous=true')).json()).toMatchObject({ message: 'previous terminated container "a" in pod "two" not found' });
    expect((await get('/api/v1/namespaces/default/pods/two/log?container=a&tailLines=-1')).json()).toMatchObject({
      code: 422,
      message: 'PodLogOptions "two" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0',
    });
  });

  it('previous=true reads the container before the last restart', async () => {
    const { clock, get, pod } = await cluster();
    await pod('crash', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo run; sleep 1; exit 1'] }] });
    clock.advance(1000);
    expect((await get('/api/v1/namespaces/default/pods/crash/log')).text).toBe('run\n');
    expect((await get('/api/v1/namespaces/default/pods/crash/log?previous=true')).text).toBe('run\n');
  });

  it('follow streams new lines and ends when the container stops', async () => {
    const { clock, client, request, pod } = await cluster();
    await pod('ticker', { terminationGracePeriodSeconds: 3, containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 1; done'] }] });
    const response = (await request('GET', '/api/v1/namespaces/default/pods/ticker/log?follow=true')) as StreamingResponse;
    let text = '';
    let ended = false;
    response.stream({ write: (chunk) => (text += chunk), end: () => (ended = true) });
    expect(text).toBe('tick\n');
    clock.advance(2000);
    expect(text).toBe('tick\ntick\ntick\n');
    client.delete(podRef, 'default', 'ticker');
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(3000);
    expect(ended).toBe(true);
  });
});
