import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dir.js';
import {
  createStateFile,
  readRunningState,
  readStateFile,
  removeStateFile,
  resolveStatePaths,
  type ClusterState,
} from './cluster-state.js';

const state: ClusterState = {
  pid: 4242,
  url: 'http://127.0.0.1:6443',
  host: '127.0.0.1',
  port: 6443,
  nodes: 1,
  kubernetesVersion: 'v1.33.1',
  startedAt: '2025-01-01T00:00:00.000Z',
  logFile: '/tmp/cluster.log',
};

const alive = async (): Promise<boolean> => true;
const gone = async (): Promise<boolean> => false;

describe('cluster state', () => {
  const tempDir = useTempDirs();

  it('lives under $MINIK_HOME, default ~/.minik', () => {
    expect(resolveStatePaths({}, '/home/me').stateFile).toBe(join('/home/me', '.minik', 'cluster.json'));
    expect(resolveStatePaths({ MINIK_HOME: '/x' }, '/home/me')).toEqual({
      home: '/x',
      stateFile: join('/x', 'cluster.json'),
      logFile: join('/x', 'cluster.log'),
    });
  });

  it('records a cluster once, creating the directory', async () => {
    const paths = resolveStatePaths({ MINIK_HOME: join(await tempDir(), 'home') }, '/unused');
    expect(await createStateFile(paths, state)).toBe(true);
    expect(JSON.parse(await readFile(paths.stateFile, 'utf8'))).toEqual(state);
    expect(await createStateFile(paths, { ...state, pid: 1 })).toBe(false);
    expect(await readRunningState(paths, alive)).toEqual(state);
    expect(await readdir(paths.home)).toEqual(['cluster.json']);
  });

  it('detects and removes the state of a process that is gone', async () => {
    const paths = resolveStatePaths({ MINIK_HOME: await tempDir() }, '/unused');
    await createStateFile(paths, state);
    const checked: number[] = [];
    const running = await readRunningState(paths, async (pid) => {
      checked.push(pid);
      return gone();
    });
    expect(running).toBeUndefined();
    expect(checked).toEqual([4242]);
    expect(await readStateFile(paths)).toEqual({ kind: 'missing' });
    expect(await createStateFile(paths, state)).toBe(true);
  });

  it('removes an unreadable state file', async () => {
    const paths = resolveStatePaths({ MINIK_HOME: await tempDir() }, '/unused');
    await mkdir(paths.home, { recursive: true });
    await writeFile(paths.stateFile, '{"pid": 12');
    expect(await readStateFile(paths)).toEqual({ kind: 'corrupt' });
    expect(await readRunningState(paths, alive)).toBeUndefined();
    expect(await readStateFile(paths)).toEqual({ kind: 'missing' });
  });

  it('removes the state only for the process it describes', async () => {
    const paths = resolveStatePaths({ MINIK_HOME: await tempDir() }, '/unused');
    await createStateFile(paths, state);
    await removeStateFile(paths, 1);
    expect(await readStateFile(paths)).toEqual({ kind: 'present', state });
    await removeStateFile(paths, 4242);
    expect(await readStateFile(paths)).toEqual({ kind: 'missing' });
    await removeStateFile(paths, 4242);
  });
});
