import type { FilterPlugin, ScorePlugin } from '../framework.js';
import { maxNodeScore, unschedulable } from '../framework.js';
import { podRequests, type NodeInfo } from '../node-info.js';

/**
 * NodeResourcesFit (filter): the pod's requests fit what the node's pods leave of its
 * allocatable, and the node has room for one more pod. Every shortage is a reason of its own.
 */
export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, node) {
    const want = podRequests(pod);
    const tooMany = node.freePods < 1;
    const cpu = want.milliCPU > 0 && want.milliCPU > node.freeMilliCPU;
    const memory = want.memory > 0 && want.memory > node.freeMemory;
    const storage = want.ephemeralStorage > 0 && want.ephemeralStorage > node.freeEphemeralStorage;
    let scalarShort = false;
    for (const name in want.scalar) {
      const amount = want.scalar[name]!;
      if (amount > 0 && amount > (node.allocatable.scalar[name] ?? 0) - (node.requested.scalar[name] ?? 0)) scalarShort = true;
    }
    // Most nodes fit: no reasons list is built for them (this runs for hundreds of nodes per pod).
    if (!tooMany && !cpu && !memory && !storage && !scalarShort) return undefined;
    const reasons: string[] = [];
    if (tooMany) reasons.push('Too many pods');
    if (cpu) reasons.push('Insufficient cpu');
    if (memory) reasons.push('Insufficient memory');
    if (storage) reasons.push('Insufficient ephemeral-storage');
    for (const [name, amount] of Object.entries(want.scalar)) {
      if (amount > 0 && amount > (node.allocatable.scalar[name] ?? 0) - (node.requested.scalar[name] ?? 0)) reasons.push(`Insufficient ${name}`);
    }
    return unschedulable(...reasons);
  },
};

/** CPU and memory of a node as fractions requested, counting the pod being placed (non-zero requests). */
function fractions(pod: Parameters<FilterPlugin['filter']>[0], node: NodeInfo): { cpu: number; memory: number } {
  const want = podRequests(pod, true);
  const cpu = node.allocatableMilliCPU > 0 ? (node.nonZeroMilliCPU + want.milliCPU) / node.allocatableMilliCPU : 1;
  const memory = node.allocatableMemory > 0 ? (node.nonZeroMemory + want.memory) / node.allocatableMemory : 1;
  return { cpu, memory };
}

/** NodeResourcesFit (score, LeastAllocated): the emptier the node after placing the pod, the higher. */
export const leastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(pod, node) {
    const want = podRequests(pod, true);
    // leastRequestedScore, in integers as upstream: ((capacity - requested) * 100) / capacity.
    const free = (requested: number, capacity: number): number => (capacity === 0 || requested > capacity ? 0 : Math.floor(((capacity - requested) * maxNodeScore) / capacity));
    const cpu = free(node.nonZeroMilliCPU + want.milliCPU, node.allocatableMilliCPU);
    const memory = free(node.nonZeroMemory + want.memory, node.allocatableMemory);
    return Math.floor((cpu + memory) / 2);
  },
};

/** NodeResourcesBalancedAllocation: CPU and memory used in similar proportions score higher. */
export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(pod, node) {
    const { cpu, memory } = fractions(pod, node);
    const a = Math.min(cpu, 1);
    const b = Math.min(memory, 1);
    // The standard deviation of the two fractions is |a - b| / 2.
    return Math.floor((1 - Math.abs(a - b) / 2) * maxNodeScore);
  },
};
