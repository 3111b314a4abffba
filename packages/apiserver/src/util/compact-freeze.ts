import { SharedValues } from './shared-values.js';

/** Strings up to this length are shared between stored objects: "v1", "True", node names, "TCP". */
const maxInternedLength = 24;
/** Distinct strings kept for sharing; the table starts over when full, so unique values cannot grow it without bound. */
const maxInterned = 16_384;
let interned = new Map<string, string>();

function intern(value: string): string {
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size >= maxInterned) interned = new Map();
  interned.set(value, value);
  return value;
}

/**
 * What `JSON.parse(JSON.stringify(value))`, deeply frozen, gives — without writing the text: a
 * copy with JSON's rules (toJSON applied; undefined, functions and symbols left out of objects and
 * null in arrays; non-finite numbers null; a BigInt throws). The store copies every object it
 * stores this way and serialises it only when a reader needs the text.
 *
 * Short strings are shared with the objects stored before: a parse gives every object its own
 * copy of "v1", "True", "TCP" or the node name, and a stored pod holds hundreds of such values.
 * The field sets of `metadata.managedFields` (FieldsV1 trees) are shared too: they are most of a
 * stored pod or Event, and most of them repeat — every pod of a ReplicaSet has the same
 * controller's set, every Event of a reason the same kubelet's. Other objects and arrays are not
 * shared, and no tree appears twice in one object: readers copy stored objects with
 * structuredClone, which keeps aliases, so a value shared within one object would become one
 * mutable value everywhere it appeared in the copy.
 */
export function frozenJsonCopy<T>(value: T): T {
  return copyFrozen(value, false, Level.Top) as T;
}

/** Where in an object a value sits, as far as finding `metadata.managedFields` needs. */
const enum Level {
  Top,
  Metadata,
  Other,
}

/** A shared FieldsV1 tree and the shared subtrees it is built of. */
interface SharedTree {
  readonly tree: object;
  readonly parts: readonly object[];
}

/** FieldsV1 trees by their JSON text; a generation holds more than a few thousand objects' sets. */
const fieldsTrees = new SharedValues<SharedTree>(8_192);
/** Their second-level subtrees (`f:status` → `f:conditions`), shared by trees that differ elsewhere. */
const fieldsParts = new SharedValues<object>(8_192);

function copyManagedFields(list: unknown): unknown {
  if (!Array.isArray(list)) return copyFrozen(list, false, Level.Other);
  const out = new Array<unknown>(list.length);
  const used = new Set<object>();
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    if (!isPlainRecord(entry) || !isPlainRecord(entry.fieldsV1)) {
      out[i] = copyFrozen(entry, true, Level.Other);
      continue;
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(entry)) {
      const copied = key === 'fieldsV1' ? sharedTree(entry.fieldsV1, used) : copyFrozen(entry[key], false, Level.Other);
      if (copied !== undefined) copy[key] = copied;
    }
    out[i] = Object.freeze(copy);
  }
  return Object.freeze(out);
}

/** The shared copy of a FieldsV1 tree (its JSON text is the copy's), unless this object holds it or a part of it already. */
function sharedTree(tree: Record<string, unknown>, used: Set<object>): unknown {
  const shared = fieldsTrees.get(JSON.stringify(tree), () => buildSharedTree(tree));
  if (used.has(shared.tree) || shared.parts.some((part) => used.has(part))) return copyFrozen(tree, false, Level.Other);
  used.add(shared.tree);
  for (const part of shared.parts) used.add(part);
  return shared.tree;
}

/**
 * A frozen copy of a tree whose non-empty second-level subtrees are shared: the kubelet's set of
 * every pod differs only in `f:podIPs`, and its `f:conditions` is most of it.
 */
function buildSharedTree(tree: Record<string, unknown>): SharedTree {
  const parts: object[] = [];
  const root: Record<string, unknown> = {};
  for (const key of Object.keys(tree)) {
    const child = tree[key];
    if (!isPlainRecord(child)) {
      const copied = copyFrozen(child, false, Level.Other);
      if (copied !== undefined) root[key] = copied;
      continue;
    }
    const level: Record<string, unknown> = {};
    for (const name of Object.keys(child)) {
      const grandchild = child[name];
      if (isPlainRecord(grandchild) && Object.keys(grandchild).length > 0) {
        const part = fieldsParts.get(JSON.stringify(grandchild), () => copyFrozen(grandchild, false, Level.Other) as object);
        if (!parts.includes(part)) {
          parts.push(part);
          level[name] = part;
          continue;
        }
      }
      const copied = copyFrozen(grandchild, false, Level.Other);
      if (copied !== undefined) level[name] = copied;
    }
    root[key] = Object.freeze(level);
  }
  return { tree: Object.freeze(root), parts };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

function copyFrozen(value: unknown, inArray: boolean, level: Level): unknown {
  switch (typeof value) {
    case 'string':
      if (value.length <= maxInternedLength) return intern(value);
      // Built strings (`${pod}.${hex}`, Event messages) are ropes; reading a character flattens
      // one, and the GC then drops its pieces: half the memory of a rope of three.
      value.charCodeAt(0);
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'object':
      break;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      // undefined, functions, symbols: left out of objects (the caller skips them), null in arrays.
      return inArray ? null : undefined;
  }
  if (value === null) return null;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return copyFrozen(toJSON.call(value), inArray, level);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyFrozen(value[i], true, Level.Other);
    return Object.freeze(out);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    const copied =
      level === Level.Other
        ? copyFrozen(child, false, Level.Other)
        : level === Level.Top
          ? copyFrozen(child, false, key === 'metadata' ? Level.Metadata : Level.Other)
          : key === 'managedFields'
            ? copyManagedFields(child)
            : copyFrozen(child, false, Level.Other);
    if (copied !== undefined) out[key] = copied;
  }
  return Object.freeze(out);
}
