import type { KubeObject } from '@minik/types';
import { parseTimestamp } from './human-duration.js';

// A missing creationTimestamp is Go's zero time, which upstream formats as this.
const zeroTime = '0001-01-01T00:00:00Z';

/**
 * Cells of upstream's default table (apiserver's DefaultTableConvertor): the name and the
 * creation timestamp as RFC 3339 in UTC, whole seconds.
 */
export function defaultCells(obj: KubeObject): unknown[] {
  const created = parseTimestamp(obj.metadata.creationTimestamp);
  const createdAt = created === undefined ? zeroTime : new Date(created).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [obj.metadata.name ?? '', createdAt];
}
