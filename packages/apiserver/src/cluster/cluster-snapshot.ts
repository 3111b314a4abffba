import type { KubeObject } from '@minik/types';
import { groupVersionOf } from '@minik/types';
import type { ResourceRegistry } from '../resources/resource-registry.js';
import type { Store } from '../store/index.js';
import { cloneJson } from '../util/clone-json.js';

/** A JSON image of every object in a cluster, to start another cluster from. */
export interface ClusterSnapshot {
  apiVersion: 'minik/v1';
  kind: 'ClusterSnapshot';
  kubernetesVersion: string;
  /** Every stored object, with its kind and apiVersion, in registry order. */
  objects: KubeObject[];
}

/** Takes a snapshot of the store: each object as stored, without its resourceVersion. */
export function takeSnapshot(store: Store, registry: ResourceRegistry, kubernetesVersion: string): ClusterSnapshot {
  const objects: KubeObject[] = [];
  for (const def of registry.definitions) {
    for (const stored of store.list(def).items) {
      const obj = cloneJson(stored.object) as KubeObject;
      obj.apiVersion = groupVersionOf(def);
      obj.kind = def.kind;
      delete obj.metadata.resourceVersion;
      objects.push(obj);
    }
  }
  return { apiVersion: 'minik/v1', kind: 'ClusterSnapshot', kubernetesVersion, objects };
}

/**
 * Writes a snapshot's objects into a freshly bootstrapped store as they were (uids, timestamps,
 * status), replacing the bootstrap's copies of the same objects. New resourceVersions are stamped.
 */
export function restoreSnapshot(store: Store, registry: ResourceRegistry, snapshot: ClusterSnapshot): void {
  if (snapshot?.kind !== 'ClusterSnapshot' || !Array.isArray(snapshot.objects)) throw new Error('minik: not a cluster snapshot (kind ClusterSnapshot)');
  for (const obj of snapshot.objects) {
    const def = registry.byKind(obj.apiVersion ?? '', obj.kind ?? '');
    if (!def) throw new Error(`minik: the snapshot holds ${obj.apiVersion} ${obj.kind}, which this server does not serve`);
    const copy = cloneJson(obj);
    delete copy.metadata.resourceVersion;
    if (store.get(def, copy.metadata.namespace ?? '', copy.metadata.name ?? '')) store.update(def, copy);
    else store.create(def, copy);
  }
}

/** How many nodes a snapshot's cluster had. */
export function snapshotNodeCount(snapshot: ClusterSnapshot): number {
  return snapshot.objects.filter((o) => o.kind === 'Node' && o.apiVersion === 'v1').length;
}
