import { describe, expect, it } from 'vitest';
import { startCluster } from '@minik/apiserver';

/** Sockets and timers the process holds (what would keep a test runner from exiting). */
function liveHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) if (kind === 'TCPServerWrap' || kind === 'TCPSocketWrap' || kind === 'Timeout') counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

describe('many clusters in one test file', () => {
  it('starts and stops 200 clusters in sequence, leaving no socket or timer behind', async () => {
    const before = liveHandles();
    for (let i = 0; i < 200; i++) {
      const cluster = await startCluster({ port: 0 });
      const res = await fetch(`${cluster.url}/api/v1/namespaces/default/serviceaccounts/default`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      await cluster.stop();
    }
    // Let closed sockets report their close.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = liveHandles();
    expect(after.TCPServerWrap ?? 0).toBe(before.TCPServerWrap ?? 0);
    expect(after.Timeout ?? 0).toBeLessThanOrEqual((before.Timeout ?? 0) + 1);
  });
});
