import type { Namespace } from '@minik/types';
import { ageOf } from './human-duration.js';

/** All cells of a namespace row: Name, Status (the phase), Age. */
export function namespaceCells(namespace: Namespace, now: number): unknown[] {
  return [namespace.metadata?.name ?? '', namespace.status?.phase ?? '', ageOf(namespace.metadata?.creationTimestamp, now)];
}
