import type { KubeObject } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { testApi } from '../kubelet/test-api.js';
import { ManualClock } from '../util/manual-clock.js';
import type { FilterPlugin } from './framework.js';
import { defaultFilters, numFeasibleNodesToFind, Scheduler } from './scheduler.js';
import { testNode, testPod } from './test-objects.js';

const podRef = { apiVersion: 'v1', kind: 'Pod' };
const nodeRef = { apiVersion: 'v1', kind: 'Node' };

describe('numFeasibleNodesToFind (percentageOfNodesToScore unset)', () => {
  it('takes every node below 100, then 50% less 1% per 125 nodes, at least 5% and at least 100 nodes', () => {
    expect([1, 50, 99, 100, 150, 1_000, 5_000, 6_000, 20_000].map(numFeasibleNodesToFind)).toEqual([1, 50, 99, 100, 100, 420, 500, 300, 1_000]);
  });
});

describe('node sampling', () => {
  function setup(nodes: number) {
    const api = testApi(new ManualClock('2024-01-01T00:00:00Z'), { nodes: 1 });
    for (let i = 1; i < nodes; i++) api.client.create(nodeRef, testNode(`node-${String(i).padStart(3, '0')}`) as KubeObject);
    const seen: string[][] = [];
    let cycle: string[] = [];
    const spy: FilterPlugin = {
      name: 'Spy',
      filter: (_pod, node) => {
        cycle.push(node.name);
        return undefined;
      },
    };
    const scheduler = new Scheduler({ client: api.client, clock: new ManualClock('2024-01-01T00:00:00Z'), filters: [spy, ...defaultFilters] });
    const schedule = (name: string): string => {
      cycle = [];
      const result = scheduler.schedule(testPod(name));
      seen.push(cycle);
      return 'node' in result ? result.node : result.unschedulable;
    };
    return { api, scheduler, schedule, seen };
  }

  it('looks at every node, from the first in name order, in clusters under 100 nodes', () => {
    const { schedule, seen } = setup(99);
    schedule('a');
    schedule('b');
    expect(seen[0]).toHaveLength(99);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[0]![0]).toBe('minik');
  });

  it('stops at numFeasibleNodesToFind feasible nodes and starts the next cycle where the last stopped', () => {
    const { schedule, seen, scheduler } = setup(250);
    scheduler.start();
    schedule('a');
    schedule('b');
    schedule('c');
    // 250 nodes: 48% is 120 nodes.
    expect(seen.map((s) => s.length)).toEqual([120, 120, 120]);
    // Name order puts minik first; cycle 2 starts at node-120, cycle 3 at node-240 and wraps round.
    expect([seen[0]![0], seen[1]![0], seen[2]![0]]).toEqual(['minik', 'node-120', 'node-240']);
    expect(seen[2]!.slice(9, 12)).toEqual(['node-249', 'minik', 'node-001']);
    scheduler.stop();
  });

  it('still looks at every node when none fits, and names them all in the FitError', () => {
    const { scheduler } = setup(150);
    const unfit = scheduler.schedule(testPod('huge', { cpu: '64' }));
    expect(unfit).toEqual({ unschedulable: '0/150 nodes are available: 150 Insufficient cpu. preemption: 0/150 nodes are available: 150 No preemption victims found for incoming pod.' });
  });
});
