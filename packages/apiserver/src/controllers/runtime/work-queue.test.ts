import { describe, expect, it } from 'vitest';
import { systemClock } from '../../util/clock.js';
import { Controller } from './work-queue.js';

/** Spins for a while: a reconcile that costs real CPU time. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('Controller work queue', () => {
  it('reconciles every queued key once, and lets other work in between slices of a long drain', async () => {
    const order: string[] = [];
    const controller = new Controller({ name: 'test', reconcile: (key) => { order.push(key); busy(3); } }, { clock: systemClock });
    controller.start();
    for (const key of ['a', 'b', 'c', 'a']) controller.enqueue(key);
    // Queued after the drain was scheduled: runs after the first slice, before the drain is done.
    setImmediate(() => order.push('io'));
    await controller.idle();
    expect(order.filter((k) => k !== 'io')).toEqual(['a', 'b', 'c']);
    expect(order.indexOf('io')).toBeGreaterThan(0);
    expect(order.indexOf('io')).toBeLessThan(3);
    controller.stop();
  });
});
