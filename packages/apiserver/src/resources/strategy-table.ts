// PLACEHOLDER until the per-kind strategies land (owned by the strategies work): no defaults, no validation.
import type { ResourceStrategy } from './resource-strategy.js';

export function strategyFor(_group: string, _kind: string): ResourceStrategy {
  return {};
}
