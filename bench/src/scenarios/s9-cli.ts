import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from '@minik/apiserver';
import type { Report } from '../report.js';
import { cliBuilt, kubectlBin, minikctlBin } from '../support/paths.js';
import { runProcess, type ProcessResult } from '../support/processes.js';
import { seedRunningPods } from '../support/pod-fixtures.js';
import { summarise } from '../stats.js';

interface Tool {
  name: 'kubectl' | 'minikctl' | 'minikctl-no-extra-ca';
  run(args: readonly string[]): Promise<ProcessResult>;
}

/**
 * S9: minikctl against the real kubectl on the same minik server (API server alone), each
 * command run alternately by both with a warm discovery cache, as a user's second command is.
 */
export async function cli(report: Report, options: { quick: boolean }): Promise<void> {
  if (!cliBuilt(minikctlBin)) {
    report.note('S9', `skipped: ${minikctlBin} is not built yet (minikctl builds with \`pnpm build\`)`);
    return;
  }
  const runs = options.quick ? 3 : 10;
  const dir = mkdtempSync(join(tmpdir(), 'minik-bench-s9-'));
  const cluster = await startCluster({ port: 0, controllers: false, simulation: false });
  try {
    const sizes = options.quick ? [10, 1_000] : [10, 1_000, 10_000];
    for (const size of sizes) {
      cluster.client.create({ apiVersion: 'v1', kind: 'Namespace' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `pods-${size}` } });
      seedRunningPods(cluster.client, `pods-${size}`, size);
    }
    const env = { ...process.env, KUBECONFIG: '/dev/null', HOME: dir };
    const tool = (name: Tool['name'], command: string, prefix: readonly string[], cache: string = name, toolEnv: NodeJS.ProcessEnv = env): Tool => ({
      name,
      run: (args) => runProcess(command, [...prefix, '-s', cluster.url, '--cache-dir', join(dir, `${cache}-cache`), ...args], { env: toolEnv }),
    });
    const kubectl = tool('kubectl', kubectlBin(), []);
    // As a shell runs it: the program itself (bin/minikctl.cjs starts Node), not `node bin/…`.
    const minikctl = tool('minikctl', minikctlBin, []);
    // NODE_EXTRA_CA_CERTS makes Node read and parse the whole CA bundle before running anything
    // (about 35 ms here; bin/minikctl.cjs moves it aside for minikctl to load when TLS needs it);
    // kubectl, a Go program, is not affected. Context figures show both.
    const extraCa = process.env.NODE_EXTRA_CA_CERTS;
    const envWithoutExtraCa = { ...env, NODE_EXTRA_CA_CERTS: undefined };
    const minikctlNoExtraCa = tool('minikctl-no-extra-ca', minikctlBin, [], 'minikctl', envWithoutExtraCa);
    if (extraCa) await nodeFloor(report, runs, env, envWithoutExtraCa);
    const manifest = join(dir, 'sixty-objects.yaml');
    writeFileSync(manifest, sixtyObjects());
    let seq = 0;
    const freshNamespace = (): string => {
      const name = `apply-${seq++}`;
      cluster.client.create({ apiVersion: 'v1', kind: 'Namespace' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      return name;
    };

    const commands: { label: string; args: () => readonly string[]; small: boolean }[] = [
      { label: 'version --client', args: () => ['version', '--client'], small: true },
      ...sizes.map((size) => ({ label: `get pods (${size.toLocaleString('en')} pods)`, args: () => ['-n', `pods-${size}`, 'get', 'pods'], small: size === 10 })),
      { label: 'create deployment', args: () => ['-n', 'default', 'create', 'deployment', `web-${seq++}`, '--image=nginx:1.25'], small: true },
      { label: 'apply -f (60 objects)', args: () => ['-n', freshNamespace(), 'apply', '-f', manifest], small: true },
    ];
    for (const command of commands) {
      const times: Record<Tool['name'], number[]> = { kubectl: [], minikctl: [], 'minikctl-no-extra-ca': [] };
      const tools = extraCa && command.small ? [kubectl, minikctl, minikctlNoExtraCa] : [kubectl, minikctl];
      // One untimed run each fills the discovery caches and the page cache.
      for (let i = -1; i < runs; i++) {
        for (const t of tools) {
          const result = await t.run(command.args());
          if (result.code !== 0) throw new Error(`S9: ${t.name} ${command.label} failed (${result.code}): ${result.stderr.slice(0, 400)}`);
          if (i >= 0) times[t.name].push(result.ms);
        }
      }
      const k = summarise(times.kubectl).median;
      const m = summarise(times.minikctl).median;
      report.add({ scenario: 'S9', name: `${command.label}: kubectl (median)`, value: k, unit: 'ms' });
      if (command.small) {
        report.add({ scenario: 'S9', name: `${command.label}: minikctl (median)`, value: m, unit: 'ms', target: { op: '<=', value: Math.round(k + 30) }, note: 'target: kubectl + 30 ms' });
        if (times['minikctl-no-extra-ca'].length > 0) {
          const free = summarise(times['minikctl-no-extra-ca']).median;
          report.add({ scenario: 'S9', name: `${command.label}: minikctl, NODE_EXTRA_CA_CERTS unset`, value: free, unit: 'ms', note: `context: kubectl ${free - k >= 0 ? '+' : ''}${Math.round(free - k)} ms` });
        }
      } else {
        const isBig = command.label.startsWith('get pods (10,000');
        report.add({ scenario: 'S9', name: `${command.label}: minikctl (median)`, value: m, unit: 'ms' });
        report.add({ scenario: 'S9', name: `${command.label}: kubectl / minikctl`, value: k / m, unit: '×', ...(isBig ? { target: { op: '>=' as const, value: 4 } } : {}) });
      }
    }
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Context for the small commands: how long Node takes to run nothing here, with this machine's
 * environment (NODE_EXTRA_CA_CERTS set) and without it, alternated.
 */
async function nodeFloor(report: Report, runs: number, env: NodeJS.ProcessEnv, envWithoutExtraCa: NodeJS.ProcessEnv): Promise<void> {
  const withCa: number[] = [];
  const withoutCa: number[] = [];
  for (let i = -1; i < runs; i++) {
    const a = await runProcess(process.execPath, ['-e', '0'], { env });
    const b = await runProcess(process.execPath, ['-e', '0'], { env: envWithoutExtraCa });
    if (i >= 0) {
      withCa.push(a.ms);
      withoutCa.push(b.ms);
    }
  }
  report.add({ scenario: 'S9', name: 'node -e 0 (median), NODE_EXTRA_CA_CERTS set as here', value: summarise(withCa).median, unit: 'ms', note: 'context: Node reads the CA bundle at start' });
  report.add({ scenario: 'S9', name: 'node -e 0 (median), NODE_EXTRA_CA_CERTS unset', value: summarise(withoutCa).median, unit: 'ms' });
}

/** 20 ConfigMaps, 20 Services and 20 Deployments, as one multi-document manifest. */
function sixtyObjects(): string {
  const docs: string[] = [];
  for (let i = 0; i < 20; i++) {
    const name = `app-${String(i).padStart(2, '0')}`;
    docs.push(`apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
data:
  LOG_LEVEL: info
  FEATURE: "${i}"
`);
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
    targetPort: 8080
`);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: nginx:1.25
        ports:
        - containerPort: 8080
        envFrom:
        - configMapRef:
            name: ${name}-config
`);
  }
  return docs.join('---\n');
}
