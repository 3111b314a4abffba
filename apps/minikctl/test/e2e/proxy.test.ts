import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '@minik/apiserver';
import { post } from '../support/fixtures.js';
import { Minikctl } from '../support/minikctl.js';

/** A raw GET with a chosen Host header (fetch does not allow setting it). */
function get(port: number, path: string, host: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `minikctl proxy --port 0` run in-process for `minikctl`'s server; resolves once it serves. */
async function startProxy(minikctl: Minikctl, flags: readonly string[], signal: AbortSignal): Promise<{ port: number; printed: string; running: Promise<unknown> }> {
  const { runCli } = await import('../../src/cli/run-cli.js');
  const { rootCommand } = await import('../../src/commands/command-list.js');
  let printed = '';
  let served: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (served = resolve));
  const running = runCli(rootCommand, {
    argv: ['-s', minikctl.server!, ...flags, '--cache-dir', minikctl.cacheDir, 'proxy', '--port', '0'],
    streams: { out: { write: (t) => void ((printed += t), printed.includes('\n') && served()) }, err: { write: () => undefined } },
    env: { KUBECONFIG: '/dev/null' },
    homeDir: minikctl.home,
    signal,
  });
  await Promise.race([started, running]);
  return { port: Number(/:(\d+)/.exec(printed)?.[1] ?? 0), printed, running };
}

describe('minikctl proxy', () => {
  let cluster: Cluster;
  let minikctl: Minikctl;
  const controller = new AbortController();
  let running: Promise<unknown>;
  let port = 0;

  beforeAll(async () => {
    cluster = await startCluster({ port: 0 });
    minikctl = new Minikctl(cluster.url);
    const proxy = await startProxy(minikctl, [], controller.signal);
    running = proxy.running;
    expect(proxy.printed).toMatch(/^Starting to serve on 127\.0\.0\.1:\d+\n$/);
    port = proxy.port;
  });
  afterAll(async () => {
    controller.abort();
    await running;
    minikctl.dispose();
    await cluster.stop();
  });

  it('forwards API requests for local hosts', async () => {
    const r = await get(port, '/api/v1/namespaces', `localhost:${port}`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).kind).toBe('NamespaceList');
    const bare = await get(port, '/version', 'localhost');
    expect(bare.status).toBe(200);
    const missing = await get(port, '/api/v1/namespaces/default/pods/nope', `127.0.0.1:${port}`);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).message).toBe('pods "nope" not found');
  });

  it("answers 403 Forbidden for other hosts and for exec/attach, as kubectl proxy's filter does", async () => {
    for (const [path, host] of [
      ['/api', `evil.example:${port}`],
      ['/api/v1/namespaces/default/pods/web/exec', `localhost:${port}`],
      ['/api/v1/namespaces/default/pods/web/attach', `localhost:${port}`],
    ] as const) {
      const r = await get(port, path, host);
      expect(r.status).toBe(403);
      expect(r.body).toBe('Forbidden\n');
      expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('streams watches as events happen, without buffering', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/namespaces/default/configmaps?watch=true&fieldSelector=metadata.name%3Dstreamed`);
    const reader = res.body!.getReader();
    await post(cluster.url, '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'streamed' } });
    let text = '';
    while (!text.includes('\n')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'streamed' } } });
    await reader.cancel();
  });
});

describe('minikctl proxy to an API server over TLS', () => {
  const certFile = fileURLToPath(new URL('../testdata/tls-server.crt', import.meta.url));
  const keyFile = fileURLToPath(new URL('../testdata/tls-server.key', import.meta.url));
  let server: HttpsServer;
  const upgraded = new Set<Socket>();
  let minikctl: Minikctl;
  const controller = new AbortController();
  let running: Promise<unknown>;
  let port = 0;

  beforeAll(async () => {
    // An API server that answers one request and echoes what an upgraded connection sends.
    server = createHttpsServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, (_req, res) => res.end('{}'));
    server.on('upgrade', (_req, socket: Socket) => {
      upgraded.add(socket);
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
      socket.pipe(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    minikctl = new Minikctl(url);
    ({ port, running } = await startProxy(minikctl, ['--certificate-authority', certFile], controller.signal));
  });
  afterAll(async () => {
    controller.abort();
    await running;
    minikctl.dispose();
    for (const socket of upgraded) socket.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('upgrades connections with the kubeconfig\'s TLS settings, as it forwards requests', async () => {
    const echoed = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/v1/namespaces/default/pods/web/proxy/', headers: { host: 'localhost', connection: 'Upgrade', upgrade: 'echo' } });
      req.on('upgrade', (res, socket: Socket) => {
        expect(res.statusCode).toBe(101);
        socket.once('data', (data: Buffer) => {
          resolve(data.toString());
          socket.destroy();
        });
        socket.write('ping');
      });
      req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
      req.on('error', reject);
      req.end();
    });
    expect(echoed).toBe('ping');
  });
});
