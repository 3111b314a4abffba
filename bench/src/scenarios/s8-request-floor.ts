import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCluster, type ApiHandler, type ApiRequest } from '@minik/apiserver';
import type { Report } from '../report.js';
import { httpRequest } from '../support/http.js';
import { runLoad, type LoadResult } from '../support/load-generator.js';
import { seedRunningPods } from '../support/pod-fixtures.js';

interface Recorded {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const postBody = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { generateName: 'load-', labels: { app: 'load' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] },
});

/**
 * S8: the request floor. GET of one pod and POST of pods over 64 keep-alive connections
 * (autocannon, in its own process), against minik's API server and against a raw `node:http`
 * server in the same process that answers with the bytes minik answered, alternated round by
 * round. minik runs its API server alone here (no controllers or simulated nodes behind it).
 */
export async function requestFloor(report: Report, options: { quick: boolean }): Promise<void> {
  const rounds = options.quick ? 1 : 3;
  const durationSeconds = options.quick ? 2 : 5;
  const cluster = await startCluster({ port: 0, controllers: false, simulation: false });
  const recorded: Record<'GET' | 'POST', Recorded | undefined> = { GET: undefined, POST: undefined };
  const raw = createServer((req, res) => {
    const answer = recorded[req.method === 'POST' ? 'POST' : 'GET']!;
    // Read the request body as minik does before answering.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // The same head and body minik sent (Node adds Date and Connection as it did for minik).
      res.writeHead(answer.status, { 'content-type': String(answer.headers['content-type']), 'content-length': String(answer.body.length) });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  const rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
  try {
    seedRunningPods(cluster.client, 'default', 1);
    const getPath = '/api/v1/namespaces/default/pods/web-00000';
    const postPath = '/api/v1/namespaces/default/pods';
    const json = { accept: 'application/json', 'content-type': 'application/json' };
    const get = await httpRequest(cluster.url + getPath, { headers: { accept: 'application/json' } });
    recorded.GET = get;
    const post = await httpRequest(cluster.url + postPath, { method: 'POST', headers: json, body: postBody });
    if (post.status !== 201) throw new Error(`S8: POST answered ${post.status}`);
    for (const answer of [get, post]) {
      // Same bytes means the same framing too: minik answers with Content-Length, not chunks.
      if (answer.headers['content-length'] !== String(answer.body.length) || answer.headers['transfer-encoding']) throw new Error('S8: minik answered without Content-Length');
    }
    recorded.POST = post;

    for (const method of ['GET', 'POST'] as const) {
      const path = method === 'GET' ? getPath : postPath;
      const load = (base: string): Promise<LoadResult> =>
        runLoad(base + path, { connections: 64, durationSeconds, method, headers: json, ...(method === 'POST' ? { body: postBody } : {}) });
      // Warm both up (JIT, connection setup) before the timed rounds.
      await runLoad(cluster.url + path, { connections: 64, durationSeconds: 1, method, headers: json, ...(method === 'POST' ? { body: postBody } : {}) });
      await load(rawUrl);
      const minik: LoadResult[] = [];
      const floor: LoadResult[] = [];
      for (let r = 0; r < rounds; r++) {
        minik.push(await load(cluster.url));
        floor.push(await load(rawUrl));
      }
      const failed = minik.reduce((n, x) => n + x.non2xx + x.errors, 0);
      const m = median(minik.map((x) => x.requestsPerSecond));
      const f = median(floor.map((x) => x.requestsPerSecond));
      const label = method === 'GET' ? 'GET one pod' : 'POST a pod';
      report.add({ scenario: 'S8', name: `${label}, minik (64 connections)`, value: m, unit: 'req/s', note: `p50 ${median(minik.map((x) => x.latencyP50))} ms, p99 ${median(minik.map((x) => x.latencyP99))} ms${failed > 0 ? `, ${failed} non-2xx/errors` : ''}` });
      report.add({ scenario: 'S8', name: `${label}, raw node:http, same bytes`, value: f, unit: 'req/s', note: `p50 ${median(floor.map((x) => x.latencyP50))} ms, p99 ${median(floor.map((x) => x.latencyP99))} ms` });
      report.add({ scenario: 'S8', name: `${label}: minik / raw floor`, value: (m / f) * 100, unit: '%', target: { op: '>=', value: 60 } });
      if (method === 'POST') {
        // What bounds the POST ratio: the create's own cost, with no HTTP at all. Even if parsing
        // and writing cost nothing, the event loop answers at most 1 / that many creates a second.
        const create = createCostMicros(cluster.handle, postPath, options.quick ? 1_000 : 5_000);
        report.add({ scenario: 'S8', name: 'POST a pod: the create alone (API handler, no HTTP)', value: create, unit: 'µs', note: 'median of 5 rounds, after the HTTP rounds (store holds their pods)' });
        report.add({ scenario: 'S8', name: 'POST a pod: ceiling with free HTTP / raw floor', value: (1e6 / create / f) * 100, unit: '%', note: `at most ${Math.round(1e6 / create)} creates/s on the event loop` });
      }
    }
  } finally {
    await cluster.stop();
    raw.closeAllConnections();
    await new Promise((r) => raw.close(r));
  }
}

/**
 * Median µs per pod create through the API handler itself, in rounds of `count`: wall time of
 * the event loop, so collector threads running beside it on the other core are not counted.
 */
function createCostMicros(handle: ApiHandler, path: string, count: number): number {
  const body = new TextEncoder().encode(postBody);
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json', 'user-agent': 'autocannon' };
  const signal = new AbortController().signal;
  const request = (): ApiRequest => ({ method: 'POST', path, query: new URLSearchParams(), header: (name) => headers[name], body, signal });
  const rounds: number[] = [];
  for (let round = 0; round < 6; round++) {
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const response = handle(request());
      if (response instanceof Promise || response.status !== 201 || !('body' in response) || response.body.length === 0) throw new Error('S8: a create through the API handler did not answer 201');
    }
    // The first round warms up the handler's code paths without the HTTP server in front.
    if (round > 0) rounds.push(((performance.now() - start) * 1000) / count);
  }
  return median(rounds);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
