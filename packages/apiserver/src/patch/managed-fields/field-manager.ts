import { setOwnProperty, type FieldType, type KubeObject } from '@minik/types';
import { ApiError, badRequest } from '../../errors/index.js';
import { deepEqual } from '../../util/deep-equal.js';
import { deepFreeze } from '../../util/deep-freeze.js';
import { UnknownReasonError } from '../patch-errors.js';
import { FieldSet } from './field-set.js';
import {
  decodeManagedFields,
  emptyManaged,
  encodeManagedFields,
  isResetManagedFields,
  managerIdentifier,
  printManager,
  type Managed,
  type ManagedFieldsEntry,
  type VersionedSet,
} from './managed-fields.js';
import { pathString, type Path } from './path-element.js';
import { typedErrorsText, type Comparison, type TypedValues } from './typed-value.js';
import { withZeroStructs, zeroObject } from './zero-objects.js';
import { cloneJson } from '../../util/clone-json.js';
import { goJsonMarshal } from '../../util/go-format.js';

type JsonMap = Record<string, unknown>;

/** The annotation client-side apply keeps the last applied configuration in. */
export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

/** kubectl's default manager for `apply --server-side`, which upgrades client-side apply state. */
const kubectlApplyManager = 'kubectl';
const beforeFirstApplyManager = 'before-first-apply';
const oldUpdatesManager = 'ancient-changes';
/** Upstream keeps at most this many Update entries; older ones merge into `ancient-changes`. */
const maxUpdateManagers = 10;

/** Fields nobody owns: identity and server-managed metadata (upstream's stripMetaManager). */
const strippedFields = FieldSet.of(
  [{ field: 'apiVersion' }],
  [{ field: 'kind' }],
  [{ field: 'metadata' }],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map((f) => [
    { field: 'metadata' },
    { field: f },
  ]),
);

/** What a field manager serves: one kind through one endpoint (the resource or a subresource). */
export interface FieldManagerScope {
  values: TypedValues;
  /** The kind's type; undefined for kinds without a schema (deduced). */
  type: FieldType | undefined;
  group: string;
  version: string;
  kind: string;
  subresource?: 'status' | 'scale';
  /** Fields writes through this endpoint cannot set (the strategy's reset fields), as paths. */
  resetFields?: FieldSet;
  /** RFC 3339 time of the write. */
  now: string;
}

/** Apply conflicts by manager identifier. */
class ApplyConflicts extends Error {
  constructor(readonly conflicts: Map<string, FieldSet>) {
    super('apply conflicts');
  }
}

/** The result of a server-side apply. */
export interface ApplyResult {
  /** The object to store, with its managed fields. */
  object: KubeObject;
  /** False when the apply changed nothing but (possibly) ownership. */
  changed: boolean;
}

const clone = <T>(v: T): T => cloneJson(v);

const zeros = new Map<string, JsonMap>();

function cloneManaged(managed: Managed): Managed {
  const fields = new Map<string, VersionedSet>();
  for (const [id, vs] of managed.fields) fields.set(id, { ...vs });
  return { fields, times: new Map(managed.times) };
}

function withoutManagedFields(obj: KubeObject | JsonMap | undefined): JsonMap | undefined {
  if (obj === undefined) return undefined;
  const copy = clone(obj) as JsonMap & { metadata?: JsonMap };
  if (copy.metadata && typeof copy.metadata === 'object') delete copy.metadata.managedFields;
  return copy;
}

/**
 * The same object without managedFields, for reading only: it shares everything but the top level
 * and metadata with `obj`. Comparisons need no copy, and copying every object twice per write
 * was most of the cost of recording an Update (bench/ S8 POST).
 */
function viewWithoutManagedFields(obj: KubeObject | JsonMap | undefined): JsonMap | undefined {
  if (obj === undefined) return undefined;
  const metadata = (obj as JsonMap).metadata;
  if (!metadata || typeof metadata !== 'object' || !Object.hasOwn(metadata, 'managedFields')) return obj as JsonMap;
  // A loop, not `{ managedFields, ...rest }`: V8 runs rest destructuring through a slow generic path.
  const rest: JsonMap = {};
  for (const key in metadata) if (key !== 'managedFields' && Object.hasOwn(metadata, key)) setOwnProperty(rest, key, (metadata as JsonMap)[key]);
  return { ...obj, metadata: rest };
}

function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = stripNulls(v);
  return out;
}

/** `apps/v1, Kind=Deployment` (schema.GroupVersionKind's String) for an object's apiVersion and kind. */
function gvkString(obj: JsonMap): string {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const parts = apiVersion.split('/');
  const [group, version] = parts.length === 2 ? parts : parts.length === 1 ? ['', parts[0]] : ['', ''];
  return `${group}/${version}, Kind=${kind}`;
}

/**
 * Tracks field ownership in `metadata.managedFields` the way the API server's field manager does
 * (k8s.io/apimachinery/pkg/util/managedfields/internal, over structured-merge-diff's Updater):
 * writes record `Update` entries for the fields they change, server-side apply merges the applied
 * configuration, takes ownership, prunes what its manager stopped applying and reports conflicts.
 */
export class FieldManager {
  constructor(private readonly scope: FieldManagerScope) {}

  get #apiVersion(): string {
    return this.scope.group ? `${this.scope.group}/${this.scope.version}` : this.scope.version;
  }

  #zero(): JsonMap {
    // withZeroStructs copies what it takes from the zero object, so one frozen copy per kind serves every write.
    const key = `${this.scope.group}/${this.scope.kind}`;
    let zero = zeros.get(key);
    if (!zero) zeros.set(key, (zero = deepFreeze(zeroObject(this.scope.group, this.scope.kind))));
    return zero;
  }

  /** The object as a typed Go value would serialise for comparison: zero structs in, managed fields out. Read only. */
  #normalize(obj: JsonMap | undefined): unknown {
    return withZeroStructs(this.#zero(), viewWithoutManagedFields(obj));
  }

  #filter(set: FieldSet): FieldSet {
    return this.scope.resetFields ? set.recursiveDifference(this.scope.resetFields) : set;
  }

  #compare(live: JsonMap | undefined, next: JsonMap | undefined): Comparison {
    const c = this.scope.values.compare(this.#normalize(live), this.#normalize(next), this.scope.type);
    return { added: this.#filter(c.added), modified: this.#filter(c.modified), removed: this.#filter(c.removed) };
  }

  #identifier(manager: string, operation: 'Apply' | 'Update'): string {
    return managerIdentifier({ manager, operation, apiVersion: this.#apiVersion, subresource: this.scope.subresource });
  }

  /**
   * The managed fields after a create, update or non-apply patch by `manager` (FieldManager.Update).
   * Returns undefined when the managed fields cannot be decoded, which upstream answers by
   * dropping them.
   */
  update(live: KubeObject | undefined, next: KubeObject, manager: string): ManagedFieldsEntry[] | undefined {
    let managed: Managed;
    try {
      managed = this.#decodeLiveOrNew(live, next);
    } catch {
      return undefined;
    }
    // #recordUpdate only compares: views do, without copying either object.
    this.#recordUpdate(managed, viewWithoutManagedFields(live), viewWithoutManagedFields(next), manager);
    this.#capUpdateManagers(managed);
    return encodeManagedFields(managed);
  }

  /** New managed fields from the request, unless absent or invalid; `[]` resets them (decodeLiveOrNew). */
  #decodeLiveOrNew(live: KubeObject | undefined, next: KubeObject): Managed {
    if (this.scope.subresource) return decodeManagedFields(live?.metadata.managedFields);
    const requested = next.metadata.managedFields;
    if (isResetManagedFields(requested)) return emptyManaged();
    const stored = live?.metadata.managedFields;
    // Most writers send back the managed fields they read, copied: the stored ones decode from cache.
    if (stored !== undefined && deepEqual(requested, stored)) return decodeManagedFields(stored);
    try {
      const managed = decodeManagedFields(requested);
      if (managed.fields.size > 0) return managed;
    } catch {
      // fall back to the live object's
    }
    return decodeManagedFields(live?.metadata.managedFields);
  }

  /** Records an Update by `manager` into `managed` (the "current-operation" dance of managedFieldsUpdater). */
  #recordUpdate(managed: Managed, live: JsonMap | undefined, next: JsonMap | undefined, manager: string): void {
    const c = this.#compare(live, next);
    const changed = c.modified.union(c.added);
    const id = this.#identifier(manager, 'Update');
    const before = managed.fields.get(id)?.set;
    const own = changed.difference(c.removed).difference(strippedFields);
    // The sole manager rewriting fields it owns (a Lease renewal): the steps below would take them
    // away and give them back, walking its whole set twice, for the same set and a new time.
    if (before !== undefined && managed.fields.size === 1 && !own.isEmpty() && own.isSubsetOf(before) && !before.overlaps(c.removed) && !before.overlaps(strippedFields)) {
      managed.times.set(id, this.scope.now);
      return;
    }
    // The write takes over what it changed from everyone and drops what it removed.
    for (const [other, vs] of managed.fields) {
      const set = vs.set.difference(vs.set.intersection(changed)).difference(c.removed);
      if (set.isEmpty()) managed.fields.delete(other);
      else if (set !== vs.set) managed.fields.set(other, { ...vs, set });
    }
    if (own.isEmpty()) return;
    const previous = managed.fields.get(id);
    let set = previous ? own.union(previous.set) : own;
    // A manager that rewrites fields it owns (a Lease renewal) keeps its set, and the set its stored tree.
    if (before !== undefined && set.equals(before)) set = before;
    managed.fields.set(id, { set, apiVersion: this.#apiVersion, applied: false });
    managed.times.set(id, this.scope.now);
  }

  /** Merges the oldest Update entries into `ancient-changes` beyond the cap (capManagersManager). */
  #capUpdateManagers(managed: Managed): void {
    const updaters = [...managed.fields].filter(([, vs]) => !vs.applied).map(([id]) => id);
    if (updaters.length <= maxUpdateManagers) return;
    const seconds = (id: string): number => {
      const t = managed.times.get(id);
      return t ? Math.floor(Date.parse(t) / 1000) : 0;
    };
    updaters.sort((a, b) => seconds(a) - seconds(b) || (a < b ? -1 : a > b ? 1 : 0));
    const firstByVersion = new Map<string, string>();
    let length = updaters.length;
    for (let i = 0; i < updaters.length && length > maxUpdateManagers; i++) {
      const id = updaters[i]!;
      const vs = managed.fields.get(id)!;
      const bucket = managerIdentifier({ manager: oldUpdatesManager, operation: 'Update', apiVersion: vs.apiVersion });
      const first = firstByVersion.get(vs.apiVersion);
      if (first === undefined) {
        firstByVersion.set(vs.apiVersion, id);
        continue;
      }
      if (!managed.fields.has(bucket)) {
        managed.fields.set(bucket, managed.fields.get(first)!);
        managed.fields.delete(first);
      }
      managed.fields.set(bucket, { set: vs.set.union(managed.fields.get(bucket)!.set), apiVersion: vs.apiVersion, applied: vs.applied });
      managed.fields.delete(id);
      length--;
      managed.times.set(bucket, managed.times.get(id));
    }
  }

  /**
   * Server-side apply of `config` by `manager` onto `live` (undefined when the apply creates the
   * object). Throws the API errors upstream answers with, including 409 conflicts unless `force`.
   */
  apply(live: KubeObject | undefined, config: JsonMap, manager: string, force: boolean): ApplyResult {
    const scope = this.scope;
    if (config.apiVersion !== this.#apiVersion || config.kind !== scope.kind) throw badRequest(`invalid object type: ${gvkString(config)}`);
    const configMeta = (config.metadata ?? {}) as JsonMap;
    if (configMeta.managedFields !== undefined && configMeta.managedFields !== null) throw badRequest('metadata.managedFields must be nil');
    const errors = scope.values.validate(config, scope.type);
    if (errors.length > 0) {
      const name = typeof configMeta.name === 'string' ? configMeta.name : '';
      const namespace = typeof configMeta.namespace === 'string' ? configMeta.namespace : '';
      throw new UnknownReasonError(`failed to create typed patch object (${namespace}/${name}; ${gvkString(config)}): ${typedErrorsText(errors)}`);
    }
    let managed: Managed;
    try {
      managed = decodeManagedFields(live?.metadata.managedFields);
    } catch (error) {
      throw new UnknownReasonError(`failed to decode managed fields: ${(error as Error).message}`);
    }
    const liveObj = withoutManagedFields(live);
    // Objects written before anyone tracked fields get their existing fields attributed first.
    if (liveObj !== undefined && managed.fields.size === 0) this.#recordUpdate(managed, undefined, liveObj, beforeFirstApplyManager);

    let result: { object: JsonMap; managed: Managed; changed: boolean };
    try {
      result = this.#apply(managed, liveObj, config, manager, force);
    } catch (error) {
      if (!(error instanceof ApplyConflicts)) throw error;
      // kubectl's own server-side apply may take over what client-side apply set, as long as the
      // field still holds the last applied value (lastAppliedManager).
      const allowed = manager === kubectlApplyManager && liveObj ? this.#allowedFromLastApplied(liveObj) : undefined;
      if (!allowed) throw conflictError(error.conflicts);
      const remaining = new Map<string, FieldSet>();
      for (const [id, set] of error.conflicts) {
        const rest = set.difference(allowed);
        if (!rest.isEmpty()) remaining.set(id, rest);
      }
      if (remaining.size > 0) throw conflictError(remaining);
      result = this.#apply(managed, liveObj, config, manager, true);
    }

    const object = result.object as KubeObject;
    // kubectl's server-side apply keeps a client-side apply annotation in step (lastAppliedUpdater).
    if (manager === kubectlApplyManager && lastAppliedOf(object) !== undefined) {
      const applied = clone(config) as JsonMap & { metadata?: JsonMap & { annotations?: Record<string, string> } };
      const annotations = applied.metadata?.annotations;
      if (annotations) delete annotations[lastAppliedAnnotation];
      object.metadata.annotations = { ...object.metadata.annotations, [lastAppliedAnnotation]: `${goJsonMarshal(applied)}\n` };
    }
    const entries = encodeManagedFields(result.managed);
    if (entries.length > 0) object.metadata.managedFields = entries as KubeObject['metadata']['managedFields'];
    else delete object.metadata.managedFields;
    return { object, changed: result.changed };
  }

  #apply(base: Managed, live: JsonMap | undefined, config: JsonMap, manager: string, force: boolean): { object: JsonMap; managed: Managed; changed: boolean } {
    const { values, type } = this.scope;
    const managed = cloneManaged(base);
    const id = this.#identifier(manager, 'Apply');
    const merged = (values.merge(live, config, type) ?? {}) as JsonMap;
    const lastSet = managed.fields.get(id);
    managed.fields.set(id, { set: this.#filter(values.toFieldSet(config, type)), apiVersion: this.#apiVersion, applied: true });

    // Prune what this manager applied last time, applies no more, and nobody else owns.
    let pruned = merged;
    if (lastSet && !lastSet.set.isEmpty()) {
      let owned = new FieldSet();
      for (const vs of managed.fields.values()) owned = owned.union(vs.set);
      const removable = values.ensureNamedFieldsAreMembers(lastSet.set, type).difference(values.ensureNamedFieldsAreMembers(owned, type));
      pruned = (values.removeItems(merged, removable, type) ?? {}) as JsonMap;
    }

    const c = this.#compare(live, pruned);
    const changedFields = c.modified.union(c.added);
    const conflicts = new Map<string, FieldSet>();
    for (const [other, vs] of managed.fields) {
      if (other === id) continue;
      const conflict = vs.set.intersection(changedFields);
      if (!conflict.isEmpty()) conflicts.set(other, conflict);
    }
    if (!force && conflicts.size > 0) throw new ApplyConflicts(conflicts);
    for (const [other, vs] of managed.fields) {
      if (other === id) continue;
      const set = vs.set.difference(conflicts.get(other) ?? new FieldSet()).difference(c.removed);
      if (set.isEmpty()) managed.fields.delete(other);
      else managed.fields.set(other, { ...vs, set });
    }
    const applied = managed.fields.get(id)!;
    const ownSet = applied.set.difference(strippedFields);
    if (ownSet.isEmpty()) managed.fields.delete(id);
    else managed.fields.set(id, { ...applied, set: ownSet });

    const changed = !deepEqual(stripNulls(this.#normalize(live)), stripNulls(this.#normalize(pruned)));
    if (!changed) return { object: clone(live ?? pruned), managed, changed };
    managed.times.set(id, this.scope.now);
    return { object: pruned, managed, changed };
  }

  /** The fields client-side apply last applied that still hold that value (allowedConflictsFromLastApplied). */
  #allowedFromLastApplied(live: JsonMap): FieldSet | undefined {
    const text = lastAppliedOf(live as KubeObject);
    if (!text) return undefined;
    let lastApplied: unknown;
    try {
      lastApplied = JSON.parse(text);
    } catch {
      return undefined;
    }
    const { values, type } = this.scope;
    if (values.validate(lastApplied, type).length > 0) return undefined;
    const set = values.toFieldSet(lastApplied, type);
    return set.difference(values.compare(lastApplied, live, type).modified);
  }
}

function lastAppliedOf(obj: KubeObject): string | undefined {
  const value = obj.metadata?.annotations?.[lastAppliedAnnotation];
  return value ? value : undefined;
}

/** The 409 for apply conflicts, worded as upstream's NewConflictError. */
function conflictError(conflicts: Map<string, FieldSet>): ApiError {
  const list: { manager: string; path: Path }[] = [];
  for (const manager of [...conflicts.keys()].sort()) for (const path of conflicts.get(manager)!.iterate()) list.push({ manager, path });
  const causes = list.map((c) => ({ reason: 'FieldManagerConflict' as const, message: `conflict with ${printManager(c.manager)}`, field: pathString(c.path) }));
  let message: string;
  if (list.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${printManager(list[0]!.manager)}: ${pathString(list[0]!.path)}`;
  } else {
    const lines: string[] = [];
    for (const manager of [...conflicts.keys()].sort()) {
      lines.push(`conflicts with ${printManager(manager)}:`);
      for (const path of conflicts.get(manager)!.iterate()) lines.push(`- ${pathString(path)}`);
    }
    message = `Apply failed with ${list.length} conflicts: ${lines.join('\n')}`;
  }
  return new ApiError('Conflict', message, { causes });
}
