import type { KubeObject } from '@minik/types';
import type { FieldError } from '../../errors/index.js';
import type { StrategyContext } from '../resource-strategy.js';

/** A StrategyContext for unit tests: a fixed clock and allocations that must not happen. */
export const noAllocationContext: StrategyContext = {
  now: () => '2024-05-01T10:00:00Z',
  allocateClusterIP: () => {
    throw new Error('unexpected ClusterIP allocation');
  },
  allocateNodePort: () => {
    throw new Error('unexpected NodePort allocation');
  },
};

/** A writable copy of a request body, as the generic handler hands it to a strategy. */
export function body(json: unknown): KubeObject {
  return JSON.parse(JSON.stringify(json)) as KubeObject;
}

/** The messages of a list of field errors. */
export const messages = (errors: readonly FieldError[] | undefined): string[] => (errors ?? []).map((e) => e.message);
