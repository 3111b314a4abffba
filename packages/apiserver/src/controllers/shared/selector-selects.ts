import type { KubeObject, LabelSelector } from '@minik/types';
import { labelSelectorFromObject } from '../../selectors/label-selector-object.js';

/**
 * Whether a workload's spec.selector selects an object (a pod, or a Deployment's ReplicaSet). An
 * invalid selector selects nothing: validation keeps them out of the store, so only an object
 * written around validation (a snapshot, the store directly) can have one.
 */
export function selectorSelects(selector: LabelSelector | null | undefined, obj: Readonly<KubeObject>): boolean {
  try {
    return labelSelectorFromObject(selector).matches(obj.metadata.labels);
  } catch {
    return false;
  }
}
