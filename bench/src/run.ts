import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './machine.js';
import { formatFigure, meets, Report, type Figure } from './report.js';
import { applyServerHeapPolicy } from '@minik/apiserver';
import { libraryScenarios, scenarios } from './scenarios/index.js';
import { othersBusy } from './support/machine-busy.js';

// Usage: node bench/dist/run.js [--quick] [s1 s3 …]
// Each scenario runs in a fresh Node process (with --expose-gc), so one scenario's heap, JIT
// state and leftover timers never colour another's figures (S5 measures RSS).
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const child = args.find((a) => a.startsWith('--scenario='))?.slice('--scenario='.length);

if (child !== undefined) {
  await runChild(child);
} else {
  await runAll();
}

async function runChild(id: string): Promise<void> {
  const scenario = scenarios[id];
  if (!scenario) throw new Error(`unknown scenario ${id}`);
  if (!libraryScenarios.has(id)) applyServerHeapPolicy();
  // Run by hand (`node --cpu-prof dist/run.js --scenario=s8`) there is no runner: print instead.
  const report = new Report(process.send ? (figure) => process.send?.({ figure }) : undefined);
  await scenario(report, { quick });
  // Scenarios stop what they start; exit anyway so a stray handle cannot hold the runner.
  process.disconnect?.();
  process.exit(0);
}

async function runAll(): Promise<void> {
  const only = args.filter((a) => !a.startsWith('--')).map((a) => a.toLowerCase());
  const unknown = only.filter((id) => !(id in scenarios));
  if (unknown.length > 0) throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${Object.keys(scenarios).join(', ')}`);
  const machine = describeMachine();
  console.log(`minik benchmarks on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), Node ${machine.node}${quick ? ' — quick smoke run' : ''}`);
  const figures: Figure[] = [];
  const failures: string[] = [];
  const started = performance.now();
  const loads: Record<string, number> = {};
  for (const id of Object.keys(scenarios)) {
    if (only.length > 0 && !only.includes(id)) continue;
    // Other work on the machine skews the figures (2 cores): note what others used just before.
    const busy = await othersBusy();
    if (busy !== undefined) {
      loads[id] = Math.round(busy * 1000) / 10;
      if (busy > 0.1) console.log(`${id.toUpperCase().padEnd(4)} note: other processes used ${(busy * 100).toFixed(0)}% of the CPUs just before this scenario; its figures may be noisy`);
    }
    const t0 = performance.now();
    const code = await new Promise<number>((resolve) => {
      const proc = fork(fileURLToPath(import.meta.url), [`--scenario=${id}`, ...(quick ? ['--quick'] : [])], {
        execArgv: ['--expose-gc', '--max-old-space-size=8192'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      proc.on('message', (message: { figure?: Figure }) => {
        if (!message.figure) return;
        figures.push(message.figure);
        console.log(formatFigure(message.figure));
      });
      proc.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    if (code !== 0) failures.push(id);
    console.log(`${id.toUpperCase().padEnd(4)} ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const results = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');
  mkdirSync(results, { recursive: true });
  const file = join(results, quick ? 'latest-quick.json' : 'latest.json');
  // A run of some scenarios replaces theirs in the last results and keeps the others'.
  const ran = new Set((only.length > 0 ? only : Object.keys(scenarios)).map((id) => id.toUpperCase()));
  const previous = only.length > 0 ? readPrevious(file) : undefined;
  const merged = previous ? [...previous.figures.filter((f) => !ran.has(f.scenario)), ...figures] : figures;
  merged.sort((a, b) => a.scenario.localeCompare(b.scenario, 'en', { numeric: true }));
  const dates = { ...(previous?.dates ?? {}), ...Object.fromEntries([...ran].map((id) => [id, new Date().toISOString()])) };
  writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), dates, quick, machine, failures, othersBusyPercentBefore: { ...(previous?.othersBusyPercentBefore ?? {}), ...loads }, figures: merged }, null, 2) + '\n',
  );
  const missed = figures.filter((f) => !meets(f));
  console.log(
    `${figures.length} figures, ${missed.length} targets missed${failures.length > 0 ? `, ${failures.length} scenario(s) failed: ${failures.join(', ')}` : ''}; ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s; results in bench/results/${quick ? 'latest-quick.json' : 'latest.json'}`,
  );
  if (failures.length > 0) process.exitCode = 1;
}

interface Results {
  dates?: Record<string, string>;
  othersBusyPercentBefore?: Record<string, number>;
  figures: Figure[];
}

function readPrevious(file: string): Results | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Results;
  } catch {
    return undefined;
  }
}
