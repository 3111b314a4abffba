import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeKubeconfig } from '../kubeconfig/merge-kubeconfig.js';
import { createMemoryOutput } from '../output.js';
import { kubeconfigEntry } from '../profile.js';
import { createStateFile, resolveStatePaths } from '../state/cluster-state.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { useTempDirs } from '../testing/temp-dir.js';
import { deleteCluster } from './delete-cluster.js';

const other = 'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://prod\n  name: prod\n';

describe('deleteCluster', () => {
  const tempDir = useTempDirs();

  it('stops the cluster, removes its files and its kubeconfig entries only', async () => {
    const dir = await tempDir();
    const env = { MINIK_HOME: join(dir, 'home'), KUBECONFIG: join(dir, 'config') };
    const paths = resolveStatePaths(env, '/unused');
    await createStateFile(paths, {
      pid: 4242,
      url: 'http://127.0.0.1:6443',
      host: '127.0.0.1',
      port: 6443,
      nodes: 1,
      kubernetesVersion: 'v1.33.1',
      startedAt: '2025-01-01T00:00:00.000Z',
    });
    await writeFile(paths.logFile, 'log\n');
    await writeFile(env.KUBECONFIG, mergeKubeconfig(other, kubeconfigEntry('http://127.0.0.1:6443')));
    const alive = new Set([4242]);
    const output = createMemoryOutput();

    expect(
      await deleteCluster({
        output,
        env,
        homeDir: '/unused',
        ...createFakeClock(),
        isMinikProcess: async (pid) => alive.has(pid),
        kill: (pid) => void alive.delete(pid),
      }),
    ).toBe(0);

    expect(alive.size).toBe(0);
    expect(await readdir(dir)).toEqual(['config']);
    expect(parse(await readFile(env.KUBECONFIG, 'utf8'))).toEqual({
      ...(parse(other) as object),
      contexts: [],
      users: [],
      'current-context': '',
    });
    expect(output.stdout()).toBe(
      [
        '🔥  Deleting "minik" …',
        '✋  Stopping "minik" …',
        '🛑  1 node stopped.',
        '💀  Removed all traces of the "minik" cluster.',
        '',
      ].join('\n'),
    );
  });

  it('keeps files it did not write, and works when nothing exists', async () => {
    const dir = await tempDir();
    const env = { MINIK_HOME: dir, KUBECONFIG: join(dir, 'missing', 'config') };
    await mkdir(join(dir, 'keep'));
    const output = createMemoryOutput();
    const deps = {
      output,
      env,
      homeDir: '/unused',
      ...createFakeClock(),
      isMinikProcess: async () => false,
      kill: () => {},
    };
    expect(await deleteCluster(deps)).toBe(0);
    expect(await readdir(dir)).toEqual(['keep']);
  });
});
