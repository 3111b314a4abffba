import { describe, expect, it } from 'vitest';
import { createClusterCore } from '../../cluster/create-cluster.js';
import { ManualClock } from '../../util/manual-clock.js';
import type { ApiRequest, CompleteResponse, StreamingResponse } from '../request.js';

function request(path: string, query: string, accept = 'application/json'): ApiRequest {
  return { method: 'GET', path, query: new URLSearchParams(query), header: (n) => (n === 'accept' ? accept : undefined), body: undefined, signal: new AbortController().signal };
}

async function open(core: ReturnType<typeof createClusterCore>, path: string, query: string, accept?: string) {
  const response = (await core.handle(request(path, query, accept))) as StreamingResponse;
  expect(response.status).toBe(200);
  const lines: any[] = [];
  let ended = false;
  const close = response.stream({ write: (c) => lines.push(JSON.parse(c)), end: () => (ended = true) });
  return { lines, close, ended: () => ended };
}

describe('watch streams', () => {
  it('sends bookmarks on the clock and ends after timeoutSeconds', async () => {
    const clock = new ManualClock();
    const core = createClusterCore({ clock });
    const rv = core.store.revision;
    const watch = await open(core, '/api/v1/namespaces', `watch=true&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=150`);
    clock.advance(60_000);
    expect(watch.lines).toEqual([{ type: 'BOOKMARK', object: { kind: 'Namespace', apiVersion: 'v1', metadata: { resourceVersion: String(rv) } } }]);
    expect(watch.ended()).toBe(false);
    clock.advance(90_000);
    expect(watch.lines).toHaveLength(2);
    expect(watch.ended()).toBe(true);
  });

  it('marks the end of initial events with sendInitialEvents', async () => {
    const core = createClusterCore({ clock: new ManualClock() });
    const watch = await open(core, '/api/v1/namespaces', 'watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true');
    expect(watch.lines.slice(0, 4).map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED', 'ADDED']);
    expect(watch.lines[4]).toMatchObject({ type: 'BOOKMARK', object: { metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } } });
    watch.close();
  });

  it('sends one-row Tables with the column definitions in the first event only', async () => {
    const core = createClusterCore({ clock: new ManualClock() });
    const watch = await open(core, '/api/v1/namespaces', 'watch=true', 'application/json;as=Table;v=v1;g=meta.k8s.io');
    expect(watch.lines[0].object.kind).toBe('Table');
    expect(watch.lines[0].object.columnDefinitions.map((c: any) => c.name)).toEqual(['Name', 'Status', 'Age']);
    expect(watch.lines[0].object.rows[0].cells[0]).toBe('default');
    expect(watch.lines[1].object.columnDefinitions).toBeNull();
    watch.close();
  });

  it('stops delivering once closed, and a stalled watcher does not hold up the others', async () => {
    const core = createClusterCore({ clock: new ManualClock() });
    const rv = core.store.revision;
    const fast = await open(core, '/api/v1/namespaces/default/configmaps', `watch=true&resourceVersion=${rv}`);
    const stalled = await core.handle(request('/api/v1/namespaces/default/configmaps', `watch=true&resourceVersion=${rv}`)) as StreamingResponse;
    stalled.stream({ write: () => { throw new Error('socket gone'); }, end: () => {} });
    const post = async (name: string) =>
      <CompleteResponse>await core.handle({ ...request('/api/v1/namespaces/default/configmaps', ''), method: 'POST', header: () => 'application/json', body: new TextEncoder().encode(JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } })) });
    expect((await post('a')).status).toBe(201);
    fast.close();
    expect((await post('b')).status).toBe(201);
    expect(fast.lines.map((e) => e.object.metadata.name)).toEqual(['a']);
  });
});
