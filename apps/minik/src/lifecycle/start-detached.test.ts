import type { StartOptions } from './start-options.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exitCodes } from '../exit-codes.js';
import { MinikError } from '../minik-error.js';
import { createMemoryOutput } from '../output.js';
import { createStateFile, resolveStatePaths, type ClusterState } from '../state/cluster-state.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { useTempDirs } from '../testing/temp-dir.js';
import type { DaemonSpec, ProcessExit } from './spawn-daemon.js';
import { startDetached, type DetachedDeps } from './start-detached.js';

const options: StartOptions = { nodes: 1, port: 0, host: '127.0.0.1', kubernetesVersion: 'v1.33.1', speed: 'fast', faults: [] };
const never = new Promise<ProcessExit>(() => {});

function stateOf(pid: number): ClusterState {
  return {
    pid,
    url: 'http://127.0.0.1:40000',
    host: '127.0.0.1',
    port: 40000,
    nodes: 1,
    kubernetesVersion: 'v1.33.1',
    startedAt: '2025-01-01T00:00:00.000Z',
  };
}

/** What the fake daemon does once spawned: write its state and/or log, and maybe exit. */
interface DaemonScript {
  writesState?: boolean;
  log?: string;
  exit?: ProcessExit;
}

describe('startDetached', () => {
  const tempDir = useTempDirs();

  async function setup(script: DaemonScript) {
    const dir = await tempDir();
    const env = { MINIK_HOME: `${dir}/home`, KUBECONFIG: `${dir}/kube/config` };
    const paths = resolveStatePaths(env, '/unused');
    const output = createMemoryOutput();
    const spawned: DaemonSpec[] = [];
    const killed: string[] = [];
    const clock = createFakeClock();
    const deps: DetachedDeps = {
      output,
      env,
      homeDir: '/unused',
      execPath: '/usr/bin/node',
      cliEntry: '/opt/minik/bin/minik.cjs',
      ...clock,
      isMinikProcess: async () => true,
      probeReady: async (url) => url === 'http://127.0.0.1:40000',
      assertCanListen: async () => {},
      spawnDaemon: async (spec) => {
        spawned.push(spec);
        await writeFile(spec.logFile, script.log ?? '');
        if (script.writesState) await createStateFile(paths, stateOf(99));
        return {
          pid: 99,
          exited: script.exit ? Promise.resolve(script.exit) : never,
          kill: (s) => void killed.push(s),
        };
      },
    };
    return { env, paths, output, deps, spawned, killed };
  }

  it('spawns "start --foreground", waits until ready, then configures kubectl', async () => {
    const { env, paths, output, deps, spawned } = await setup({ writesState: true });
    expect(await startDetached(options, deps)).toBe(0);
    expect(spawned).toEqual([
      {
        command: '/usr/bin/node',
        args: [
          '/opt/minik/bin/minik.cjs',
          'start',
          '--foreground',
          '--nodes',
          '1',
          '--port',
          '0',
          '--host',
          '127.0.0.1',
          '--kubernetes-version',
          'v1.33.1',
          '--log-file',
          paths.logFile,
        ],
        logFile: paths.logFile,
        cwd: paths.home,
        env,
      },
    ]);
    const kubeconfig = parse(await readFile(env.KUBECONFIG, 'utf8')) as {
      clusters: { cluster: { server: string } }[];
    };
    expect(kubeconfig.clusters[0]?.cluster.server).toBe('http://127.0.0.1:40000');
    expect(output.stdout()).toContain('🔗  API server: http://127.0.0.1:40000\n');
  });

  it('passes on the error the cluster process reported, with its exit code and log tail', async () => {
    const log = '❌  Exiting due to port 6443 is already in use on 127.0.0.1: choose another with --port\n';
    const { deps, paths } = await setup({ log, exit: { code: exitCodes.hostConflict, signal: null } });
    const error = await startDetached({ ...options, port: 6443 }, deps).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MinikError);
    expect(error).toMatchObject({
      message: 'port 6443 is already in use on 127.0.0.1: choose another with --port',
      exitCode: exitCodes.hostConflict,
      details: [`📄  Last lines of ${paths.logFile}:`, `    ${log.trim()}`],
    });
  });

  it('reports a crash of the cluster process with its log tail', async () => {
    const log = '❌  Exiting due to an unexpected error:\n    TypeError: boom\n';
    const { deps } = await setup({ log, exit: { code: 1, signal: null } });
    await expect(startDetached(options, deps)).rejects.toMatchObject({
      message: 'the cluster process exited with code 1 before it was ready',
      exitCode: exitCodes.controlPlaneError,
      details: expect.arrayContaining(['        TypeError: boom']),
    });
  });

  it('gives up after 10 s and stops the process', async () => {
    const { deps, killed } = await setup({ log: 'starting\n' });
    await expect(startDetached(options, deps)).rejects.toMatchObject({
      message: 'the API server was not ready within 10s',
      exitCode: exitCodes.controlPlaneTimeout,
    });
    expect(killed).toEqual(['SIGTERM']);
  });

  it('refuses to start a second cluster, and checks the port before spawning', async () => {
    const running = await setup({});
    await createStateFile(running.paths, { ...stateOf(7), url: 'http://127.0.0.1:6443' });
    await expect(startDetached(options, running.deps)).rejects.toMatchObject({
      message: 'minik is already running at http://127.0.0.1:6443 (pid 7)',
      exitCode: exitCodes.programConflict,
    });
    expect(running.spawned).toEqual([]);

    const busy = await setup({});
    const portError = new MinikError('port 6443 is busy', exitCodes.hostConflict);
    await expect(
      startDetached(
        { ...options, port: 6443 },
        { ...busy.deps, assertCanListen: () => Promise.reject(portError) },
      ),
    ).rejects.toBe(portError);
    expect(busy.spawned).toEqual([]);
  });

  it('fails on an unreadable kubeconfig before spawning', async () => {
    const { env, deps, spawned } = await setup({ writesState: true });
    await mkdir(`${env.MINIK_HOME}/../kube`, { recursive: true });
    await writeFile(env.KUBECONFIG, '- not a kubeconfig\n');
    await expect(startDetached(options, deps)).rejects.toMatchObject({ exitCode: exitCodes.programConfig });
    expect(spawned).toEqual([]);
  });
});
