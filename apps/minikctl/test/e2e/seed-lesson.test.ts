import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOutput } from '@minik/apiserver/test-support';
import { assertBuilt, Minikctl } from '../support/minikctl.js';

const require = createRequire(import.meta.url);
const minikBin = join(dirname(require.resolve('minik/package.json')), 'bin', 'minik.cjs');

/** Runs `minik …` in the sandbox to completion. */
function minik(env: NodeJS.ProcessEnv, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [minikBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The Kubernetes Basics lesson (modules 1 and 2), steps 2–9, with minikctl in place of kubectl
 * against a cluster started by `minik start`.
 */
describe('the seed lesson with minikctl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minikctl-lesson-'));
  const env = { ...process.env, HOME: dir, MINIK_HOME: join(dir, 'minik-home'), KUBECONFIG: join(dir, 'kube', 'config') };
  const minikctl = new Minikctl(undefined, { KUBECONFIG: env.KUBECONFIG, HOME: dir });
  let proxy: ChildProcess | undefined;
  let proxyPort = 0;
  let serverUrl = '';

  beforeAll(async () => {
    assertBuilt();
    const started = await minik(env, ['start', '--port', '0']);
    expect(started.code, started.stderr).toBe(0);
    serverUrl = (JSON.parse(readFileSync(join(dir, 'minik-home', 'cluster.json'), 'utf8')) as { url: string }).url;
  });
  afterAll(async () => {
    proxy?.kill();
    await minik(env, ['stop']);
    try {
      const { pid } = JSON.parse(readFileSync(join(dir, 'minik-home', 'cluster.json'), 'utf8')) as { pid: number };
      process.kill(pid, 'SIGKILL');
    } catch {
      // stopped already
    }
    minikctl.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('step 2: version shows the client and server versions', async () => {
    const r = await minikctl.exec(['version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Client Version: v1\.\d+\.\d+\nServer Version: v1\.\d+\.\d+\n$/);
  });

  it('step 3: cluster-info shows where the control plane runs', async () => {
    const r = await minikctl.exec(['cluster-info']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`Kubernetes control plane is running at ${serverUrl}`);
    // Then one line per cluster service (kubernetes.io/cluster-service=true), e.g. CoreDNS.
    for (const line of lines.slice(1, -3)) expect(line).toMatch(new RegExp(`^.+ is running at ${serverUrl}/api/v1/namespaces/kube-system/services/.+/proxy$`));
    expect(lines.slice(-3)).toEqual(['', "To further debug and diagnose cluster problems, use 'minikctl cluster-info dump'.", '']);
  });

  it('step 4: get nodes shows one Ready node', async () => {
    const r = await minikctl.exec(['get', 'nodes']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^minik\s+Ready\s+control-plane\s+\S+\s+v1\.\d+\.\d+$/);
  });

  it('step 5: run creates a Deployment, as kubectl run did when the lesson was written', async () => {
    const r = await minikctl.exec(['run', 'kubernetes-bootcamp', '--image=gcr.io/google-samples/kubernetes-bootcamp:v1', '--port=8080']);
    expect(r).toEqual({ code: 0, stdout: 'deployment.apps/kubernetes-bootcamp created\n', stderr: '' });
    const json = JSON.parse((await minikctl.exec(['get', 'deployment', 'kubernetes-bootcamp', '-o', 'json'])).stdout);
    expect(json.spec.replicas).toBe(1);
    expect(json.spec.selector).toEqual({ matchLabels: { run: 'kubernetes-bootcamp' } });
    expect(json.spec.template.spec.containers[0]).toMatchObject({
      name: 'kubernetes-bootcamp',
      image: 'gcr.io/google-samples/kubernetes-bootcamp:v1',
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
    });
  });

  it('step 6: get deployments lists kubernetes-bootcamp', async () => {
    const r = await minikctl.exec(['get', 'deployments']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nkubernetes-bootcamp\s+\d\/1\s+\d\s+\d\s+\S+\n$/);
  });

  it('step 7: proxy serves the API locally', async () => {
    proxy = minikctl.spawn(['proxy', '--port', '0']);
    const out = await collectOutput(proxy).waitFor((text) => /Starting to serve on 127\.0\.0\.1:\d+\n/.test(text));
    proxyPort = Number(/127\.0\.0\.1:(\d+)/.exec(out)![1]);
    const res = await fetch(`http://127.0.0.1:${proxyPort}/apis/apps/v1/namespaces/default/deployments`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: { metadata: { name: string } }[] };
    expect(list.items.map((d) => d.metadata.name)).toEqual(['kubernetes-bootcamp']);
  });

  it('steps 8 and 9: the pod name from a go-template, and the app answering through the proxy', async () => {
    // The deployment controller, scheduler and kubelets make the pod and run it.
    const watcher = minikctl.spawn(['get', 'pods', '-l', 'run=kubernetes-bootcamp', '-w', '-o', 'jsonpath={.metadata.name} {.status.phase}{"\\n"}']);
    const ready = await collectOutput(watcher)
      .waitFor((text) => /\sRunning\n/.test(text), AbortSignal.timeout(20_000))
      .finally(() => watcher.kill());
    expect(ready).toMatch(/^kubernetes-bootcamp-\S+ Running$/m);
    const names = await minikctl.exec(['get', 'pods', '-o', 'go-template', '--template', '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}']);
    const podName = names.stdout.trim();
    expect(podName).toMatch(/^kubernetes-bootcamp-[a-z0-9]+-[a-z0-9]{5}$/);
    const res = await fetch(`http://127.0.0.1:${proxyPort}/api/v1/namespaces/default/pods/${podName}/proxy/`);
    expect(await res.text()).toBe(`Hello Kubernetes bootcamp! | Running on: ${podName} | v=1\n`);
  });
});
