/**
 * The Vitest entry point (`@minik/apiserver/vitest`): `useCluster()` starts a cluster before the
 * file's tests and stops it after them. Vitest is an optional peer dependency.
 */
import { afterAll, beforeAll } from 'vitest';
import { startCluster, type Cluster, type ClusterOptions } from './cluster/start-cluster.js';

/**
 * Starts a cluster in `beforeAll` and stops it in `afterAll`. The returned object stands for the
 * cluster: read `cluster.url`, `cluster.kubeconfig`, `cluster.faults`, … inside tests and hooks.
 */
export function useCluster(options: ClusterOptions = {}): Cluster {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster(options);
  });
  afterAll(async () => {
    await cluster?.stop();
    cluster = undefined;
  });
  return new Proxy({} as Cluster, {
    get(_target, property) {
      if (!cluster) throw new Error('minik: the cluster of useCluster() is only there inside tests and hooks');
      const value = Reflect.get(cluster, property, cluster) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(cluster) : value;
    },
  });
}
