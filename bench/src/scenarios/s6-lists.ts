import { InProcessClient, startCluster } from '@minik/apiserver';
import type { Report } from '../report.js';
import { summarise } from '../stats.js';

const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** S6: listing 10,000 pods over HTTP as kubectl does (Table, unpaged and paged) and as JSON. */
export async function lists(report: Report, options: { quick: boolean }): Promise<void> {
  const podCount = options.quick ? 1000 : 10_000;
  const cluster = await startCluster({ port: 0 });
  try {
    const client = new InProcessClient(cluster.context);
    for (let i = 0; i < podCount; i++) {
      client.create(
        { apiVersion: 'v1', kind: 'Pod' },
        { metadata: { name: `pod-${String(i).padStart(5, '0')}`, namespace: 'default', labels: { app: 'bench' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } },
      );
    }
    const time = async (path: string, accept: string, runs: number): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const res = await fetch(cluster.url + path, { headers: { accept } });
        await res.arrayBuffer();
        out.push(performance.now() - t0);
      }
      return out;
    };
    const runs = options.quick ? 3 : 10;
    const table = summarise(await time('/api/v1/namespaces/default/pods', tableAccept, runs));
    report.add({ scenario: 'S6', name: `${podCount} pods as Table, unpaged (median)`, value: table.median, unit: 'ms', target: { op: '<=', value: 250 } });
    const page = summarise(await time('/api/v1/namespaces/default/pods?limit=500', tableAccept, runs * 3));
    report.add({ scenario: 'S6', name: 'first page of 500 as Table (median)', value: page.median, unit: 'ms', target: { op: '<=', value: 30 } });
    const json = summarise(await time('/api/v1/namespaces/default/pods', 'application/json', runs));
    report.add({ scenario: 'S6', name: `${podCount} pods as JSON, unpaged (median)`, value: json.median, unit: 'ms', target: { op: '<=', value: 500 } });
  } finally {
    await cluster.stop();
  }
}
