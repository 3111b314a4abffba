/**
 * FieldsV1 trees shared between stored objects. They are most of a stored pod or Event (a third
 * of the heap of a cluster of Running pods), and most of them repeat: every pod of a ReplicaSet
 * holds the same controller's set, every Event of a reason the same kubelet's.
 */
import { setOwnProperty } from '@minik/types';
import { SharedValues, sameJsonText } from './shared-values.js';
import { sizedObject } from './sized-objects.js';

/** Frozen JSON copy of a value (what the store's copy does everywhere else). */
type CopyValue = (value: unknown, inArray: boolean) => unknown;

/** A shared FieldsV1 tree and the shared subtrees it is built of. */
interface SharedTree {
  readonly tree: object;
  readonly parts: readonly object[];
  /**
   * The last managedFields entry made with this tree: the pods a ReplicaSet creates in one second
   * have the same entry (manager, operation, time and the controller's set), so they share it.
   */
  lastEntry: Readonly<Record<string, unknown>> | undefined;
}

/** FieldsV1 trees by their JSON text. Sets that recur stay; each pod's own kubelet set passes through. */
const fieldsTrees = new SharedValues<SharedTree>(2_048);
/** Every shared tree, found without its text: writes carry the stored trees of managers they left alone. */
const sharedTrees = new WeakMap<object, SharedTree>();
/** Whole managedFields lists of one entry, by JSON text. */
const singleEntryLists = new SharedValues<unknown>(1_024);
/** Their second-level subtrees (`f:status` → `f:conditions`), shared by trees that differ elsewhere. */
const fieldsParts = new SharedValues<object>(2_048);

/**
 * A frozen copy of `metadata.managedFields` whose FieldsV1 trees are shared with other stored
 * objects (`copy` copies any other value). No tree or part of one appears twice in one object.
 */
export function copyManagedFields(list: unknown, copy: CopyValue): unknown {
  if (!Array.isArray(list)) return copy(list, false);
  // An Event's single entry repeats for every Event its component writes in the same second. An
  // update that kept its manager's stored set (a Lease renewal) is cheaper to copy than to look up.
  const only: unknown = list.length === 1 ? list[0] : undefined;
  if (isPlainRecord(only) && !isSharedFieldsTree(only.fieldsV1)) {
    const last = singleEntryLists.last;
    if (last !== undefined && sameJsonText(list, last)) return last;
    return singleEntryLists.get(JSON.stringify(list), () => copyEntries(list, copy));
  }
  return copyEntries(list, copy);
}

function copyEntries(list: unknown[], copy: CopyValue): unknown {
  const copies = new Array<unknown>(list.length);
  const used = new Set<object>();
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    if (!isPlainRecord(entry) || !isPlainRecord(entry.fieldsV1)) {
      copies[i] = copy(entry, true);
      continue;
    }
    const shared = sharedTree(entry.fieldsV1, used, copy);
    const last = shared?.lastEntry;
    if (last !== undefined && sameEntry(last, entry)) {
      copies[i] = last;
      continue;
    }
    const keys = Object.keys(entry);
    const out = sizedObject(keys.length);
    for (const key of keys) {
      const copied = key === 'fieldsV1' ? (shared?.tree ?? copy(entry.fieldsV1, false)) : copy(entry[key], false);
      if (copied !== undefined) setOwnProperty(out, key, copied);
    }
    copies[i] = Object.freeze(out);
    if (shared) shared.lastEntry = copies[i] as Readonly<Record<string, unknown>>;
  }
  return Object.freeze(copies);
}

/** The shared FieldsV1 tree with this JSON text, unless this object holds it or a part of it already. */
function sharedTree(tree: Record<string, unknown>, used: Set<object>, copy: CopyValue): SharedTree | undefined {
  const shared = sharedTrees.get(tree) ?? fieldsTrees.get(JSON.stringify(tree), () => buildSharedTree(tree, copy));
  if (used.has(shared.tree) || shared.parts.some((part) => used.has(part))) return undefined;
  used.add(shared.tree);
  for (const part of shared.parts) used.add(part);
  return shared;
}

/** Whether a stored entry has the fields of `entry` besides its tree (strings: manager, time, …). */
function sameEntry(stored: Readonly<Record<string, unknown>>, entry: Record<string, unknown>): boolean {
  const keys = Object.keys(entry);
  if (keys.length !== Object.keys(stored).length) return false;
  for (const key of keys) if (key !== 'fieldsV1' && (typeof entry[key] === 'object' || stored[key] !== entry[key])) return false;
  return true;
}

/**
 * A frozen copy of a tree whose non-empty second-level subtrees are shared: the kubelet's set of
 * every pod differs only in `f:podIPs`, and its `f:conditions` is most of it.
 */
function buildSharedTree(tree: Record<string, unknown>, copy: CopyValue): SharedTree {
  const parts: object[] = [];
  const keys = Object.keys(tree);
  const root = sizedObject(keys.length);
  for (const key of keys) {
    const child = tree[key];
    if (!isPlainRecord(child)) {
      const copied = copy(child, false);
      if (copied !== undefined) setOwnProperty(root, key, copied);
      continue;
    }
    const names = Object.keys(child);
    const level = sizedObject(names.length);
    for (const name of names) {
      const grandchild = child[name];
      if (isPlainRecord(grandchild) && Object.keys(grandchild).length > 0) {
        const part = fieldsParts.get(JSON.stringify(grandchild), () => copy(grandchild, false) as object);
        if (!parts.includes(part)) {
          parts.push(part);
          setOwnProperty(level, name, part);
          continue;
        }
      }
      const copied = copy(grandchild, false);
      if (copied !== undefined) setOwnProperty(level, name, copied);
    }
    setOwnProperty(root, key, Object.freeze(level));
  }
  // A copy of the list: grown by push it keeps room for 17 parts, and every pod has its own tree.
  const shared: SharedTree = { tree: Object.freeze(root), parts: parts.slice(), lastEntry: undefined };
  sharedTrees.set(shared.tree, shared);
  return shared;
}

/**
 * Whether a value is a FieldsV1 tree the store shares: frozen all the way down, so that what is
 * derived from it (its decoded field set) can be kept with it.
 */
export function isSharedFieldsTree(value: unknown): value is object {
  return typeof value === 'object' && value !== null && sharedTrees.has(value);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

