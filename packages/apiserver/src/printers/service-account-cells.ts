import type { ServiceAccount } from '@minik/types';
import { ageOf } from './human-duration.js';

/** All cells of a service account row: Name, Secrets (how many are listed), Age. */
export function serviceAccountCells(serviceAccount: ServiceAccount, now: number): unknown[] {
  return [serviceAccount.metadata?.name ?? '', serviceAccount.secrets?.length ?? 0, ageOf(serviceAccount.metadata?.creationTimestamp, now)];
}
