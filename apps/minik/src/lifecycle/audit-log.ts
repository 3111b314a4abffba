import { appendFileSync } from 'node:fs';
import type { Cluster } from '@minik/apiserver';

/**
 * `--audit-log FILE`: appends every request the cluster serves as one JSON line (the same records
 * as `cluster.requests` in the programmatic API), so a test in any language can read them.
 */
export function recordRequests(cluster: Pick<Cluster, 'requests'>, file: string): () => void {
  return cluster.requests.subscribe((record) => appendFileSync(file, JSON.stringify(record) + '\n'));
}
