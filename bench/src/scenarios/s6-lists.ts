import { startCluster } from '@minik/apiserver';
import type { Report } from '../report.js';
import { httpRequest, tableAccept } from '../support/http.js';
import { seedRunningPods } from '../support/pod-fixtures.js';
import { summarise } from '../stats.js';

/**
 * S6: listing 10,000 Running pods over HTTP as kubectl does: as a server-side Table unpaged
 * (`--chunk-size=0`) and in pages of 500 (kubectl's default, every page of the walk), and as JSON
 * (what client libraries list). The API server runs alone, so nothing else moves meanwhile.
 */
export async function lists(report: Report, options: { quick: boolean }): Promise<void> {
  const podCount = options.quick ? 1_000 : 10_000;
  const cluster = await startCluster({ port: 0, controllers: false, simulation: false });
  try {
    seedRunningPods(cluster.client, 'default', podCount);
    const path = '/api/v1/namespaces/default/pods';
    const time = async (query: string, accept: string): Promise<{ ms: number; body: Buffer }> => {
      const t0 = performance.now();
      const res = await httpRequest(cluster.url + path + query, { headers: { accept } });
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`S6: ${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
      return { ms, body: res.body };
    };
    const runs = options.quick ? 3 : 10;
    // One untimed request of each kind warms the JIT, as the first kubectl of a session would.
    await time('', tableAccept);
    await time('', 'application/json');

    const table: number[] = [];
    for (let i = 0; i < runs; i++) table.push((await time('', tableAccept)).ms);
    const tableSummary = summarise(table);
    report.add({ scenario: 'S6', name: `${podCount.toLocaleString('en')} pods as Table, unpaged (median)`, value: tableSummary.median, unit: 'ms', ...(options.quick ? {} : { target: { op: '<=' as const, value: 250 } }), note: `p95 ${tableSummary.p95.toFixed(0)} ms` });

    const pages: number[] = [];
    for (let i = 0; i < runs; i++) {
      let token: string | undefined;
      do {
        const { ms, body } = await time(`?limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`, tableAccept);
        pages.push(ms);
        token = (JSON.parse(body.toString('utf8')) as { metadata?: { continue?: string } }).metadata?.continue || undefined;
      } while (token);
    }
    const pageSummary = summarise(pages);
    report.add({ scenario: 'S6', name: 'a page of 500 as Table (median over every page)', value: pageSummary.median, unit: 'ms', target: { op: '<=', value: 30 }, note: `p95 ${pageSummary.p95.toFixed(1)} ms, ${pages.length} pages` });

    const json: number[] = [];
    for (let i = 0; i < runs; i++) json.push((await time('', 'application/json')).ms);
    const jsonSummary = summarise(json);
    report.add({ scenario: 'S6', name: `${podCount.toLocaleString('en')} pods as JSON, unpaged (median)`, value: jsonSummary.median, unit: 'ms', ...(options.quick ? {} : { target: { op: '<=' as const, value: 500 } }), note: `p95 ${jsonSummary.p95.toFixed(0)} ms` });
  } finally {
    await cluster.stop();
  }
}
