import { setOwnProperty } from '@minik/types';
import { copyManagedFields } from './shared-field-sets.js';
import { SharedValues, sameJsonText } from './shared-values.js';
import { sizedObject } from './sized-objects.js';

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
 * The field sets of `metadata.managedFields` (FieldsV1 trees, shared-field-sets.ts) and the values
 * at the places below are shared too. Other objects and arrays are not, and nothing is shared
 * twice within one object: readers copy stored objects with structuredClone, which keeps aliases,
 * so a value shared within one object would become one mutable value everywhere it appeared in
 * the copy.
 */
export function frozenJsonCopy<T>(value: T): T {
  return copyFrozen(value, false, Level.Top) as T;
}

/** Where in an object a value sits, as far as finding the shared places below needs. */
const enum Level {
  Top,
  Metadata,
  Spec,
  Status,
  /** The status of a pod's only app container. */
  ContainerStatus,
  Other,
}

// Maps, not object literals: a key `__proto__` must find nothing here.
const topLevels = new Map<string, Level>([
  ['metadata', Level.Metadata],
  ['spec', Level.Spec],
  ['status', Level.Status],
]);

/**
 * Values that are the same in many objects of a kind, shared between them by JSON text, one table
 * per place: a pod's labels, owner reference, containers, tolerations and security context are its
 * ReplicaSet's, pods started in the same second have the same conditions and container state, an
 * Event's source is its component's, and the kubelet's Events about one pod name the same object,
 * most with the same message as others, and pods on one node have the same host IPs.
 */
const sharedPlaces = new Map<Level, Map<string, SharedValues<unknown>>>([
  [Level.Top, tables('source', 'involvedObject', 'message')],
  [Level.Metadata, tables('ownerReferences', 'labels')],
  [Level.Spec, tables('containers', 'tolerations', 'securityContext')],
  [Level.Status, tables('conditions', 'hostIPs')],
  [Level.ContainerStatus, tables('state', 'lastState')],
]);

function tables(...places: string[]): Map<string, SharedValues<unknown>> {
  return new Map(places.map((place) => [place, new SharedValues<unknown>(1_024)]));
}

function copyAt(level: Level, key: string, value: unknown): unknown {
  if (level === Level.Status && key === 'containerStatuses' && Array.isArray(value) && value.length === 1) {
    // A container's state is that of every container started in the same second, and the empty
    // last state of every one not restarted: shared, as the one container's they appear once in a pod.
    return Object.freeze([copyFrozen(value[0], true, Level.ContainerStatus)]);
  }
  const table = sharedPlaces.get(level)?.get(key);
  if (table !== undefined && value !== null && typeof value === 'object') {
    const last = table.last;
    if (last !== undefined && sameJsonText(value, last)) return last;
    return table.get(JSON.stringify(value), () => copyFrozen(value, false, Level.Other));
  }
  if (table !== undefined && typeof value === 'string') return table.get(value, () => value);
  if (level === Level.Top) return copyFrozen(value, false, topLevels.get(key) ?? Level.Other);
  if (level === Level.Metadata && key === 'managedFields') return copyManagedFields(value, copyValue);
  return copyFrozen(value, false, Level.Other);
}

/** A frozen JSON copy of a value below the places that are shared. */
function copyValue(value: unknown, inArray: boolean): unknown {
  return copyFrozen(value, inArray, Level.Other);
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
  const keys = Object.keys(value);
  const out = sizedObject(keys.length);
  for (const key of keys) {
    const child = (value as Record<string, unknown>)[key];
    const copied = level === Level.Other ? copyFrozen(child, false, Level.Other) : copyAt(level, key, child);
    if (copied !== undefined) setOwnProperty(out, key, copied);
  }
  return Object.freeze(out);
}
