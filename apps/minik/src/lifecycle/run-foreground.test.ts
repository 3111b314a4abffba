import type { StartOptions } from './start-options.js';
import type { Cluster, ClusterOptions } from '@minik/apiserver';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exitCodes } from '../exit-codes.js';
import { MinikError } from '../minik-error.js';
import { createMemoryOutput } from '../output.js';
import {
  createStateFile,
  readStateFile,
  resolveStatePaths,
  type ClusterState,
  type StateFile,
} from '../state/cluster-state.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { useTempDirs } from '../testing/temp-dir.js';
import { runForeground, type ForegroundDeps } from './run-foreground.js';
import type { ShutdownListener } from './shutdown-signals.js';

const options: StartOptions = { nodes: 2, port: 0, host: '127.0.0.1', kubernetesVersion: 'v1.32.0', speed: 'fast', faults: [] };

/** A cluster that records what was on disk while it ran, checked when it is stopped. */
function fakeCluster(env: { MINIK_HOME: string; KUBECONFIG: string }) {
  const seen: { started?: ClusterOptions; stateWhileRunning?: StateFile; stopped: number } = { stopped: 0 };
  const startCluster = async (clusterOptions: ClusterOptions): Promise<Cluster> => {
    seen.started = clusterOptions;
    return {
      url: 'http://127.0.0.1:41234',
      stop: async () => {
        seen.stateWhileRunning ??= await readStateFile(resolveStatePaths(env, '/unused'));
        seen.stopped += 1;
      },
    } as Cluster;
  };
  return { seen, startCluster };
}

function shutdownOn(signal: NodeJS.Signals): ShutdownListener {
  return { received: Promise.resolve(signal), dispose: () => {} };
}

describe('runForeground', () => {
  const tempDir = useTempDirs();

  async function setup() {
    const dir = await tempDir();
    const env = { MINIK_HOME: `${dir}/home`, KUBECONFIG: `${dir}/kube/config` };
    const output = createMemoryOutput();
    const cluster = fakeCluster(env);
    const deps: ForegroundDeps = {
      output,
      env,
      homeDir: '/unused',
      pid: 4242,
      now: createFakeClock().now,
      startCluster: cluster.startCluster,
      isMinikProcess: async () => true,
      shutdown: shutdownOn('SIGTERM'),
    };
    return { env, output, deps, seen: cluster.seen, paths: resolveStatePaths(env, '/unused') };
  }

  it('records its state and configures kubectl while running, then stops cleanly on a signal', async () => {
    const { env, output, deps, seen, paths } = await setup();
    expect(await runForeground(options, deps)).toBe(0);
    expect(seen.started).toEqual({ host: '127.0.0.1', port: 0, nodes: 2, kubernetesVersion: 'v1.32.0', speed: 'fast' });
    expect(seen.stateWhileRunning).toEqual({
      kind: 'present',
      state: {
        pid: 4242,
        url: 'http://127.0.0.1:41234',
        host: '127.0.0.1',
        port: 41234,
        nodes: 2,
        kubernetesVersion: 'v1.32.0',
        startedAt: '2025-01-01T00:00:00.000Z',
      },
    });
    expect(seen.stopped).toBe(1);
    expect(await readStateFile(paths)).toEqual({ kind: 'missing' });
    // Like minikube stop, stopping leaves the context in place.
    const kubeconfig = parse(await readFile(env.KUBECONFIG, 'utf8')) as Record<string, unknown>;
    expect(kubeconfig['current-context']).toBe('minik');
    expect(output.stdout()).toBe(
      [
        '😄  minik v0.1.0 (simulated Kubernetes v1.32.0)',
        '✨  Started 2 nodes: minik, minik-m02',
        '🔗  API server: http://127.0.0.1:41234',
        '🏄  Done! kubectl is now configured to use "minik" cluster and "default" namespace by default',
        '⏳  Running in the foreground (pid 4242); press Ctrl+C to stop.',
        '✋  Received SIGTERM, stopping "minik" …',
        '🛑  2 nodes stopped.',
        '',
      ].join('\n'),
    );
  });

  it('as the detached process, logs with timestamps and leaves the kubeconfig to its parent', async () => {
    const { env, output, deps, seen } = await setup();
    expect(await runForeground({ ...options, logFile: '/h/cluster.log' }, deps)).toBe(0);
    expect(seen.stateWhileRunning).toMatchObject({ state: { logFile: '/h/cluster.log' } });
    await expect(readFile(env.KUBECONFIG)).rejects.toThrow(/ENOENT/);
    expect(output.stdout()).toBe(
      [
        '2025-01-01T00:00:00.000Z 🚀  API server listening on http://127.0.0.1:41234 with 2 nodes (pid 4242)',
        '2025-01-01T00:00:00.000Z ✋  Received SIGTERM, stopping "minik" …',
        '2025-01-01T00:00:00.000Z 🛑  2 nodes stopped.',
        '',
      ].join('\n'),
    );
  });

  it('names the port when it is busy', async () => {
    const { deps, paths } = await setup();
    const busy = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    const error = await runForeground(
      { ...options, port: 6443 },
      { ...deps, startCluster: () => Promise.reject(busy) },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MinikError);
    expect(error).toMatchObject({
      message: 'port 6443 is already in use on 127.0.0.1: choose another with --port',
      exitCode: exitCodes.hostConflict,
    });
    expect(await readStateFile(paths)).toEqual({ kind: 'missing' });
  });

  it('refuses to start a second cluster', async () => {
    const { deps, seen, paths } = await setup();
    const other = { ...stateOf(4000), url: 'http://127.0.0.1:6443' };
    await createStateFile(paths, other);
    await expect(runForeground(options, deps)).rejects.toMatchObject({
      message: 'minik is already running at http://127.0.0.1:6443 (pid 4000)',
      exitCode: exitCodes.programConflict,
    });
    expect(seen.started).toBeUndefined();
    expect(await readStateFile(paths)).toEqual({ kind: 'present', state: other });
  });

  it('stops its cluster again when another one recorded itself meanwhile', async () => {
    const { deps, paths } = await setup();
    const other = stateOf(4000);
    let stopped = 0;
    const error = await runForeground(options, {
      ...deps,
      // The other process writes its state between our check and ours.
      startCluster: async () => {
        await createStateFile(paths, other);
        return { url: 'http://127.0.0.1:41234', stop: async () => void (stopped += 1) } as Cluster;
      },
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      exitCode: exitCodes.programConflict,
      message: expect.stringContaining('pid 4000'),
    });
    expect(stopped).toBe(1);
    expect(await readStateFile(paths)).toEqual({ kind: 'present', state: other });
  });

  it('fails on an unreadable kubeconfig before starting anything', async () => {
    const { env, deps, seen } = await setup();
    await mkdir(dirname(env.KUBECONFIG), { recursive: true });
    await writeFile(env.KUBECONFIG, 'clusters: [');
    await expect(runForeground(options, deps)).rejects.toMatchObject({ exitCode: exitCodes.programConfig });
    expect(seen.started).toBeUndefined();
  });
});

function stateOf(pid: number): ClusterState {
  return {
    pid,
    url: 'http://127.0.0.1:1',
    host: '127.0.0.1',
    port: 1,
    nodes: 1,
    kubernetesVersion: 'v1.33.1',
    startedAt: '2025-01-01T00:00:00.000Z',
  };
}
