import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '@minik/apiserver';

describe('idle keep-alive connections', () => {
  let cluster: Cluster;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  beforeAll(async () => {
    cluster = await startCluster({ port: 0, controllers: false, simulation: false });
  });
  afterAll(async () => {
    agent.destroy();
    await cluster.stop();
  });

  function get(path: string): Promise<{ status: number; keepAlive: string; reusedSocket: boolean }> {
    return new Promise((resolve, reject) => {
      const req = request(`${cluster.url}${path}`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, keepAlive: String(res.headers['keep-alive']), reusedSocket: req.reusedSocket }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('stay open as long as kube-apiserver keeps them (90 s), not the 5 s Node defaults to', async () => {
    const first = await get('/version');
    expect(first).toEqual({ status: 200, keepAlive: 'timeout=90', reusedSocket: false });
    // Past Node's default: the server would have closed the connection (and Node's agent, which
    // reads the hint, dropped it a second earlier).
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const second = await get('/api/v1/namespaces/default/pods');
    expect(second).toEqual({ status: 200, keepAlive: 'timeout=90', reusedSocket: true });
  }, 15_000);
});
