import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startCluster } from '@minik/apiserver';
import type { Report } from '../report.js';
import { benchPod } from '../support/pod-fixtures.js';
import { summarise } from '../stats.js';
import type { WatchLoadConfig, WatchLoadResult } from '../workers/watch-load.js';

interface Case {
  watchers: number;
  stalled: boolean;
  target: number;
}

/**
 * S7: write → watch event latency over HTTP. A separate load process holds the watchers (one of
 * every pod, as a controller's informer, and the rest one per node with fieldSelector
 * spec.nodeName, as kubelets watch) and PATCHes pods at 1,000 writes/s, round-robin over the
 * nodes, timing each write's request → the event on every watcher that should see it (so each
 * write is seen twice: by the all-pods watcher and by its node's). The stalled variant adds a
 * watcher of every pod that never reads.
 */
export async function watchLatency(report: Report, options: { quick: boolean }): Promise<void> {
  const cases: Case[] = [
    { watchers: 1, stalled: false, target: 5 },
    { watchers: 100, stalled: false, target: 20 },
    { watchers: 1_000, stalled: false, target: 100 },
    { watchers: 100, stalled: true, target: 20 },
  ];
  const durationMs = options.quick ? 2_000 : 10_000;
  for (const c of cases) {
    const cluster = await startCluster({ port: 0, controllers: false, simulation: false });
    try {
      // One all-pods watcher plus one per node; a single watcher is the all-pods one alone.
      const nodes = Array.from({ length: Math.max(1, c.watchers - 1) }, (_, i) => `node-${String(i).padStart(4, '0')}`);
      const pods: string[] = [];
      for (let i = 0; i < Math.max(1_000, nodes.length); i++) {
        const name = `w-${String(i).padStart(5, '0')}`;
        cluster.client.create({ apiVersion: 'v1', kind: 'Pod' }, benchPod(name, 'default', { nodeName: nodes[i % nodes.length]! }));
        pods.push(name);
      }
      const config: WatchLoadConfig = {
        url: cluster.url,
        namespace: 'default',
        resourceVersion: String(cluster.store.revision),
        nodeWatchers: c.watchers === 1 ? [] : nodes,
        pods,
        writesPerSecond: 1_000,
        warmupMs: options.quick ? 500 : 2_000,
        durationMs,
        stalled: c.stalled,
      };
      const result = await runLoad(config);
      if (c.watchers === 1) result.expectedEvents = result.writes;
      const s = summarise(result.latencies.length > 0 ? result.latencies : [Number.NaN]);
      const label = `${c.watchers.toLocaleString('en')} watcher${c.watchers === 1 ? '' : 's'}${c.stalled ? ' + 1 stalled' : ''}`;
      const lost = result.expectedEvents - result.receivedEvents;
      report.add({
        scenario: 'S7',
        name: `write → event p99, ${label}`,
        value: s.p99,
        unit: 'ms',
        target: { op: '<=', value: c.target },
        note:
          `p50 ${s.median.toFixed(2)} ms, max ${s.max.toFixed(1)} ms, ${Math.round(result.achievedWritesPerSecond)} writes/s, ` +
          `${result.receivedEvents}/${result.expectedEvents} events${lost > 0 ? ` (${lost} missing)` : ''}` +
          (result.writeErrors > 0 ? `, ${result.writeErrors} write errors (${Object.entries(result.writeErrorKinds).map(([kind, n]) => `${kind} ×${n}`).join(', ')})` : '') +
          (c.stalled ? `, stalled watcher ${result.stalledClosedByServer ? 'dropped by the server' : 'still open (not judged stalled)'}` : ''),
      });
    } finally {
      await cluster.stop();
    }
  }
}

function runLoad(config: WatchLoadConfig): Promise<WatchLoadResult> {
  return new Promise((resolve, reject) => {
    const worker = fileURLToPath(new URL('./workers/watch-load.js', import.meta.url));
    const child = fork(worker, [JSON.stringify(config)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: WatchLoadResult | undefined;
    child.on('message', (message) => (result = message as WatchLoadResult));
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`S7: the load process exited with ${code}`))));
  });
}
