import type { KubeObject } from '@minik/types';
import { alreadyExists, notFound } from '../errors/index.js';
import { deepFreeze } from '../util/deep-freeze.js';
import { storedObject } from './stored-object.js';
import { assertPreconditions } from './preconditions.js';
import type { ResourceRef, Store, StoreEvent, StoredObject, StoreWatch, WatchStart, WritePreconditions } from './store.js';

/**
 * A resource served from another resource's storage through a conversion, as upstream serves
 * events.k8s.io/v1 Events from the core Event storage: one set of objects, one revision each,
 * two shapes.
 */
export interface ResourceAlias {
  /** The resource clients name. */
  readonly alias: ResourceRef;
  /** The resource whose objects it shows. */
  readonly storage: ResourceRef;
  /** The alias's shape → the storage shape, for writes. Must not change metadata. */
  toStorage(obj: Readonly<KubeObject>): KubeObject;
  /** The storage shape → the alias's shape, for reads and watch events. Must not change metadata. */
  fromStorage(obj: Readonly<KubeObject>): KubeObject;
}

interface AliasEntry extends ResourceAlias {
  /** Each stored revision is converted at most once, however many readers and watchers see it. */
  readonly views: WeakMap<StoredObject, StoredObject>;
}

const keyOf = (r: ResourceRef): string => `${r.group}/${r.plural}`;

/**
 * A Store decorator that serves aliases from their storage resource: reads and watch events of an
 * alias carry converted objects (same revision, so resourceVersion preconditions hold across both
 * APIs), writes are converted before they reach the inner store. Every other resource passes
 * straight through, unconverted.
 */
export class ConvertingStore implements Store {
  readonly #inner: Store;
  readonly #aliases = new Map<string, AliasEntry>();

  constructor(inner: Store, aliases: readonly ResourceAlias[]) {
    this.#inner = inner;
    for (const alias of aliases) this.#aliases.set(keyOf(alias.alias), { ...alias, views: new WeakMap() });
    for (const entry of this.#aliases.values()) {
      // An alias must reach real storage in one step, or writes through it would loop or vanish.
      if (this.#aliases.has(keyOf(entry.storage))) {
        throw new Error(`minik: ${keyOf(entry.alias)} is stored as ${keyOf(entry.storage)}, which is itself an alias`);
      }
    }
  }

  get revision(): number {
    return this.#inner.revision;
  }

  get oldestWatchableRevision(): number {
    return this.#inner.oldestWatchableRevision;
  }

  storageOf(resource: ResourceRef): ResourceRef {
    return this.#aliases.get(keyOf(resource))?.storage ?? this.#inner.storageOf(resource);
  }

  get(resource: ResourceRef, namespace: string, name: string): StoredObject | undefined {
    const entry = this.#aliases.get(keyOf(resource));
    if (!entry) return this.#inner.get(resource, namespace, name);
    const stored = this.#inner.get(entry.storage, namespace, name);
    return stored && view(entry, stored);
  }

  list(resource: ResourceRef, namespace?: string): { items: StoredObject[]; revision: number } {
    const entry = this.#aliases.get(keyOf(resource));
    if (!entry) return this.#inner.list(resource, namespace);
    const { items, revision } = this.#inner.list(entry.storage, namespace);
    return { items: items.map((stored) => view(entry, stored)), revision };
  }

  create(resource: ResourceRef, object: KubeObject): StoredObject {
    const entry = this.#aliases.get(keyOf(resource));
    if (!entry) return this.#inner.create(resource, object);
    const name = object.metadata.name ?? '';
    // Errors name the resource the client asked for (upstream's qualifiedResourceFromContext).
    if (this.#inner.get(entry.storage, object.metadata.namespace ?? '', name)) throw alreadyExists(entry.alias, name);
    return view(entry, this.#inner.create(entry.storage, entry.toStorage(object)));
  }

  update(resource: ResourceRef, object: KubeObject, preconditions?: WritePreconditions): StoredObject {
    const entry = this.#aliases.get(keyOf(resource));
    if (!entry) return this.#inner.update(resource, object, preconditions);
    const name = object.metadata.name ?? '';
    this.#current(entry, object.metadata.namespace ?? '', name, preconditions);
    return view(entry, this.#inner.update(entry.storage, entry.toStorage(object), preconditions));
  }

  delete(resource: ResourceRef, namespace: string, name: string, preconditions?: WritePreconditions): StoredObject {
    const entry = this.#aliases.get(keyOf(resource));
    if (!entry) return this.#inner.delete(resource, namespace, name, preconditions);
    this.#current(entry, namespace, name, preconditions);
    return view(entry, this.#inner.delete(entry.storage, namespace, name, preconditions));
  }

  watch(resource: ResourceRef, start: WatchStart, listener: (event: StoreEvent) => void): StoreWatch {
    const entry = this.#aliases.get(keyOf(resource));
    if (!entry) return this.#inner.watch(resource, start, listener);
    return this.#inner.watch(entry.storage, start, (event) => {
      listener({
        ...event,
        resource: entry.alias,
        stored: view(entry, event.stored),
        ...(event.previous ? { previous: view(entry, event.previous) } : {}),
      });
    });
  }

  /** The stored object an alias write targets: 404 and 409 named after the alias. */
  #current(entry: AliasEntry, namespace: string, name: string, preconditions: WritePreconditions | undefined): StoredObject {
    const current = this.#inner.get(entry.storage, namespace, name);
    if (!current) throw notFound(entry.alias, name);
    assertPreconditions(entry.alias, name, current, preconditions);
    return current;
  }
}

/** The alias's view of a stored object: converted and frozen once, serialised on first use, same revision. */
function view(entry: AliasEntry, stored: StoredObject): StoredObject {
  let converted = entry.views.get(stored);
  if (!converted) {
    converted = storedObject(deepFreeze(entry.fromStorage(stored.object)), stored.revision);
    entry.views.set(stored, converted);
  }
  return converted;
}
