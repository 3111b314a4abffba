import type { KubeObject } from '@minik/types';
import { alreadyExists, expired, notFound } from '../errors/index.js';
import { assertPreconditions } from './preconditions.js';
import { deepFreeze } from '../util/deep-freeze.js';
import type { ResourceRef, Store, StoreEvent, StoredObject, StoreWatch, WatchStart, WritePreconditions } from './store.js';

/** Options of the in-memory store. */
export interface MemoryStoreOptions {
  /** How many events are kept for watch resume; older resourceVersions get 410 Expired. */
  historySize?: number;
}

interface Watcher {
  readonly namespace: string | undefined;
  readonly listener: (event: StoreEvent) => void;
  stopped: boolean;
}

/** Objects of one resource, indexed by namespace then name. */
type ResourceTable = Map<string, Map<string, StoredObject>>;

const keyOf = (r: ResourceRef): string => `${r.group}/${r.plural}`;

/** The in-memory Store: all of a cluster's state in maps, one global revision. */
export class MemoryStore implements Store {
  #revision = 0;
  readonly #tables = new Map<string, ResourceTable>();
  readonly #watchers = new Map<string, Set<Watcher>>();
  readonly #history: (StoreEvent | undefined)[];
  #historyStart = 0; // index of the oldest retained event in the ring
  #historyLength = 0;
  /** Revision before the oldest retained event: watching after it is still complete. */
  #compactedRevision = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.#history = new Array<StoreEvent | undefined>(Math.max(1, options.historySize ?? 10_000));
  }

  get revision(): number {
    return this.#revision;
  }

  get oldestWatchableRevision(): number {
    return this.#compactedRevision;
  }

  get(resource: ResourceRef, namespace: string, name: string): StoredObject | undefined {
    return this.#tables.get(keyOf(resource))?.get(namespace)?.get(name);
  }

  list(resource: ResourceRef, namespace?: string): { items: StoredObject[]; revision: number } {
    const table = this.#tables.get(keyOf(resource));
    const items: StoredObject[] = [];
    if (table) {
      const namespaces = namespace === undefined ? [...table.keys()].sort() : [namespace];
      for (const ns of namespaces) {
        const objects = table.get(ns);
        if (!objects) continue;
        const names = [...objects.keys()].sort();
        for (const name of names) items.push(objects.get(name)!);
      }
    }
    return { items, revision: this.#revision };
  }

  create(resource: ResourceRef, object: KubeObject): StoredObject {
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    const table = this.#table(resource);
    let objects = table.get(namespace);
    if (objects?.has(name)) throw alreadyExists(resource, name);
    const stored = this.#stamp(object, this.#revision + 1);
    this.#revision = stored.revision;
    if (!objects) table.set(namespace, (objects = new Map()));
    objects.set(name, stored);
    this.#emit({ type: 'ADDED', resource, namespace, name, stored, revision: stored.revision });
    return stored;
  }

  update(resource: ResourceRef, object: KubeObject, preconditions?: WritePreconditions): StoredObject {
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    const objects = this.#tables.get(keyOf(resource))?.get(namespace);
    const current = objects?.get(name);
    if (!objects || !current) throw notFound(resource, name);
    assertPreconditions(resource, name, current, preconditions);
    const stored = this.#stamp(object, this.#revision + 1);
    this.#revision = stored.revision;
    objects.set(name, stored);
    this.#emit({ type: 'MODIFIED', resource, namespace, name, stored, previous: current, revision: stored.revision });
    return stored;
  }

  delete(resource: ResourceRef, namespace: string, name: string, preconditions?: WritePreconditions): StoredObject {
    const objects = this.#tables.get(keyOf(resource))?.get(namespace);
    const current = objects?.get(name);
    if (!objects || !current) throw notFound(resource, name);
    assertPreconditions(resource, name, current, preconditions);
    objects.delete(name);
    if (objects.size === 0) this.#tables.get(keyOf(resource))!.delete(namespace);
    // The DELETED event carries the last state at the deletion's own revision, as etcd3 does.
    const stored = this.#stamp(current.object as KubeObject, this.#revision + 1);
    this.#revision = stored.revision;
    this.#emit({ type: 'DELETED', resource, namespace, name, stored, revision: stored.revision });
    return stored;
  }

  watch(resource: ResourceRef, start: WatchStart, listener: (event: StoreEvent) => void): StoreWatch {
    const key = keyOf(resource);
    const watcher: Watcher = { namespace: start.namespace, listener, stopped: false };
    if (start.afterRevision !== undefined && start.afterRevision < this.#revision) {
      if (start.afterRevision < this.#compactedRevision) throw expired(start.afterRevision, this.#revision);
      for (const event of this.#historyAfter(start.afterRevision)) {
        if (keyOf(event.resource) === key) deliver(watcher, event);
      }
    }
    let watchers = this.#watchers.get(key);
    if (!watchers) this.#watchers.set(key, (watchers = new Set()));
    watchers.add(watcher);
    return {
      stop: () => {
        watcher.stopped = true;
        this.#watchers.get(key)?.delete(watcher);
      },
    };
  }

  #table(resource: ResourceRef): ResourceTable {
    const key = keyOf(resource);
    let table = this.#tables.get(key);
    if (!table) this.#tables.set(key, (table = new Map()));
    return table;
  }

  /** Serialises once with the new resourceVersion; the parsed copy is what readers share. */
  #stamp(object: KubeObject, revision: number): StoredObject {
    const metadata = { ...object.metadata, resourceVersion: String(revision) };
    const json = JSON.stringify({ ...object, metadata });
    return { object: deepFreeze(JSON.parse(json) as KubeObject), json, revision };
  }

  #emit(event: StoreEvent): void {
    this.#record(event);
    const watchers = this.#watchers.get(keyOf(event.resource));
    if (!watchers) return;
    for (const watcher of watchers) deliver(watcher, event);
  }

  #record(event: StoreEvent): void {
    const capacity = this.#history.length;
    if (this.#historyLength === capacity) {
      const dropped = this.#history[this.#historyStart]!;
      this.#compactedRevision = dropped.revision;
      this.#historyStart = (this.#historyStart + 1) % capacity;
      this.#historyLength--;
    }
    this.#history[(this.#historyStart + this.#historyLength) % capacity] = event;
    this.#historyLength++;
  }

  *#historyAfter(revision: number): Generator<StoreEvent> {
    const capacity = this.#history.length;
    for (let i = 0; i < this.#historyLength; i++) {
      const event = this.#history[(this.#historyStart + i) % capacity]!;
      if (event.revision > revision) yield event;
    }
  }
}

function deliver(watcher: Watcher, event: StoreEvent): void {
  if (watcher.stopped) return;
  if (watcher.namespace !== undefined && watcher.namespace !== event.namespace) return;
  // A failing listener must not fail the write that triggered it, nor starve other watchers.
  try {
    watcher.listener(event);
  } catch {
    watcher.stopped = true;
  }
}
