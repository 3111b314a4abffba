import type { KubeObject } from '@minik/types';
import { alreadyExists, expired, notFound } from '../errors/index.js';
import { assertPreconditions } from './preconditions.js';
import { frozenJsonCopy } from '../util/compact-freeze.js';
import { storedObject } from './stored-object.js';
import type { ResourceRef, Store, StoreEvent, StoredObject, StoreWatch, WatchStart, WatchTrigger, WritePreconditions } from './store.js';

/** Options of the in-memory store. */
export interface MemoryStoreOptions {
  /** How many events are kept for watch resume; older resourceVersions get 410 Expired. */
  historySize?: number;
}

interface Watcher {
  readonly namespace: string | undefined;
  readonly trigger: WatchTrigger | undefined;
  readonly listener: (event: StoreEvent) => void;
  stopped: boolean;
}

/** The watchers of one index of a resource, by the value they wait for. */
interface TriggerIndex {
  readonly valueOf: (object: Readonly<KubeObject>) => string;
  readonly byValue: Map<string, Set<Watcher>>;
}

/** Objects of one namespace, by name, with their names in list order once someone listed them. */
interface NamespaceBucket {
  readonly objects: Map<string, StoredObject>;
  /** Sorted names; dropped when a name comes or goes (an update keeps it), rebuilt by the next list. */
  sorted: string[] | undefined;
}

/**
 * Objects of one resource, indexed by namespace then name. Lists keep their sort order between
 * writes: re-sorting 10,000 names on every list was the cost of each controller's resync.
 */
interface ResourceTable {
  readonly namespaces: Map<string, NamespaceBucket>;
  sortedNamespaces: string[] | undefined;
}

const keyOf = (r: ResourceRef): string => `${r.group}/${r.plural}`;

/** The in-memory Store: all of a cluster's state in maps, one global revision. */
export class MemoryStore implements Store {
  #revision = 0;
  readonly #tables = new Map<string, ResourceTable>();
  readonly #watchers = new Map<string, Set<Watcher>>();
  /** Watchers with a trigger, by resource, index and value: a write calls only those of its values. */
  readonly #triggered = new Map<string, Map<string, TriggerIndex>>();
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

  storageOf(resource: ResourceRef): ResourceRef {
    return resource;
  }

  get(resource: ResourceRef, namespace: string, name: string): StoredObject | undefined {
    return this.#tables.get(keyOf(resource))?.namespaces.get(namespace)?.objects.get(name);
  }

  list(resource: ResourceRef, namespace?: string): { items: StoredObject[]; revision: number } {
    const table = this.#tables.get(keyOf(resource));
    const items: StoredObject[] = [];
    if (table) {
      const namespaces = namespace === undefined ? (table.sortedNamespaces ??= [...table.namespaces.keys()].sort()) : [namespace];
      for (const ns of namespaces) {
        const bucket = table.namespaces.get(ns);
        if (!bucket) continue;
        const names = (bucket.sorted ??= [...bucket.objects.keys()].sort());
        for (const name of names) items.push(bucket.objects.get(name)!);
      }
    }
    return { items, revision: this.#revision };
  }

  create(resource: ResourceRef, object: KubeObject): StoredObject {
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    const table = this.#table(resource);
    let bucket = table.namespaces.get(namespace);
    if (bucket?.objects.has(name)) throw alreadyExists(resource, name);
    const stored = this.#stamp(object, this.#revision + 1);
    this.#revision = stored.revision;
    if (!bucket) {
      table.namespaces.set(namespace, (bucket = { objects: new Map(), sorted: undefined }));
      table.sortedNamespaces = undefined;
    }
    bucket.objects.set(name, stored);
    bucket.sorted = undefined;
    this.#emit({ type: 'ADDED', resource, namespace, name, stored, revision: stored.revision });
    return stored;
  }

  update(resource: ResourceRef, object: KubeObject, preconditions?: WritePreconditions): StoredObject {
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    const objects = this.#tables.get(keyOf(resource))?.namespaces.get(namespace)?.objects;
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
    const table = this.#tables.get(keyOf(resource));
    const bucket = table?.namespaces.get(namespace);
    const current = bucket?.objects.get(name);
    if (!table || !bucket || !current) throw notFound(resource, name);
    assertPreconditions(resource, name, current, preconditions);
    bucket.objects.delete(name);
    bucket.sorted = undefined;
    if (bucket.objects.size === 0) {
      table.namespaces.delete(namespace);
      table.sortedNamespaces = undefined;
    }
    // The DELETED event carries the last state at the deletion's own revision, as etcd3 does.
    const stored = this.#stamp(current.object as KubeObject, this.#revision + 1);
    this.#revision = stored.revision;
    this.#emit({ type: 'DELETED', resource, namespace, name, stored, revision: stored.revision });
    return stored;
  }

  watch(resource: ResourceRef, start: WatchStart, listener: (event: StoreEvent) => void): StoreWatch {
    const key = keyOf(resource);
    const trigger = start.trigger;
    const watcher: Watcher = { namespace: start.namespace, trigger, listener, stopped: false };
    if (start.afterRevision !== undefined && start.afterRevision < this.#revision) {
      if (start.afterRevision < this.#compactedRevision) throw expired(start.afterRevision, this.#revision);
      for (const event of this.#historyAfter(start.afterRevision)) {
        if (keyOf(event.resource) === key && (!trigger || triggered(trigger, event))) deliver(watcher, event);
      }
    }
    const watchers = trigger ? this.#triggerSet(key, trigger) : this.#untriggeredSet(key);
    watchers.add(watcher);
    return {
      stop: () => {
        watcher.stopped = true;
        watchers.delete(watcher);
        // Values come and go (names, nodes): drop a value's empty set with its last watcher.
        if (trigger && watchers.size === 0) {
          const byValue = this.#triggered.get(key)?.get(trigger.index)?.byValue;
          if (byValue?.get(trigger.value) === watchers) byValue.delete(trigger.value);
        }
      },
    };
  }

  #untriggeredSet(key: string): Set<Watcher> {
    let watchers = this.#watchers.get(key);
    if (!watchers) this.#watchers.set(key, (watchers = new Set()));
    return watchers;
  }

  #triggerSet(key: string, trigger: WatchTrigger): Set<Watcher> {
    let indexes = this.#triggered.get(key);
    if (!indexes) this.#triggered.set(key, (indexes = new Map()));
    let index = indexes.get(trigger.index);
    if (!index) indexes.set(trigger.index, (index = { valueOf: trigger.valueOf, byValue: new Map() }));
    let watchers = index.byValue.get(trigger.value);
    if (!watchers) index.byValue.set(trigger.value, (watchers = new Set()));
    return watchers;
  }

  #table(resource: ResourceRef): ResourceTable {
    const key = keyOf(resource);
    let table = this.#tables.get(key);
    if (!table) this.#tables.set(key, (table = { namespaces: new Map(), sortedNamespaces: undefined }));
    return table;
  }

  /** A frozen copy with the new resourceVersion, which readers share; its JSON text is written on first use. */
  #stamp(object: KubeObject, revision: number): StoredObject {
    return storedObject(frozenJsonCopy({ ...object, metadata: { ...object.metadata, resourceVersion: String(revision) } }), revision);
  }

  #emit(event: StoreEvent): void {
    this.#record(event);
    const key = keyOf(event.resource);
    const watchers = this.#watchers.get(key);
    if (watchers) for (const watcher of watchers) deliver(watcher, event);
    const indexes = this.#triggered.get(key);
    if (!indexes) return;
    for (const index of indexes.values()) {
      // The value before and after: a watcher sees objects entering and leaving its selection.
      const after = index.valueOf(event.stored.object);
      const before = event.previous ? index.valueOf(event.previous.object) : after;
      const now = index.byValue.get(after);
      if (now) for (const watcher of now) deliver(watcher, event);
      if (before !== after) {
        const then = index.byValue.get(before);
        if (then) for (const watcher of then) deliver(watcher, event);
      }
    }
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

/** Whether an event concerns a trigger's value, before or after the change. */
function triggered(trigger: WatchTrigger, event: StoreEvent): boolean {
  return trigger.valueOf(event.stored.object) === trigger.value || (event.previous !== undefined && trigger.valueOf(event.previous.object) === trigger.value);
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
