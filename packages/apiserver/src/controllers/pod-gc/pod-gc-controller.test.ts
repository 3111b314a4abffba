import { afterEach, describe, expect, it } from 'vitest';
import { kinds } from '../shared/kinds.js';
import type { PodObject } from '../shared/object-types.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { PodGCController } from './pod-gc-controller.js';

describe('pod garbage collector', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const pod = (name: string, nodeName?: string): void => {
    t.client.create(kinds.pod, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] } });
  };
  const names = (): string[] => t.client.list(kinds.pod, 'default').map((p) => p.metadata.name!);

  it('deletes pods bound to a node that stays gone for the quarantine time', async () => {
    t = testCluster({ nodes: 2 });
    const watched: string[] = [];
    t.client.watch(kinds.pod, (e) => {
      const p = e.stored.object as PodObject;
      if (e.type === 'MODIFIED') watched.push(`${p.status?.phase} ${p.status?.conditions?.find((c) => c.type === 'DisruptionTarget')?.reason}`);
    });
    t.start(new PodGCController(t.ctx));
    pod('on-m02', 'minik-m02');
    runPod(t, 'default', 'on-m02');
    pod('on-minik', 'minik');
    t.client.delete(kinds.node, '', 'minik-m02');
    await t.advance(500);
    expect(names()).toEqual(['on-m02', 'on-minik']);
    await t.advance(1_000);
    expect(names()).toEqual(['on-minik']);
    expect(watched.at(-1)).toBe('Failed DeletionByPodGC');
  });

  it('keeps at most terminatedPodGCThreshold finished pods, deleting the oldest', async () => {
    t = testCluster({ timing: { terminatedPodGCThreshold: 2 } });
    for (const name of ['a', 'b', 'c']) {
      pod(name);
      const p = t.client.get<PodObject>(kinds.pod, 'default', name)!;
      t.client.updateStatus(kinds.pod, { ...structuredClone(p), status: { ...p.status, phase: 'Succeeded' } } as PodObject);
      t.clock.advance(1000);
    }
    t.start(new PodGCController(t.ctx));
    await t.settle();
    expect(names()).toEqual(['b', 'c']);
  });
});
