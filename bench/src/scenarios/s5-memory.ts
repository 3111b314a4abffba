import { createCluster } from '@minik/apiserver';
import type { Report } from '../report.js';

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * S5: memory and idle CPU of a big simulated cluster: many nodes with their kubelets heartbeating
 * (Leases and node status, minik's default fast timing), and Deployments whose pods all run.
 * RSS is read after a full GC; idle CPU is this process's CPU time over a quiet window. The
 * process runs with the heap policy `minik start` gives its server (see run.ts), as a cluster
 * this big runs there.
 */
export async function memory(report: Report, options: { quick: boolean }): Promise<void> {
  const nodes = options.quick ? 100 : 1_000;
  const deployments = options.quick ? 5 : 100;
  const replicas = 1_000;
  const total = deployments * replicas;
  const idleWindowMs = options.quick ? 3_000 : 10_000;
  const sweepAfterGcMs = options.quick ? 1_000 : 5_000;
  const pagesReleasedMs = 1_000;
  // Not after a forced GC: one before the cluster exists changes how V8 sizes the heap for the
  // whole rollout (old space then ends 250–500 MiB less fragmented than in a process nobody
  // forced to collect, as minik's own is).
  const baseline = process.memoryUsage().rss;
  const cluster = createCluster({ nodes, simulation: { nodeCapacity: { pods: '200' } } });
  try {
    await cluster.settle();
    let running = 0;
    let done: () => void = () => {};
    const allRunning = new Promise<void>((resolve) => (done = resolve));
    const phase = (o: unknown): string | undefined => (o as { status?: { phase?: string } } | undefined)?.status?.phase;
    const watch = cluster.client.watch({ apiVersion: 'v1', kind: 'Pod' }, (event) => {
      if (event.type !== 'DELETED' && phase(event.stored.object) === 'Running' && phase(event.previous?.object) !== 'Running' && ++running === total) done();
    });
    const t0 = performance.now();
    for (let d = 0; d < deployments; d++) {
      const name = `app-${String(d).padStart(3, '0')}`;
      cluster.client.create({ apiVersion: 'apps/v1', kind: 'Deployment' }, {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: 'default' },
        spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
      });
      // Let the controllers work between creates, as separate kubectl calls would.
      await new Promise((r) => setImmediate(r));
    }
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`S5: ${running}/${total} Running after 900 s`)), 900_000).unref());
    await Promise.race([allRunning, timeout]);
    const rolloutSeconds = (performance.now() - t0) / 1000;
    watch.stop();
    await cluster.settle();
    const rssAtGcEnd = rssAfterGc();
    const { heapUsed: heap, heapTotal } = process.memoryUsage();
    // V8 hands the pages a full GC freed back to the system on a background thread after the GC
    // returns (50–60 MiB here): the process's memory after the GC is what is left once it has.
    await new Promise((r) => setTimeout(r, pagesReleasedMs));
    const rss = process.memoryUsage().rss;
    // Idle: nothing but heartbeats (and what they set off) for a while, from when the full GC the
    // RSS reading forced is done: V8 sweeps the old heap behind it on helper threads for a few
    // seconds (5–8 % of a core here), work an idle cluster that nobody forces to collect does not do.
    await new Promise((r) => setTimeout(r, sweepAfterGcMs - pagesReleasedMs));
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    await new Promise((r) => setTimeout(r, idleWindowMs));
    const cpu = process.cpuUsage(cpu0);
    const idle = (cpu.user + cpu.system) / 1000 / (performance.now() - wall0);
    const label = `${nodes.toLocaleString('en')} nodes, ${total.toLocaleString('en')} Running pods`;
    report.add({ scenario: 'S5', name: `${label}: RSS after GC`, value: rss / 1024 ** 2, unit: 'MiB', ...(options.quick ? {} : { target: { op: '<=' as const, value: 1024 } }), note: `1 s after the GC; ${(rssAtGcEnd / 1024 ** 2).toFixed(0)} MiB as it returned; process baseline ${(baseline / 1024 ** 2).toFixed(0)} MiB, heap used ${(heap / 1024 ** 2).toFixed(0)} of ${(heapTotal / 1024 ** 2).toFixed(0)} MiB` });
    report.add({ scenario: 'S5', name: `${label}: idle CPU (heartbeats on)`, value: idle * 100, unit: '% of a core', ...(options.quick ? {} : { target: { op: '<=' as const, value: 10 } }), note: `over ${idleWindowMs / 1000} s, from ${sweepAfterGcMs / 1000} s after the forced GC` });
    report.add({ scenario: 'S5', name: `${label}: time to all Running`, value: rolloutSeconds, unit: 's', note: `${Math.round(total / rolloutSeconds).toLocaleString('en')} pods/s` });
  } finally {
    cluster.stop();
  }
  // Context for the idle figure: the same nodes on upstream's timing (Lease renewed every 10 s,
  // not every second), without pods.
  const realistic = createCluster({ nodes, speed: 'realistic' });
  try {
    await realistic.settle();
    await new Promise((r) => setTimeout(r, 1_000));
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    await new Promise((r) => setTimeout(r, idleWindowMs));
    const cpu = process.cpuUsage(cpu0);
    report.add({ scenario: 'S5', name: `${nodes.toLocaleString('en')} nodes, no pods, realistic timing: idle CPU`, value: ((cpu.user + cpu.system) / 1000 / (performance.now() - wall0)) * 100, unit: '% of a core', note: 'context: heartbeats at upstream intervals' });
  } finally {
    realistic.stop();
  }
}

function rssAfterGc(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().rss;
}
