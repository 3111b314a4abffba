import type { ConfigMap } from '@minik/types';
import { ageOf } from './human-duration.js';

/** All cells of a config map row: Name, Data (number of data and binaryData keys), Age. */
export function configMapCells(configMap: ConfigMap, now: number): unknown[] {
  const keys = Object.keys(configMap.data ?? {}).length + Object.keys(configMap.binaryData ?? {}).length;
  return [configMap.metadata?.name ?? '', keys, ageOf(configMap.metadata?.creationTimestamp, now)];
}
