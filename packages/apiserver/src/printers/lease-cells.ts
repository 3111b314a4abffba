import type { Lease } from '@minik/types';
import { ageOf } from './human-duration.js';

/** All cells of a lease row: Name, Holder (empty when unheld), Age. */
export function leaseCells(lease: Lease, now: number): unknown[] {
  return [lease.metadata?.name ?? '', lease.spec?.holderIdentity ?? '', ageOf(lease.metadata?.creationTimestamp, now)];
}
