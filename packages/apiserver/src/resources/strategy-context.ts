import type { Clock } from '../util/clock.js';
import { rfc3339 } from '../util/time.js';
import { allocatorContext, createServiceAllocators } from './allocators.js';
import type { StrategyContext } from './resource-strategy.js';

/** The services strategies call: the cluster clock and this cluster's own ClusterIP/NodePort allocators. */
export function createStrategyContext(clock: Clock, random?: () => number): StrategyContext {
  return allocatorContext(createServiceAllocators(random ? { random } : {}), () => rfc3339(clock.now()));
}
