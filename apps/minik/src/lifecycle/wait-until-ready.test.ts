import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../state/cluster-state.js';
import { createFakeClock } from '../testing/fake-clock.js';
import type { ProcessExit } from './spawn-daemon.js';
import { waitUntilReady, type WaitUntilReadyOptions } from './wait-until-ready.js';

const state: ClusterState = {
  pid: 7,
  url: 'http://127.0.0.1:40000',
  host: '127.0.0.1',
  port: 40000,
  nodes: 1,
  kubernetesVersion: 'v1.33.1',
  startedAt: '2025-01-01T00:00:00.000Z',
};

const never = new Promise<ProcessExit>(() => {});

function options(overrides: Partial<WaitUntilReadyOptions>): WaitUntilReadyOptions {
  const clock = createFakeClock();
  return {
    pid: 7,
    exited: never,
    readState: async () => undefined,
    probeReady: async () => false,
    now: clock.now,
    sleep: clock.sleep,
    timeoutMs: 10_000,
    pollIntervalMs: 100,
    ...overrides,
  };
}

describe('waitUntilReady', () => {
  it('is ready once the process has written its state and /readyz answers', async () => {
    let polls = 0;
    const result = await waitUntilReady(
      options({
        readState: async () => (++polls >= 3 ? state : undefined),
        probeReady: async (url) => url === state.url && polls >= 5,
      }),
    );
    expect(result).toEqual({ kind: 'ready', state });
    expect(polls).toBe(5);
  });

  it('ignores the state of another process', async () => {
    const result = await waitUntilReady(
      options({ readState: async () => ({ ...state, pid: 8 }), probeReady: async () => true }),
    );
    expect(result).toEqual({ kind: 'timeout' });
  });

  it('reports the process exiting before it was ready', async () => {
    const exit: ProcessExit = { code: 31, signal: null };
    const result = await waitUntilReady(options({ exited: Promise.resolve(exit) }));
    expect(result).toEqual({ kind: 'exited', exit });
  });

  it('gives up after the timeout', async () => {
    const clock = createFakeClock();
    const start = clock.now();
    const result = await waitUntilReady(options({ now: clock.now, sleep: clock.sleep }));
    expect(result).toEqual({ kind: 'timeout' });
    expect(clock.now() - start).toBe(10_000);
  });
});
