import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './machine.js';
import { meets, Report } from './report.js';
import { inProcessStarts } from './scenarios/s2-in-process.js';
import { lists } from './scenarios/s6-lists.js';

type Scenario = (report: Report, options: { quick: boolean }) => Promise<void>;

/** Every scenario by id, in the order they run. */
const scenarios: Record<string, Scenario> = {
  s2: inProcessStarts,
  s6: lists,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--')).map((a) => a.toLowerCase());
const report = new Report();
const machine = describeMachine();
console.log(`minik benchmarks on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), Node ${machine.node}${quick ? ' — quick smoke run' : ''}`);
for (const [id, run] of Object.entries(scenarios)) {
  if (only.length > 0 && !only.includes(id)) continue;
  await run(report, { quick });
}
const results = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');
mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'latest.json'), JSON.stringify({ date: new Date().toISOString(), quick, machine, figures: report.figures }, null, 2) + '\n');
const missed = report.figures.filter((f) => !meets(f));
console.log(`${report.figures.length} figures, ${missed.length} targets missed; results in bench/results/latest.json`);
