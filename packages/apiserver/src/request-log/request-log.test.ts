import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../api/request.js';
import { ManualClock } from '../util/manual-clock.js';
import { RequestLog } from './request-log.js';
import { withRequestLog } from './with-request-log.js';

const req = (method: string, path: string, query = ''): ApiRequest => ({
  method,
  path,
  query: new URLSearchParams(query),
  header: (n) => (n === 'user-agent' ? 'kubectl/v1.33.1' : undefined),
  body: undefined,
  signal: new AbortController().signal,
});

describe('RequestLog', () => {
  it('records the Kubernetes verb, target and status of each request', async () => {
    const log = new RequestLog();
    const handle = withRequestLog(() => ({ status: 201, headers: {}, body: '' }), log, new ManualClock(0));
    await handle(req('POST', '/apis/apps/v1/namespaces/default/deployments'));
    await handle(req('GET', '/api/v1/pods', 'watch=true'));
    await handle(req('GET', '/version'));
    expect(log.entries.map((r) => [r.verb, r.group, r.resource, r.namespace, r.status])).toEqual([
      ['create', 'apps', 'deployments', 'default', 201],
      ['watch', '', 'pods', undefined, 201],
      [undefined, undefined, undefined, undefined, 201],
    ]);
    expect(log.entries[0]).toMatchObject({ userAgent: 'kubectl/v1.33.1', time: '1970-01-01T00:00:00.000Z', durationMs: 0 });
    log.clear();
    expect(log.entries).toHaveLength(0);
  });

  it('dates each record by its own start, however many share a millisecond', async () => {
    const log = new RequestLog();
    const clock = new ManualClock(Date.parse('2026-11-26T10:00:00.000Z'));
    const handle = withRequestLog(() => ({ status: 200, headers: {}, body: '' }), log, clock);
    await handle(req('GET', '/api/v1/pods'));
    await handle(req('GET', '/api/v1/pods'));
    clock.advance(1);
    await handle(req('GET', '/api/v1/pods'));
    clock.advance(61_000);
    await handle(req('GET', '/api/v1/pods'));
    expect(log.entries.map((r) => r.time)).toEqual(['2026-11-26T10:00:00.000Z', '2026-11-26T10:00:00.000Z', '2026-11-26T10:00:00.001Z', '2026-11-26T10:01:01.001Z']);
  });

  it('waits for a request that has not happened yet', async () => {
    const log = new RequestLog();
    const handle = withRequestLog(() => ({ status: 200, headers: {}, body: '' }), log, new ManualClock(0));
    const waiting = log.waitFor((r) => r.verb === 'delete');
    await handle(req('DELETE', '/api/v1/namespaces/default/pods/x'));
    await expect(waiting).resolves.toMatchObject({ name: 'x' });
  });

  it('keeps at most `capacity` records', () => {
    const log = new RequestLog({ capacity: 2 });
    for (const path of ['/a', '/b', '/c']) log.record({ path } as never);
    expect(log.entries.map((r) => r.path)).toEqual(['/b', '/c']);
  });
});

describe('RequestLog ring', () => {
  it('keeps the newest records in order as it wraps round, and still finds them', async () => {
    const log = new RequestLog({ capacity: 3 });
    for (const path of ['/a', '/b', '/c', '/d', '/e', '/f', '/g']) log.record({ path } as never);
    expect(log.entries.map((r) => r.path)).toEqual(['/e', '/f', '/g']);
    expect(log.filter((r) => r.path !== '/f').map((r) => r.path)).toEqual(['/e', '/g']);
    await expect(log.waitFor((r) => r.path === '/e')).resolves.toMatchObject({ path: '/e' });
    log.clear();
    expect(log.entries).toEqual([]);
    log.record({ path: '/h' } as never);
    expect(log.entries.map((r) => r.path)).toEqual(['/h']);
  });
});
