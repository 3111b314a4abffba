import type { KubeObject, ResourceDefinition } from '@minik/types';
import { groupVersionOf } from '@minik/types';
import type { ApiContext } from '../api/api-context.js';
import { deleteObject, type DeleteRequest } from '../api/object-deletes.js';
import { createObject, updateObject, type UpdateScope, type WriteOptions } from '../api/object-writes.js';
import { applyPatch } from '../api/patch.js';
import { notFound } from '../errors/index.js';
import type { StoreEvent, StoreWatch } from '../store/index.js';
import { cloneJson } from '../util/clone-json.js';

/** How controllers name a resource: its apiVersion and kind, resolved through the registry. */
export interface KindRef {
  apiVersion: string;
  kind: string;
}

/** Options of an in-process client. */
export interface InProcessClientOptions {
  /**
   * The field manager its writes are recorded under in managedFields, as each component of a real
   * cluster names itself (`kube-controller-manager`, `kubelet`, `kube-scheduler`).
   */
  fieldManager?: string;
}

/**
 * The API as controllers, the scheduler and kubelets use it in-process: the same verbs, defaults,
 * validation and admission as HTTP clients get, without serialising requests. Objects returned are
 * frozen; clone before changing.
 */
export class InProcessClient {
  readonly #writeOptions: WriteOptions;

  constructor(
    readonly context: ApiContext,
    options: InProcessClientOptions = {},
  ) {
    this.#writeOptions = { dryRun: false, fieldManager: options.fieldManager, fieldValidation: 'Ignore' };
  }

  /** The registry row of a kind; throws for kinds the server does not serve. */
  resource(ref: KindRef): ResourceDefinition {
    const def = this.context.registry.byKind(ref.apiVersion, ref.kind);
    if (!def) throw new Error(`minik: no resource serves ${ref.apiVersion} ${ref.kind}`);
    return def;
  }

  get<T extends KubeObject = KubeObject>(ref: KindRef, namespace: string, name: string): Readonly<T> | undefined {
    return this.context.store.get(this.resource(ref), namespace, name)?.object as Readonly<T> | undefined;
  }

  /** Objects of a kind, in one namespace or all; optionally filtered. */
  list<T extends KubeObject = KubeObject>(ref: KindRef, namespace?: string, filter?: (obj: Readonly<T>) => boolean): Readonly<T>[] {
    const items = this.context.store.list(this.resource(ref), namespace).items.map((s) => s.object as Readonly<T>);
    return filter ? items.filter(filter) : items;
  }

  create<T extends KubeObject = KubeObject>(ref: KindRef, obj: T): Readonly<T> {
    const def = this.resource(ref);
    const body = { ...cloneJson(obj), apiVersion: groupVersionOf(def), kind: def.kind };
    return createObject(this.context, def, body, obj.metadata.namespace, this.#writeOptions).object as Readonly<T>;
  }

  /** Replaces an object; with `obj.metadata.resourceVersion` set, 409 Conflict when it is stale. */
  update<T extends KubeObject = KubeObject>(ref: KindRef, obj: T, scope: UpdateScope = 'main'): Readonly<T> {
    const def = this.resource(ref);
    const current = this.context.store.get(def, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
    if (!current) throw notFound(def, obj.metadata.name ?? '');
    const body = { ...copyForWrite(obj), apiVersion: groupVersionOf(def), kind: def.kind };
    return updateObject(this.context, def, body, current, this.#writeOptions, scope).object as Readonly<T>;
  }

  /** Writes the status of an object (the /status subresource). */
  updateStatus<T extends KubeObject = KubeObject>(ref: KindRef, obj: T): Readonly<T> {
    return this.update(ref, obj, 'status');
  }

  /** Applies a JSON merge patch. */
  mergePatch<T extends KubeObject = KubeObject>(ref: KindRef, namespace: string, name: string, patch: unknown, scope: UpdateScope = 'main'): Readonly<T> {
    const def = this.resource(ref);
    const current = this.context.store.get(def, namespace, name);
    if (!current) throw notFound(def, name);
    const next = applyPatch(current.object, JSON.stringify(patch), 'application/merge-patch+json') as KubeObject;
    return updateObject(this.context, def, next, current, this.#writeOptions, scope).object as Readonly<T>;
  }

  delete(ref: KindRef, namespace: string, name: string, options: Omit<DeleteRequest, 'dryRun'> = {}): { object: Readonly<KubeObject>; deleted: boolean } {
    const result = deleteObject(this.context, this.resource(ref), namespace, name, { ...options, dryRun: false });
    return { object: result.object, deleted: result.deleted };
  }

  /** Subscribes to committed changes of a kind from now on. */
  watch(ref: KindRef, listener: (event: StoreEvent) => void, namespace?: string): StoreWatch {
    return this.context.store.watch(this.resource(ref), { namespace }, listener);
  }
}

/**
 * The copy an update writes, so that the caller's object never reaches the store. Managed fields
 * read from the store are frozen and pass as they are: a write only compares them with the stored
 * ones (the same list, then) and builds new entries. Copying a Lease's entry was a fifth of a
 * renewal.
 */
function copyForWrite<T extends KubeObject>(obj: T): T {
  const managedFields = obj.metadata?.managedFields;
  if (managedFields === undefined || !Object.isFrozen(managedFields)) return cloneJson(obj);
  const copy = cloneJson({ ...obj, metadata: { ...obj.metadata, managedFields: undefined } }) as T;
  copy.metadata.managedFields = managedFields;
  return copy;
}
