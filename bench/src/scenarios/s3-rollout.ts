import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startCluster } from '@minik/apiserver';
import type { Report } from '../report.js';
import type { RolloutWatchConfig, RolloutWatchResult } from '../workers/rollout-watch.js';

interface Case {
  replicas: number;
  nodes: number;
  target?: number;
}

/**
 * S3: rollout. A Deployment of N replicas on a cluster of 10 or 100 simulated nodes, from the
 * POST until a watch (as `kubectl get pods -w` would open it, from a client process) has seen
 * every pod Running: deployment and ReplicaSet controllers, scheduler and kubelets all take part.
 */
export async function rollout(report: Report, options: { quick: boolean }): Promise<void> {
  const cases: Case[] = options.quick
    ? [
        { replicas: 1, nodes: 10, target: 50 },
        { replicas: 1_000, nodes: 10, target: 1_500 },
      ]
    : [
        { replicas: 1, nodes: 10, target: 50 },
        { replicas: 1, nodes: 100, target: 50 },
        { replicas: 1_000, nodes: 10, target: 1_500 },
        { replicas: 1_000, nodes: 100, target: 1_500 },
        { replicas: 10_000, nodes: 100, target: 10_000 },
      ];
  for (const c of cases) {
    // N=1 is short enough to take the median of a few; the large ones run once each.
    const runs = c.replicas === 1 ? 5 : 1;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await rolloutOnce(c));
    times.sort((a, b) => a - b);
    const ms = times[Math.floor(times.length / 2)]!;
    report.add({
      scenario: 'S3',
      name: `Deployment of ${c.replicas.toLocaleString('en')} on ${c.nodes} nodes: all Running${runs > 1 ? ` (median of ${runs})` : ''}`,
      value: ms,
      unit: 'ms',
      ...(c.target !== undefined ? { target: { op: '<=' as const, value: c.target } } : {}),
      note: `${Math.round((c.replicas / ms) * 1000).toLocaleString('en')} pods/s`,
    });
  }
}

async function rolloutOnce(c: Case): Promise<number> {
  // 10,000 pods on 100 nodes is 100 a node: room for that (upstream's default max-pods is 110).
  const cluster = await startCluster({ port: 0, nodes: c.nodes, simulation: { nodeCapacity: { pods: '250' } } });
  try {
    await cluster.settle();
    const result = await runClient({ url: cluster.url, namespace: 'default', name: `web-${c.replicas}`, replicas: c.replicas, timeoutMs: 120_000 });
    if (result.ms === undefined) throw new Error(`S3: ${result.error ?? 'no result'}`);
    return result.ms;
  } finally {
    await cluster.stop();
  }
}

function runClient(config: RolloutWatchConfig): Promise<RolloutWatchResult> {
  return new Promise((resolve, reject) => {
    const worker = fileURLToPath(new URL('./workers/rollout-watch.js', import.meta.url));
    const child = fork(worker, [JSON.stringify(config)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: RolloutWatchResult | undefined;
    child.on('message', (message) => (result = message as RolloutWatchResult));
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`S3: the client process exited with ${code}`))));
  });
}
