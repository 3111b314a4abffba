import type { KubeObject, OwnerReference, ResourceDefinition } from '@minik/types';
import { groupVersionOf } from '@minik/types';
import type { KindRef } from '../../client/in-process-client.js';
import { ApiError } from '../../errors/index.js';
import type { ReconcileResult } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { OwnerGraph } from './owner-graph.js';
import { cloneJson } from '../../util/clone-json.js';
import { deepEqual } from '../../util/deep-equal.js';

const orphanFinalizer = 'orphan';
const foregroundFinalizer = 'foregroundDeletion';

// Upstream's garbage collector ignores events (gc ignoredResources).
const ignoredResources = new Set(['/events', 'events.k8s.io/events']);

/**
 * The garbage collector: dependents whose owners are gone are deleted (Background); an owner
 * deleted in the foreground keeps its `foregroundDeletion` finalizer until every dependent that
 * blocks owner deletion is gone; an owner deleted with `orphan` first has its references removed
 * from its dependents. Ownership comes from `metadata.ownerReferences`, checked against the API.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/garbagecollector/garbagecollector.go
 */
export class GarbageCollector extends ControllerBase {
  readonly #graph = new OwnerGraph();
  readonly #byKey = new Map<string, ResourceDefinition>();

  constructor(ctx: ControllerContext) {
    super('garbage-collector-controller', ctx);
  }

  #resources(): ResourceDefinition[] {
    return this.ctx.client.context.registry.definitions.filter(
      (def) => def.verbs.includes('watch') && def.verbs.includes('delete') && !ignoredResources.has(`${def.group}/${def.plural}`),
    );
  }

  protected setup(): void {
    for (const def of this.#resources()) {
      const kind = kindOf(def);
      this.watch(kind, (obj, event) => {
        const key = keyFor(def, obj);
        this.#byKey.set(def.group + '|' + def.plural, def);
        if (event.type === 'DELETED') {
          const uid = obj.metadata.uid ?? '';
          const owners = this.#graph.ownersOf(key);
          this.#graph.remove(key);
          // Dependents of a deleted owner may now be dangling; an owner waiting in the foreground may be done.
          for (const dependent of this.#graph.dependentsOf(uid)) this.queue.enqueue(dependent);
          for (const owner of owners) {
            const ownerKey = this.#graph.keyOf(owner);
            if (ownerKey) this.queue.enqueue(ownerKey);
          }
          return;
        }
        // As upstream's graph builder: an update that leaves owner references and deletion state
        // alone (a Lease renewal, a status update) gives the collector nothing to do.
        const before = event.previous?.object;
        if (event.type === 'MODIFIED' && before !== undefined && sameOwnership(before, obj)) return;
        this.#graph.upsert(key, obj);
        if ((obj.metadata.ownerReferences?.length ?? 0) > 0 || deletingWith(obj, orphanFinalizer) || deletingWith(obj, foregroundFinalizer)) {
          this.queue.enqueue(key);
        }
        // A dependent that lost its owner reference to an owner waiting on it unblocks that owner.
        for (const ref of event.previous?.object.metadata.ownerReferences ?? []) {
          if (!obj.metadata.ownerReferences?.some((r) => r.uid === ref.uid)) {
            const ownerKey = this.#graph.keyOf(ref.uid);
            if (ownerKey) this.queue.enqueue(ownerKey);
          }
        }
      });
      this.#byKey.set(def.group + '|' + def.plural, def);
      for (const obj of this.ctx.client.list(kind)) {
        const key = keyFor(def, obj);
        this.#graph.upsert(key, obj);
        this.queue.enqueue(key);
      }
    }
  }

  reconcile(key: string): ReconcileResult | void {
    const { def, namespace, name } = this.#parse(key);
    if (!def) return;
    const obj = this.ctx.client.get(kindOf(def), namespace, name);
    if (!obj) return;
    if (obj.metadata.deletionTimestamp !== undefined) {
      if (deletingWith(obj, orphanFinalizer)) return this.#orphanDependents(def, obj);
      if (deletingWith(obj, foregroundFinalizer)) return this.#processDeletingDependents(def, obj);
      // Being deleted for other reasons: nothing to collect yet.
      return;
    }
    this.#attemptToDelete(def, obj);
  }

  /** attemptToDeleteItem: delete an object all of whose owners are gone or deleting in the foreground. */
  #attemptToDelete(def: ResourceDefinition, obj: Readonly<KubeObject>): void {
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const ownerDef = this.#resourceFor(ref);
      // An owner of a kind the server does not serve cannot be verified: leave the dependent alone.
      if (!ownerDef) {
        solid.push(ref);
        continue;
      }
      // A namespaced owner of a cluster-scoped dependent cannot exist (upstream reports it absent).
      const owner = ownerDef.namespaced && !def.namespaced ? undefined : this.ctx.client.get(kindOf(ownerDef), ownerDef.namespaced ? (obj.metadata.namespace ?? '') : '', ref.name);
      if (!owner || owner.metadata.uid !== ref.uid) dangling.push(ref);
      else if (deletingWith(owner, foregroundFinalizer)) waiting.push(ref);
      else solid.push(ref);
    }
    if (solid.length > 0) {
      if (dangling.length === 0 && waiting.length === 0) return;
      // Drop references to owners that are gone or waiting on us, so they are not blocked forever.
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      this.#updateOwnerReferences(def, obj, (current) => current.filter((r) => !drop.has(r.uid)));
      return;
    }
    const hasDependents = this.#graph.dependentsOf(obj.metadata.uid ?? '').length > 0;
    let policy: 'Background' | 'Foreground' | 'Orphan';
    if (waiting.length > 0 && hasDependents) policy = 'Foreground';
    else if (obj.metadata.finalizers?.includes(orphanFinalizer)) policy = 'Orphan';
    else if (obj.metadata.finalizers?.includes(foregroundFinalizer)) policy = 'Foreground';
    else policy = 'Background';
    try {
      this.ctx.client.delete(kindOf(def), obj.metadata.namespace ?? '', obj.metadata.name ?? '', {
        propagationPolicy: policy,
        preconditions: { uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion },
      });
    } catch (error) {
      if (error instanceof ApiError && (error.reason === 'NotFound' || error.reason === 'Conflict')) return;
      throw error;
    }
  }

  /** processDeletingDependentsItem: wait for blocking dependents, then drop `foregroundDeletion`. */
  #processDeletingDependents(def: ResourceDefinition, owner: Readonly<KubeObject>): void {
    const uid = owner.metadata.uid ?? '';
    let blocking = 0;
    for (const dependentKey of this.#graph.dependentsOf(uid)) {
      const { def: depDef, namespace, name } = this.#parse(dependentKey);
      const dependent = depDef ? this.ctx.client.get(kindOf(depDef), namespace, name) : undefined;
      if (!dependent) continue;
      const ref = dependent.metadata.ownerReferences?.find((r) => r.uid === uid);
      if (!ref) continue;
      if (ref.blockOwnerDeletion === true) blocking++;
      if (!deletingWith(dependent, foregroundFinalizer) && dependent.metadata.deletionTimestamp === undefined) this.queue.enqueue(dependentKey);
    }
    if (blocking === 0) this.#removeFinalizer(def, owner, foregroundFinalizer);
  }

  /** attemptToOrphan: remove the owner's reference from every dependent, then the `orphan` finalizer. */
  #orphanDependents(def: ResourceDefinition, owner: Readonly<KubeObject>): void {
    const uid = owner.metadata.uid ?? '';
    for (const dependentKey of this.#graph.dependentsOf(uid)) {
      const { def: depDef, namespace, name } = this.#parse(dependentKey);
      if (!depDef) continue;
      const dependent = this.ctx.client.get(kindOf(depDef), namespace, name);
      if (dependent) this.#updateOwnerReferences(depDef, dependent, (refs) => refs.filter((r) => r.uid !== uid));
    }
    this.#removeFinalizer(def, owner, orphanFinalizer);
  }

  #updateOwnerReferences(def: ResourceDefinition, obj: Readonly<KubeObject>, change: (refs: OwnerReference[]) => OwnerReference[]): void {
    const next = cloneJson(obj) as KubeObject;
    const refs = change(next.metadata.ownerReferences ?? []);
    if (refs.length > 0) next.metadata.ownerReferences = refs;
    else delete next.metadata.ownerReferences;
    this.#write(def, next);
  }

  #removeFinalizer(def: ResourceDefinition, obj: Readonly<KubeObject>, finalizer: string): void {
    const next = cloneJson(obj) as KubeObject;
    const finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (finalizers.length > 0) next.metadata.finalizers = finalizers;
    else delete next.metadata.finalizers;
    this.#write(def, next);
  }

  // Writes with the uid and resourceVersion it read: a concurrent change is retried by the queue.
  #write(def: ResourceDefinition, obj: KubeObject): void {
    try {
      this.ctx.client.update(kindOf(def), obj);
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'NotFound') return;
      throw error;
    }
  }

  #resourceFor(ref: OwnerReference): ResourceDefinition | undefined {
    const slash = ref.apiVersion.indexOf('/');
    const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
    const defs = this.ctx.client.context.registry.definitions;
    return this.ctx.client.context.registry.byKind(ref.apiVersion, ref.kind) ?? defs.find((d) => d.group === group && d.kind === ref.kind);
  }

  #parse(key: string): { def: ResourceDefinition | undefined; namespace: string; name: string } {
    const [group = '', plural = '', namespace = '', name = ''] = key.split('|');
    return { def: this.#byKey.get(`${group}|${plural}`), namespace, name };
  }
}

function kindOf(def: ResourceDefinition): KindRef {
  return { apiVersion: groupVersionOf(def), kind: def.kind };
}

function keyFor(def: ResourceDefinition, obj: Readonly<KubeObject>): string {
  return `${def.group}|${def.plural}|${obj.metadata.namespace ?? ''}|${obj.metadata.name ?? ''}`;
}

function sameOwnership(before: Readonly<KubeObject>, after: Readonly<KubeObject>): boolean {
  const was = before.metadata;
  const is = after.metadata;
  return (
    was.uid === is.uid &&
    was.deletionTimestamp === is.deletionTimestamp &&
    deepEqual(was.finalizers, is.finalizers) &&
    deepEqual(was.ownerReferences, is.ownerReferences)
  );
}

function deletingWith(obj: Readonly<KubeObject>, finalizer: string): boolean {
  return obj.metadata.deletionTimestamp !== undefined && (obj.metadata.finalizers?.includes(finalizer) ?? false);
}
