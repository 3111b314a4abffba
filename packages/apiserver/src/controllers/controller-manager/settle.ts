import type { Controller } from '../runtime/index.js';

/**
 * Resolves once every queue is idle at the same moment. Work queued by one controller's writes
 * into another's queue happens synchronously, so an all-idle moment (checked again after one
 * macrotask) means the cluster has converged until the clock moves.
 */
export async function settleQueues(queues: () => readonly Controller[], maxRounds = 100_000): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    const busy = queues().filter((q) => q.busy);
    if (busy.length > 0) {
      await Promise.all(busy.map((q) => q.idle()));
      continue;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (queues().every((q) => !q.busy)) return;
  }
  throw new Error(`minik: controllers did not settle after ${maxRounds} rounds`);
}
