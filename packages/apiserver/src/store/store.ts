import type { KubeObject } from '@minik/types';

/** Identifies a resource in the store: its API group and plural (errors name it the same way). */
export interface ResourceRef {
  readonly group: string;
  readonly plural: string;
}

/**
 * A stored object: frozen, so no caller can mutate stored state, together with its JSON text,
 * serialised once per revision and reused for every GET, LIST and watch event.
 */
export interface StoredObject {
  readonly object: Readonly<KubeObject>;
  readonly json: string;
  readonly revision: number;
}

/** A committed change, in revision order. */
export interface StoreEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly resource: ResourceRef;
  readonly namespace: string;
  readonly name: string;
  /** The object after the change (for DELETED: its last state, stamped with the deletion revision). */
  readonly stored: StoredObject;
  /** For MODIFIED: the state before the change (watch filters need it to send ADDED/DELETED on selector moves). */
  readonly previous?: StoredObject;
  readonly revision: number;
}

/** Preconditions a write may carry; a mismatch is a 409 Conflict. */
export interface WritePreconditions {
  resourceVersion?: string;
  uid?: string;
}

/** Where a watch starts. */
export interface WatchStart {
  /** Only events after this revision; undefined = from now. */
  afterRevision?: number;
  namespace?: string;
  /** Only events whose object, before or after the change, has this value in an index. */
  trigger?: WatchTrigger;
}

/**
 * An indexed pre-filter of a watch (upstream's cacher "triggers", e.g. pods by spec.nodeName): a
 * store may keep watchers by value so that a write reaches only the watchers of its values
 * instead of calling every watcher's filter. Watchers naming the same `index` must compute it alike.
 */
export interface WatchTrigger {
  readonly index: string;
  readonly value: string;
  valueOf(object: Readonly<KubeObject>): string;
}

/** A live subscription; `stop()` is idempotent. */
export interface StoreWatch {
  stop(): void;
}

/**
 * The storage interface of the API server. Knows nothing of HTTP: one global revision stamped into
 * `metadata.resourceVersion`, optimistic concurrency, a bounded event history for watch resume.
 * Another backend (a state directory, etcd) can implement it.
 */
export interface Store {
  /** The revision of the last committed write. */
  readonly revision: number;
  /** The oldest revision a watch can still resume after. */
  readonly oldestWatchableRevision: number;
  get(resource: ResourceRef, namespace: string, name: string): StoredObject | undefined;
  /** Objects sorted by namespace then name; namespace undefined = all namespaces. */
  list(resource: ResourceRef, namespace?: string): { items: StoredObject[]; revision: number };
  /** Stores a new object; 409 AlreadyExists if the name is taken. The input is not retained. */
  create(resource: ResourceRef, object: KubeObject): StoredObject;
  /** Replaces an existing object; 404 if missing, 409 Conflict on a failed precondition. */
  update(resource: ResourceRef, object: KubeObject, preconditions?: WritePreconditions): StoredObject;
  /** Removes an object and returns its final state stamped with the deletion revision. */
  delete(resource: ResourceRef, namespace: string, name: string, preconditions?: WritePreconditions): StoredObject;
  /**
   * Calls `listener` synchronously, in revision order, for each later change to `resource`.
   * With `afterRevision`, first replays retained history after it; 410 Expired if too old.
   */
  watch(resource: ResourceRef, start: WatchStart, listener: (event: StoreEvent) => void): StoreWatch;
  /**
   * The resource whose objects `resource` shows: itself, or for a resource served from another's
   * storage (events.k8s.io Events) that storage. Two resources with the same storage change together.
   */
  storageOf(resource: ResourceRef): ResourceRef;
}
