import type { Clock } from '../util/clock.js';
import { rfc3339 } from '../util/time.js';
import type { StrategyContext } from './resource-strategy.js';

/** The services strategies call: the clock and the ClusterIP/NodePort allocators. */
export function createStrategyContext(clock: Clock): StrategyContext {
  let nextIP = 2;
  let nextPort = 30000;
  return {
    now: () => rfc3339(clock.now()),
    // TEMPORARY: replaced by the allocators in resources/allocators.ts.
    allocateClusterIP: () => `10.96.${Math.floor(nextIP / 256)}.${nextIP++ % 256}`,
    allocateNodePort: () => nextPort++,
  };
}
