import { describe, expect, it } from 'vitest';
import type { ApiRequest, CompleteResponse, StreamingResponse } from '../api/request.js';
import { ManualClock } from '../util/manual-clock.js';
import { FaultInjector } from './fault-injector.js';

const get = (path: string, query = ''): ApiRequest => ({
  method: 'GET',
  path,
  query: new URLSearchParams(query),
  header: () => undefined,
  body: undefined,
  signal: new AbortController().signal,
});
const ok = (): CompleteResponse => ({ status: 200, headers: {}, body: '{}' });

describe('FaultInjector', () => {
  it('answers matching requests with an upstream Status, `times` times', async () => {
    const faults = new FaultInjector(new ManualClock());
    const handle = faults.wrap(ok);
    faults.add({ verb: 'get', resource: 'pods', name: 'web', status: 409, times: 1 });
    const first = (await handle(get('/api/v1/namespaces/default/pods/web'))) as CompleteResponse;
    expect(first.status).toBe(409);
    expect(JSON.parse(first.body as string)).toMatchObject({ kind: 'Status', reason: 'Conflict', code: 409 });
    expect((await handle(get('/api/v1/namespaces/default/pods/web'))).status).toBe(200);
    expect(faults.active).toHaveLength(0);
  });

  it('sends Retry-After with 429 and leaves other requests alone', async () => {
    const faults = new FaultInjector(new ManualClock());
    const handle = faults.wrap(ok);
    faults.add({ resource: 'deployments', status: 429, retryAfterSeconds: 2 });
    const throttled = (await handle(get('/apis/apps/v1/namespaces/default/deployments'))) as CompleteResponse;
    expect(throttled.headers['retry-after']).toBe('2');
    expect(JSON.parse(throttled.body as string)).toMatchObject({ reason: 'TooManyRequests', details: { retryAfterSeconds: 2 } });
    expect((await handle(get('/api/v1/namespaces/default/pods'))).status).toBe(200);
  });

  it('delays on the cluster clock', async () => {
    const clock = new ManualClock();
    const faults = new FaultInjector(clock);
    const handle = faults.wrap(ok);
    faults.add({ delayMs: 5000 });
    let answered = false;
    const pending = Promise.resolve(handle(get('/version'))).then(() => (answered = true));
    await new Promise((r) => setImmediate(r));
    expect(answered).toBe(false);
    clock.advance(5000);
    await pending;
    expect(answered).toBe(true);
  });

  it('closes a watch after N events with a 410 ERROR event', async () => {
    const faults = new FaultInjector(new ManualClock());
    const stream: StreamingResponse = {
      status: 200,
      headers: {},
      stream: (sink) => {
        for (const n of [1, 2, 3]) sink.write(`{"type":"ADDED","n":${n}}\n`);
        return () => {};
      },
    };
    const handle = faults.wrap(() => stream);
    faults.add({ verb: 'watch', closeWatchAfterEvents: 2, watchExpired: true });
    const response = (await handle(get('/api/v1/pods', 'watch=true'))) as StreamingResponse;
    const lines: string[] = [];
    let ended = false;
    response.stream({ write: (c) => lines.push(c), end: () => (ended = true) });
    expect(lines.map((l) => JSON.parse(l).type ?? '')).toEqual(['ADDED', 'ADDED', 'ERROR']);
    expect(JSON.parse(lines[2]!).object).toMatchObject({ code: 410, reason: 'Expired' });
    expect(ended).toBe(true);
  });
});
