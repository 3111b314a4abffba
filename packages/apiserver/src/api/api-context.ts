import type { ResourceDefinition } from '@minik/types';
import type { ResourceRegistry } from '../resources/resource-registry.js';
import type { ResourceStrategy, StrategyContext } from '../resources/resource-strategy.js';
import type { Store } from '../store/index.js';
import type { Clock } from '../util/clock.js';
import type { IdSource } from '../util/ids.js';

/** Everything the generic verbs need, passed explicitly (no globals). */
export interface ApiContext {
  readonly store: Store;
  readonly registry: ResourceRegistry;
  strategyFor(def: ResourceDefinition): ResourceStrategy;
  readonly strategyContext: StrategyContext;
  readonly clock: Clock;
  readonly ids: IdSource;
}
