import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../report.js';
import { freePort } from '../support/free-port.js';
import { httpRequest } from '../support/http.js';
import { cliBuilt, kubectlBin, minikBin } from '../support/paths.js';
import { runProcess } from '../support/processes.js';
import { summarise } from '../stats.js';

// The floor: the smallest Node HTTP server, started the same way (a fresh `node` process).
const bareServer = "require('node:http').createServer((q,s)=>s.end('ok')).listen(Number(process.argv[1]),'127.0.0.1')";

/**
 * S1: cold start. Spawns `minik start --foreground` on a free port and polls with the real
 * `kubectl get nodes` until it succeeds (what a user waits for), and separately until the first
 * HTTP answer, compared with a bare `node:http` server spawned the same way (alternated runs).
 * Every run starts a new cluster with a fresh home; the CLI's V8 code cache ($XDG_CACHE_HOME,
 * @minik/code-cache) persists from run to run as it does for a user, and the first start, which
 * has none yet, is reported on its own.
 */
export async function coldStart(report: Report, options: { quick: boolean }): Promise<void> {
  if (!cliBuilt(minikBin)) {
    report.note('S1', `skipped: ${minikBin} is not built (run \`pnpm build\`)`);
    return;
  }
  const runs = options.quick ? 3 : 10;
  const kubectlReady: number[] = [];
  const minikHttp: number[] = [];
  const bareHttp: number[] = [];
  const kubectlAlone: number[] = [];
  let firstStart: { kubectl: number; http: number } | undefined;
  const codeCache = mkdtempSync(join(tmpdir(), 'minik-bench-s1-cache-'));
  // A file where a directory should be: the throwaway start can write no code cache.
  writeFileSync(join(codeCache, 'none'), '');
  // One throwaway start warms the page cache for node, minik's bundle and kubectl; the next one
  // is the first with an empty code cache.
  for (let i = -2; i < runs; i++) {
    const home = mkdtempSync(join(tmpdir(), 'minik-bench-s1-'));
    try {
      const port = await freePort();
      const xdgCache = i === -2 ? join(codeCache, 'none') : join(codeCache, 'xdg');
      const env = { ...process.env, HOME: home, MINIK_HOME: join(home, '.minik'), KUBECONFIG: join(home, 'kubeconfig'), XDG_CACHE_HOME: xdgCache };
      const t0 = performance.now();
      const minik = spawn(process.execPath, [minikBin, 'start', '--foreground', '--port', String(port)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      try {
        const [http, kubectl] = await Promise.all([pollHttp(port, t0), pollKubectl(port, home, t0)]);
        // kubectl's own cost, against the server now up: the part of the figure that is kubectl's.
        const alone = await runProcess(kubectlBin(), kubectlArgs(port, join(home, 'cache-warm')), { env: kubectlEnv() });
        if (i === -1) firstStart = { kubectl, http };
        if (i >= 0) {
          minikHttp.push(http);
          kubectlReady.push(kubectl);
          kubectlAlone.push(alone.ms);
        }
      } finally {
        await stop(minik);
      }
      const bareStart = performance.now();
      const bare = spawn(process.execPath, ['-e', bareServer, String(port)], { stdio: 'ignore' });
      try {
        const ms = await pollHttp(port, bareStart);
        if (i >= 0) bareHttp.push(ms);
      } finally {
        await stop(bare);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }
  rmSync(codeCache, { recursive: true, force: true });
  const ready = summarise(kubectlReady);
  const http = summarise(minikHttp);
  const bare = summarise(bareHttp);
  const alone = summarise(kubectlAlone);
  report.add({ scenario: 'S1', name: `spawn → kubectl get nodes succeeds, median (${runs} runs)`, value: ready.median, unit: 'ms', target: { op: '<=', value: 300 } });
  report.add({ scenario: 'S1', name: 'spawn → kubectl get nodes succeeds, p95', value: ready.p95, unit: 'ms' });
  if (firstStart) {
    report.add({ scenario: 'S1', name: 'first start, no code cache yet: kubectl get nodes succeeds', value: firstStart.kubectl, unit: 'ms', note: `first HTTP answer ${firstStart.http.toFixed(0)} ms` });
  }
  report.add({ scenario: 'S1', name: 'kubectl get nodes alone (server up, cold cache)', value: alone.median, unit: 'ms', note: 'part of the figure above that is kubectl' });
  report.add({ scenario: 'S1', name: 'spawn → first HTTP answer, minik (median)', value: http.median, unit: 'ms' });
  report.add({ scenario: 'S1', name: 'spawn → first HTTP answer, bare node:http (median)', value: bare.median, unit: 'ms' });
  report.add({ scenario: 'S1', name: 'minik / bare node:http start', value: http.median / bare.median, unit: '×', target: { op: '<=', value: 3 } });
}

function kubectlArgs(port: number, cacheDir: string): string[] {
  return ['-s', `http://127.0.0.1:${port}`, '--cache-dir', cacheDir, 'get', 'nodes'];
}

function kubectlEnv(): NodeJS.ProcessEnv {
  return { ...process.env, KUBECONFIG: '/dev/null' };
}

/** Runs `kubectl get nodes` back to back until one succeeds; ms from t0 to that run's exit. */
async function pollKubectl(port: number, home: string, t0: number): Promise<number> {
  const deadline = t0 + 30_000;
  // A fresh discovery cache: the first successful run does full discovery, as on a new cluster.
  const cacheDir = join(home, 'cache');
  while (performance.now() < deadline) {
    const result = await runProcess(kubectlBin(), kubectlArgs(port, cacheDir), { env: kubectlEnv(), timeoutMs: 10_000 });
    if (result.code === 0 && result.stdout.includes('Ready')) return performance.now() - t0;
  }
  throw new Error('S1: kubectl get nodes never succeeded within 30 s');
}

/** Polls GET /readyz (any answer counts) every millisecond; ms from t0 to the first answer. */
async function pollHttp(port: number, t0: number): Promise<number> {
  const deadline = t0 + 30_000;
  while (performance.now() < deadline) {
    try {
      await httpRequest(`http://127.0.0.1:${port}/readyz`, { agent: false });
      return performance.now() - t0;
    } catch {
      await new Promise((r) => setTimeout(r, 1));
    }
  }
  throw new Error('S1: the server never answered within 30 s');
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}
