import { startCluster } from '@minik/apiserver';
import type { Report } from '../report.js';
import { summarise } from '../stats.js';

/** S2: many startCluster()/stop() cycles in one process (what a test suite does). */
export async function inProcessStarts(report: Report, options: { quick: boolean }): Promise<void> {
  const count = options.quick ? 20 : 200;
  const durations: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const cluster = await startCluster({ port: 0 });
    await cluster.stop();
    durations.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  const s = summarise(durations);
  report.add({ scenario: 'S2', name: `startCluster()+stop() median (${count} runs)`, value: s.median, unit: 'ms', target: { op: '<=', value: 50 } });
  report.add({ scenario: 'S2', name: 'startCluster()+stop() p95', value: s.p95, unit: 'ms' });
  report.add({ scenario: 'S2', name: `${count} clusters total`, value: total / 1000, unit: 's', target: options.quick ? undefined : { op: '<=', value: 15 } });
}
