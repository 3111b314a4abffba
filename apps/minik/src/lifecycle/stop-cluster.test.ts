import { describe, expect, it } from 'vitest';
import { createMemoryOutput } from '../output.js';
import {
  createStateFile,
  readStateFile,
  resolveStatePaths,
  type ClusterState,
} from '../state/cluster-state.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { useTempDirs } from '../testing/temp-dir.js';
import { stopCluster, type StopDeps } from './stop-cluster.js';

const state: ClusterState = {
  pid: 4242,
  url: 'http://127.0.0.1:6443',
  host: '127.0.0.1',
  port: 6443,
  nodes: 2,
  kubernetesVersion: 'v1.33.1',
  startedAt: '2025-01-01T00:00:00.000Z',
};

/** Processes that exit on SIGTERM unless stubborn; every process exits on SIGKILL. */
function fakeProcesses(options: { stubborn?: boolean } = {}) {
  const alive = new Set<number>([state.pid]);
  const signals: string[] = [];
  return {
    signals,
    isMinikProcess: async (pid: number) => alive.has(pid),
    kill: (pid: number, signal: NodeJS.Signals) => {
      signals.push(signal);
      if (signal === 'SIGKILL' || !options.stubborn) alive.delete(pid);
    },
  };
}

describe('stopCluster', () => {
  const tempDir = useTempDirs();

  async function setup(processes: ReturnType<typeof fakeProcesses>, withState = true) {
    const env = { MINIK_HOME: await tempDir() };
    const paths = resolveStatePaths(env, '/unused');
    if (withState) await createStateFile(paths, state);
    const output = createMemoryOutput();
    const clock = createFakeClock();
    const deps: StopDeps = { output, env, homeDir: '/unused', ...clock, ...processes };
    return { deps, output, paths };
  }

  it('sends SIGTERM, waits for the exit and removes the state', async () => {
    const processes = fakeProcesses();
    const { deps, output, paths } = await setup(processes);
    expect(await stopCluster(deps)).toBe(0);
    expect(processes.signals).toEqual(['SIGTERM']);
    expect(output.stdout()).toBe('✋  Stopping "minik" …\n🛑  2 nodes stopped.\n');
    expect(await readStateFile(paths)).toEqual({ kind: 'missing' });
  });

  it('sends SIGKILL when the process ignores SIGTERM', async () => {
    const processes = fakeProcesses({ stubborn: true });
    const { deps, output, paths } = await setup(processes);
    expect(await stopCluster(deps)).toBe(0);
    expect(processes.signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(output.stderr()).toContain('did not stop within 10s (pid 4242); killing it');
    expect(await readStateFile(paths)).toEqual({ kind: 'missing' });
  });

  it('says so and exits 0 when nothing runs', async () => {
    const processes = fakeProcesses();
    const { deps, output } = await setup(processes, false);
    expect(await stopCluster(deps)).toBe(0);
    expect(output.stdout()).toBe('🤷  minik is not running\n');
    expect(processes.signals).toEqual([]);
  });

  it('cleans the state of a process that is gone without signalling anything', async () => {
    const processes = fakeProcesses();
    const { deps, output, paths } = await setup(processes);
    processes.kill(state.pid, 'SIGKILL');
    processes.signals.length = 0;
    expect(await stopCluster(deps)).toBe(0);
    expect(output.stdout()).toBe('🤷  minik is not running\n');
    expect(processes.signals).toEqual([]);
    expect(await readStateFile(paths)).toEqual({ kind: 'missing' });
  });
});
