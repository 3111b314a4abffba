import { describe, expect, it } from 'vitest';
import { mergeKubeconfig, updateKubeconfigFile } from '../kubeconfig/merge-kubeconfig.js';
import { createMemoryOutput } from '../output.js';
import { kubeconfigEntry } from '../profile.js';
import { createStateFile, resolveStatePaths, type ClusterState } from '../state/cluster-state.js';
import { createFakeClock } from '../testing/fake-clock.js';
import { useTempDirs } from '../testing/temp-dir.js';
import { formatUptime, showStatus } from './show-status.js';

const clock = createFakeClock(Date.parse('2025-01-01T01:02:03Z'));
const state: ClusterState = {
  pid: 4242,
  url: 'http://127.0.0.1:6443',
  host: '127.0.0.1',
  port: 6443,
  nodes: 3,
  kubernetesVersion: 'v1.33.1',
  startedAt: '2025-01-01T00:00:00.000Z',
};

describe('showStatus', () => {
  const tempDir = useTempDirs();

  async function setup(options: { running: boolean; kubeconfigUrl?: string; ready?: boolean; liveNodes?: number }) {
    const dir = await tempDir();
    const env = { MINIK_HOME: dir, KUBECONFIG: `${dir}/kubeconfig` };
    if (options.running) await createStateFile(resolveStatePaths(env, '/unused'), state);
    const { kubeconfigUrl } = options;
    if (kubeconfigUrl) {
      await updateKubeconfigFile(env.KUBECONFIG, (text) =>
        mergeKubeconfig(text, kubeconfigEntry(kubeconfigUrl)),
      );
    }
    const output = createMemoryOutput();
    const code = await showStatus({
      output,
      env,
      homeDir: '/unused',
      now: clock.now,
      isMinikProcess: async () => true,
      probeReady: async () => options.ready ?? true,
      ...(options.liveNodes === undefined ? {} : { countNodes: async () => options.liveNodes }),
    });
    return { code, output };
  }

  it('prints minikube-like lines, the URL, nodes and uptime, and exits 0 when running', async () => {
    const { code, output } = await setup({ running: true, kubeconfigUrl: state.url });
    expect(code).toBe(0);
    expect(output.stdout()).toBe(
      [
        'minik',
        'type: Control Plane',
        'host: Running',
        'apiserver: Running',
        'kubeconfig: Configured',
        'url: http://127.0.0.1:6443',
        'nodes: 3',
        'kubernetes: v1.33.1',
        'uptime: 1h2m',
        '',
      ].join('\n'),
    );
  });

  it('counts the nodes the running cluster has now, after minik node add/delete', async () => {
    const { output } = await setup({ running: true, kubeconfigUrl: state.url, liveNodes: 4 });
    expect(output.stdout()).toContain('nodes: 4\n');
  });

  it('exits 7 when stopped, as minikube does', async () => {
    const { code, output } = await setup({ running: false });
    expect(code).toBe(7);
    expect(output.stdout()).toBe(
      'minik\ntype: Control Plane\nhost: Stopped\napiserver: Stopped\nkubeconfig: Stopped\n',
    );
  });

  it('flags an API server that does not answer and a kubeconfig pointing elsewhere', async () => {
    const down = await setup({ running: true, kubeconfigUrl: state.url, ready: false });
    expect(down.code).toBe(2);
    expect(down.output.stdout()).toContain('apiserver: Stopped');
    const misconfigured = await setup({ running: true, kubeconfigUrl: 'http://127.0.0.1:1' });
    expect(misconfigured.code).toBe(4);
    expect(misconfigured.output.stdout()).toContain('kubeconfig: Misconfigured');
    expect(misconfigured.output.stderr()).toContain('does not point at http://127.0.0.1:6443');
  });
});

describe('formatUptime', () => {
  it('prints ages the way kubectl does', () => {
    expect(formatUptime(42_000)).toBe('42s');
    expect(formatUptime(303_000)).toBe('5m3s');
    expect(formatUptime(7_500_000)).toBe('2h5m');
    expect(formatUptime(273_600_000)).toBe('3d4h');
    expect(formatUptime(-5)).toBe('0s');
  });
});
