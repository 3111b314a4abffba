import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { delimiter, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertBuilt, createSandboxes, waitForExit, waitForOutput } from './minik-cli.js';

interface Kubeconfig {
  clusters: { name: string; cluster: { server: string } }[];
  contexts: { name: string; context: Record<string, string> }[];
  users: { name: string; user: Record<string, unknown> }[];
  'current-context': string;
}

interface State {
  pid: number;
  url: string;
  port: number;
  nodes: number;
  logFile?: string;
}

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;
const readKubeconfig = async (path: string): Promise<Kubeconfig> =>
  parse(await readFile(path, 'utf8')) as Kubeconfig;

/** Whether `pid` runs; a zombie (exited, not yet reaped by init) does not. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    // The state is the field after the parenthesised command name.
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

async function readyz(url: string): Promise<number> {
  const response = await fetch(`${url}/readyz`);
  await response.body?.cancel();
  return response.status;
}

async function occupyPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('minik CLI (built)', () => {
  const sandboxes = createSandboxes();

  beforeAll(() => assertBuilt());
  afterEach(() => sandboxes.cleanup());

  it('starts detached on port 0, reports Running, refuses a second start, stops', async () => {
    const sandbox = await sandboxes.create();
    // Several $KUBECONFIG files: the first is written, the others are left alone.
    const second = join(sandbox.dir, 'second-config');
    await writeFile(second, 'apiVersion: v1\nkind: Config\n');
    const env = { KUBECONFIG: [sandbox.kubeconfig, second].join(delimiter) };

    const start = await sandboxes.run(sandbox, ['start', '--port', '0', '--nodes', '2'], env);
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);

    const state = await readJson<State>(sandbox.stateFile);
    expect(state.port).toBeGreaterThan(0);
    expect(state.url).toBe(`http://127.0.0.1:${state.port}`);
    expect(state.nodes).toBe(2);
    expect(state.logFile).toBe(join(sandbox.dir, 'minik-home', 'cluster.log'));
    expect(isAlive(state.pid)).toBe(true);
    expect(await readyz(state.url)).toBe(200);
    expect(start.stdout).toContain('😄  minik v0.1.0 (simulated Kubernetes v1.33.1)\n');
    expect(start.stdout).toContain('✨  Started 2 nodes: minik, minik-m02\n');
    expect(start.stdout).toContain(`🔗  API server: ${state.url}\n`);
    expect(start.stdout).toContain('🏄  Done! kubectl is now configured to use "minik" cluster');

    const kubeconfig = await readKubeconfig(sandbox.kubeconfig);
    expect(kubeconfig['current-context']).toBe('minik');
    expect(kubeconfig.clusters).toEqual([{ cluster: { server: state.url, 'insecure-skip-tls-verify': true }, name: 'minik' }]);
    expect(kubeconfig.contexts).toEqual([
      { context: { cluster: 'minik', namespace: 'default', user: 'minik' }, name: 'minik' },
    ]);
    expect(kubeconfig.users).toEqual([{ name: 'minik', user: {} }]);
    expect(await readFile(second, 'utf8')).toBe('apiVersion: v1\nkind: Config\n');

    const status = await sandboxes.run(sandbox, ['status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(
      'minik\ntype: Control Plane\nhost: Running\napiserver: Running\nkubeconfig: Configured\n',
    );
    expect(status.stdout).toContain(`url: ${state.url}\nnodes: 2\n`);

    const printed = await sandboxes.run(sandbox, ['kubeconfig'], env);
    expect(printed.code).toBe(0);
    expect((parse(printed.stdout) as Kubeconfig).clusters[0]?.cluster.server).toBe(state.url);

    const again = await sandboxes.run(sandbox, ['start', '--port', '0'], env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`minik is already running at ${state.url}`);
    expect((await readJson<State>(sandbox.stateFile)).pid).toBe(state.pid);

    const stop = await sandboxes.run(sandbox, ['stop'], env);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toBe('✋  Stopping "minik" …\n🛑  2 nodes stopped.\n');
    expect(isAlive(state.pid)).toBe(false);
    expect(existsSync(sandbox.stateFile)).toBe(false);
    // Like minikube stop: the context stays.
    expect((await readKubeconfig(sandbox.kubeconfig))['current-context']).toBe('minik');

    const stopped = await sandboxes.run(sandbox, ['status'], env);
    expect(stopped.code).toBe(7);
    expect(stopped.stdout).toContain('host: Stopped\n');

    const stopAgain = await sandboxes.run(sandbox, ['stop'], env);
    expect(stopAgain).toMatchObject({ code: 0, stdout: '🤷  minik is not running\n' });
  });

  it('injects faults and writes an audit log of every request', async () => {
    const sandbox = await sandboxes.create();
    const auditLog = join(sandbox.dir, 'requests.jsonl');
    const fault = JSON.stringify({ verb: 'list', resource: 'pods', status: 503, times: 1 });
    const start = await sandboxes.run(sandbox, ['start', '--port', '0', '--audit-log', auditLog, '--fault', fault]);
    expect(start.code).toBe(0);
    const state = await readJson<State>(sandbox.stateFile);
    expect((await fetch(`${state.url}/api/v1/namespaces/default/pods`)).status).toBe(503);
    expect((await fetch(`${state.url}/api/v1/namespaces/default/pods`)).status).toBe(200);
    expect((await sandboxes.run(sandbox, ['stop'])).code).toBe(0);
    const records = (await readFile(auditLog, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { verb?: string; resource?: string; status: number });
    expect(records.filter((r) => r.verb === 'list' && r.resource === 'pods').map((r) => r.status)).toEqual([503, 200]);
  });

  it('runs in the foreground until SIGTERM, then exits 0 and cleans up', async () => {
    const sandbox = await sandboxes.create();
    const child = sandboxes.spawn(sandbox, ['start', '--foreground', '--port', '0']);
    const printed = await waitForOutput(child, 'press Ctrl+C to stop');
    const state = await readJson<State>(sandbox.stateFile);
    expect(state.pid).toBe(child.pid);
    expect(state).not.toHaveProperty('logFile');
    expect(printed).toContain(`🔗  API server: ${state.url}\n`);
    expect(await readyz(state.url)).toBe(200);
    expect((await readKubeconfig(sandbox.kubeconfig))['current-context']).toBe('minik');

    const running = await sandboxes.run(sandbox, ['status']);
    expect(running.code).toBe(0);

    child.kill('SIGTERM');
    expect(await waitForExit(child)).toEqual({ code: 0, signal: null });
    expect(existsSync(sandbox.stateFile)).toBe(false);
    await expect(readyz(state.url)).rejects.toThrow();
  });

  it('runs the cluster with the server heap policy, and gives V8 its own back before the code cache is written', async () => {
    const sandbox = await sandboxes.create();
    const cacheDir = join(sandbox.dir, 'cache');
    sandbox.env.XDG_CACHE_HOME = cacheDir;
    const cacheFile = async (): Promise<{ name: string; mtimeMs: number }> => {
      const [name] = await readdir(join(cacheDir, 'minik'));
      return { name: name!, mtimeMs: (await stat(join(cacheDir, 'minik', name!))).mtimeMs };
    };
    // Every collection a full one, each traced with the growing factor V8 chose for the heap.
    const nodeArgs = ['--trace-gc-verbose', '--gc-global'];
    const child = sandboxes.spawn(sandbox, ['start', '--foreground', '--port', '0'], nodeArgs);
    const printed = await waitForOutput(child, 'press Ctrl+C to stop');
    const factors = [...printed.matchAll(/\[HeapController\] Limit: .*\((\d+\.\d)\)/g)].map((m) => m[1]);
    // The first collections come before the CLI has loaded the cluster (V8's own factor, 4.0 here).
    expect(factors.length).toBeGreaterThan(0);
    expect(factors.at(-1)).toBe('2.0');
    child.kill('SIGTERM');
    expect(await waitForExit(child)).toEqual({ code: 0, signal: null });

    // The code cache written at that exit is one the next start (same Node flags) accepts: it is
    // not written again.
    const written = await cacheFile();
    const again = sandboxes.spawn(sandbox, ['start', '--foreground', '--port', '0'], nodeArgs);
    await waitForOutput(again, 'press Ctrl+C to stop');
    again.kill('SIGTERM');
    expect(await waitForExit(again)).toEqual({ code: 0, signal: null });
    expect(await cacheFile()).toEqual(written);
  });

  it('keeps a heap growing factor Node was started with', async () => {
    const sandbox = await sandboxes.create();
    const child = sandboxes.spawn(sandbox, ['start', '--foreground', '--port', '0'], ['--heap-growing-percent=30', '--trace-gc-verbose', '--gc-global']);
    const printed = await waitForOutput(child, 'press Ctrl+C to stop');
    const factors = [...printed.matchAll(/\[HeapController\] Limit: .*\((\d+\.\d)\)/g)].map((m) => m[1]);
    expect(factors.length).toBeGreaterThan(0);
    expect(new Set(factors)).toEqual(new Set(['1.3']));
    child.kill('SIGTERM');
    expect(await waitForExit(child)).toEqual({ code: 0, signal: null });
  });

  it('names a busy port and exits non-zero, detached or not', async () => {
    const sandbox = await sandboxes.create();
    const { server, port } = await occupyPort();
    try {
      const message = `❌  Exiting due to port ${port} is already in use on 127.0.0.1: choose another with --port`;
      for (const args of [['start'], ['start', '--foreground']]) {
        const result = await sandboxes.run(sandbox, [...args, '--port', String(port)]);
        expect(result.code).toBe(31);
        expect(result.stderr).toContain(message);
        expect(existsSync(sandbox.stateFile)).toBe(false);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('cleans a stale state file left by a process that is gone', async () => {
    const sandbox = await sandboxes.create();
    const child = sandboxes.spawn(sandbox, ['start', '--foreground', '--port', '0']);
    await waitForOutput(child, 'press Ctrl+C to stop');
    // SIGKILL leaves the state file behind, as a crash would.
    child.kill('SIGKILL');
    await waitForExit(child);
    expect(existsSync(sandbox.stateFile)).toBe(true);

    const status = await sandboxes.run(sandbox, ['status']);
    expect(status.code).toBe(7);
    expect(existsSync(sandbox.stateFile)).toBe(false);
  });

  it('deletes the cluster and only its kubeconfig entries', async () => {
    const sandbox = await sandboxes.create();
    await mkdir(join(sandbox.dir, 'kube'));
    await writeFile(
      sandbox.kubeconfig,
      'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://prod.example.com\n  name: prod\ncurrent-context: prod\n',
    );
    expect((await sandboxes.run(sandbox, ['start', '--port', '0'])).code).toBe(0);
    const { pid } = await readJson<State>(sandbox.stateFile);

    const deleted = await sandboxes.run(sandbox, ['delete']);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain('💀  Removed all traces of the "minik" cluster.\n');
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(join(sandbox.dir, 'minik-home'))).toBe(false);
    const kubeconfig = await readKubeconfig(sandbox.kubeconfig);
    expect(kubeconfig.clusters).toEqual([{ cluster: { server: 'https://prod.example.com' }, name: 'prod' }]);
    expect(kubeconfig.contexts).toEqual([]);
    expect(kubeconfig['current-context']).toBe('');
  });

  it('has --help with examples for every command, and --version', async () => {
    const sandbox = await sandboxes.create();
    const help = await sandboxes.run(sandbox, ['--help']);
    expect(help.code).toBe(0);
    for (const command of ['start', 'stop', 'status', 'delete', 'kubeconfig']) {
      expect(help.stdout).toContain(`minik ${command}`);
      const commandHelp = await sandboxes.run(sandbox, [command, '--help']);
      expect(commandHelp.code).toBe(0);
      expect(commandHelp.stdout).toContain('Examples:');
    }
    const version = await sandboxes.run(sandbox, ['--version']);
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('rejects bad flags with a usage error', async () => {
    const sandbox = await sandboxes.create();
    const version = await sandboxes.run(sandbox, ['start', '--kubernetes-version', '1.33']);
    expect(version.code).toBe(14);
    expect(version.stderr).toContain('invalid --kubernetes-version "1.33": expected the form v1.x.y');
    const unknown = await sandboxes.run(sandbox, ['start', '--prot', '1']);
    expect(unknown.code).toBe(14);
    expect(unknown.stderr).toContain('Unknown argument: prot');
    const missing = await sandboxes.run(sandbox, ['kubeconfig']);
    expect(missing.code).toBe(83);
    expect(missing.stderr).toContain('minik is not running');
  });
});
