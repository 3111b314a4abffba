import type { Secret } from '@minik/types';
import { ageOf } from './human-duration.js';

/** All cells of a secret row: Name, Type, Data (number of data keys), Age. */
export function secretCells(secret: Secret, now: number): unknown[] {
  return [secret.metadata?.name ?? '', secret.type ?? '', Object.keys(secret.data ?? {}).length, ageOf(secret.metadata?.creationTimestamp, now)];
}
