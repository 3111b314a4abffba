import { startCluster, type Cluster } from '@minik/apiserver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MinikError } from '../minik-error.js';
import { createMemoryOutput } from '../output.js';
import { createStateFile, resolveStatePaths } from '../state/cluster-state.js';
import { useTempDirs } from '../testing/temp-dir.js';
import { manageNodes, type NodeAction } from './manage-nodes.js';

describe('minik node', () => {
  const tempDir = useTempDirs();
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster({ port: 0, nodes: 2 });
  });
  afterAll(async () => {
    await cluster.stop();
  });

  async function node(action: NodeAction, name?: string, running = true) {
    const dir = await tempDir();
    const env = { MINIK_HOME: dir };
    const url = new URL(cluster.url);
    if (running) {
      await createStateFile(resolveStatePaths(env, '/unused'), {
        pid: 4242,
        url: cluster.url,
        host: url.hostname,
        port: Number(url.port),
        nodes: 2,
        kubernetesVersion: 'v1.33.1',
        startedAt: '2025-01-01T00:00:00.000Z',
      });
    }
    const output = createMemoryOutput();
    const code = await manageNodes(action, name, { output, env, homeDir: '/unused', isMinikProcess: async () => true, fetch });
    return { code, stdout: output.stdout() };
  }

  it('list prints name and InternalIP per node, as minikube node list', async () => {
    expect(await node('list')).toEqual({ code: 0, stdout: 'minik\t192.168.49.2\nminik-m02\t192.168.49.3\n' });
  });

  it('add adds the next worker', async () => {
    expect((await node('add')).stdout).toBe('😄  Adding node m03 to cluster minik as [worker]\n🏄  Successfully added m03 to minik!\n');
    expect(cluster.nodes.list().map((n) => n.name)).toEqual(['minik', 'minik-m02', 'minik-m03']);
  });

  it('stop and start a node by its full or short name', async () => {
    expect((await node('stop', 'minik-m02')).stdout).toBe('✋  Stopping node "minik-m02"  ...\n🛑  Successfully stopped node minik-m02\n');
    expect(cluster.nodes.list().find((n) => n.name === 'minik-m02')?.running).toBe(false);
    expect((await node('start', 'm02')).stdout).toBe('👍  Starting "minik-m02" worker node in "minik" cluster\n😄  Successfully started node minik-m02!\n');
    expect(cluster.nodes.list().find((n) => n.name === 'minik-m02')?.running).toBe(true);
  });

  it('delete removes a worker; the control plane and unknown nodes are refused', async () => {
    expect((await node('delete', 'minik-m03')).stdout).toBe('🔥  Deleting node minik-m03 from cluster minik\n💀  Node minik-m03 was successfully deleted.\n');
    await expect(node('delete', 'minik')).rejects.toThrow('cannot delete the control-plane node "minik"');
    await expect(node('stop', 'minik-m09')).rejects.toMatchObject({ exitCode: 85, message: 'retrieving node: Could not find node minik-m09' });
  });

  it('needs a running cluster', async () => {
    const error = await node('list', undefined, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MinikError);
    expect(error).toMatchObject({ exitCode: 83, message: 'minik is not running' });
  });
});
