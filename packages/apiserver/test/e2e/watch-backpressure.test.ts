import { request, type IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '@minik/apiserver';

/*
 * Watches over a real socket: a client that stops reading is dropped (as upstream drops an
 * unresponsive watcher) without holding up the others, and a client taking a burst of initial
 * events far larger than the stall allowance gets all of it.
 */

const bigData = { blob: 'x'.repeat(100 * 1024) };
const gvk = { apiVersion: 'v1', kind: 'ConfigMap' };

function openWatch(url: string, query: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/namespaces/default/configmaps?watch=true&${query}`, { agent: false }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Reads a watch stream's events (type and name) as they come. */
function readEvents(res: IncomingMessage): { events: Array<{ type: string; name: string }>; ended: Promise<void> } {
  const events: Array<{ type: string; name: string }> = [];
  let buffered = '';
  res.setEncoding('utf8');
  res.on('data', (text: string) => {
    buffered += text;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const event = JSON.parse(buffered.slice(0, newline)) as { type: string; object: { metadata: { name?: string } } };
      buffered = buffered.slice(newline + 1);
      events.push({ type: event.type, name: event.object.metadata.name ?? '' });
    }
  });
  return { events, ended: new Promise((resolve) => res.on('close', () => resolve())) };
}

describe('watch streams and slow clients', () => {
  let cluster: Cluster;
  beforeEach(async () => {
    cluster = await startCluster({ port: 0, controllers: false, simulation: false });
  });
  afterEach(async () => {
    await cluster.stop();
  });

  it('drops a watcher that stopped reading, while a reading watcher gets every event', async () => {
    const rv = String(cluster.store.revision);
    const stalled = await openWatch(cluster.url, `resourceVersion=${rv}`);
    stalled.pause();
    const reader = readEvents(await openWatch(cluster.url, `resourceVersion=${rv}`));

    // 10 MB/s for three seconds: far past the socket buffers, the allowance and the stall period.
    let written = 0;
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 10; i++) cluster.client.create(gvk, { metadata: { name: `cm-${written++}`, namespace: 'default' }, data: bigData });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await expect.poll(() => reader.events.length, { timeout: 10_000 }).toBe(written);
    expect(reader.events.every((e) => e.type === 'ADDED')).toBe(true);
    // A paused client sees the server's close only once it reads again: what was sent, then the end.
    const late = readEvents(stalled);
    stalled.on('error', () => {});
    stalled.resume();
    await late.ended;
    expect(late.events.length).toBeGreaterThan(0);
    expect(late.events.length).toBeLessThan(written);
  }, 30_000);

  it('delivers a burst of initial events larger than the stall allowance to a client that keeps reading', async () => {
    const count = 300; // ≈30 MB of events, written at once
    const existing = cluster.store.list({ group: '', plural: 'configmaps' }, 'default').items.length;
    for (let i = 0; i < count; i++) cluster.client.create(gvk, { metadata: { name: `cm-${i}`, namespace: 'default' }, data: bigData });
    const reader = readEvents(await openWatch(cluster.url, 'sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan'));
    // Events keep coming while the burst drains: they must not make the server judge the client stalled.
    for (let i = 0; i < 20; i++) {
      cluster.client.create(gvk, { metadata: { name: `late-${i}`, namespace: 'default' }, data: bigData });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await expect.poll(() => reader.events.length, { timeout: 10_000 }).toBe(existing + count + 1 + 20);
    expect(reader.events[existing + count]).toEqual({ type: 'BOOKMARK', name: '' });
    expect(reader.events.filter((e) => e.type === 'ADDED')).toHaveLength(existing + count + 20);
  }, 30_000);
});
