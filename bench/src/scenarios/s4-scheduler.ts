import { createCluster } from '@minik/apiserver';
import type { Report } from '../report.js';
import { benchPod, createBenchNode } from '../support/pod-fixtures.js';

/**
 * S4: scheduler throughput, shaped like kube-scheduler's scheduler_perf SchedulingBasic: many
 * Ready nodes without kubelets, many pending pods; pods bound per second from the moment the
 * scheduler starts until the last binding. Filters and scores are the default profile's.
 */
export async function schedulerThroughput(report: Report, options: { quick: boolean }): Promise<void> {
  const nodeCount = options.quick ? 500 : 5_000;
  const podCount = options.quick ? 1_000 : 10_000;
  // No controllers: the node lifecycle controller would taint nodes that have no kubelet.
  const cluster = createCluster({ nodes: 1, controllers: false });
  try {
    const scheduler = cluster.simulation!.scheduler;
    const { client } = cluster;
    for (let i = 1; i < nodeCount; i++) createBenchNode(client, `node-${String(i).padStart(5, '0')}`);
    // Pods pile up while the scheduler is stopped, as the pending pods of the perf test do.
    scheduler.stop();
    for (let i = 0; i < podCount; i++) client.create({ apiVersion: 'v1', kind: 'Pod' }, benchPod(`pending-${String(i).padStart(5, '0')}`, 'default'));
    let bound = 0;
    let done: () => void = () => {};
    const allBound = new Promise<void>((resolve) => (done = resolve));
    const watch = client.watch({ apiVersion: 'v1', kind: 'Pod' }, (event) => {
      const before = event.previous?.object as { spec?: { nodeName?: string } } | undefined;
      const after = event.stored.object as { spec?: { nodeName?: string } };
      if (event.type === 'MODIFIED' && !before?.spec?.nodeName && after.spec?.nodeName && ++bound === podCount) done();
    });
    const t0 = performance.now();
    scheduler.start();
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`S4: ${bound}/${podCount} bound after 300 s`)), 300_000).unref());
    await Promise.race([allBound, timeout]);
    const seconds = (performance.now() - t0) / 1000;
    watch.stop();
    report.add({
      scenario: 'S4',
      name: `${podCount.toLocaleString('en')} pending pods on ${nodeCount.toLocaleString('en')} nodes: pods bound/s`,
      value: podCount / seconds,
      unit: 'pods/s',
      ...(options.quick ? {} : { target: { op: '>=' as const, value: 2_000 } }),
      note: `${seconds.toFixed(2)} s in all; kube-scheduler SchedulingBasic ≈ 1,150/s`,
    });
  } finally {
    cluster.stop();
  }
}
