// README example: a manual clock moves node heartbeats, the node grace period and pod eviction
// deterministically — no sleeps.
import { describe, expect, it } from 'vitest';
import { createCluster, type ManualClock } from '@minik/apiserver';

describe('advancing the clock past node eviction', () => {
  it('moves the pods of a stopped node to the healthy one', async () => {
    const cluster = createCluster({ nodes: 2, clock: 'manual', seed: 7 });
    const clock = cluster.clock as ManualClock;
    try {
      cluster.client.create(
        { apiVersion: 'apps/v1', kind: 'Deployment' },
        {
          metadata: { name: 'web', namespace: 'default' },
          spec: {
            replicas: 4,
            selector: { matchLabels: { app: 'web' } },
            template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
          },
        },
      );
      const tick = async (duration: string, times = 1): Promise<void> => {
        for (let i = 0; i < times; i++) {
          clock.advance(duration);
          await cluster.settle();
        }
      };
      await tick('1s', 3);
      const running = () =>
        cluster.client
          .list<{ metadata: { name?: string; deletionTimestamp?: string }; spec: { nodeName?: string }; status?: { phase?: string } }>({ apiVersion: 'v1', kind: 'Pod' }, 'default')
          .filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
      expect(new Set(running().map((p) => p.spec.nodeName))).toEqual(new Set(['minik', 'minik-m02']));

      cluster.nodes.stop('minik-m02');
      await tick('1s', 20); // past the node grace period and the pods' tolerationSeconds

      const node = cluster.client.get<{ metadata: object; status: { conditions: { type: string; status: string }[] } }>({ apiVersion: 'v1', kind: 'Node' }, '', 'minik-m02');
      expect(node?.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('Unknown');
      expect(running().map((p) => p.spec.nodeName)).toEqual(['minik', 'minik', 'minik', 'minik']);
    } finally {
      cluster.stop();
    }
  });
});
