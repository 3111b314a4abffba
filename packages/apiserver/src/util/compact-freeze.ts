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
 * Objects and arrays are never shared, not even empty ones (a pod's managedFields hold about a
 * hundred `{}` leaves): readers copy stored objects with structuredClone, which keeps aliases, so
 * one shared `{}` would become one mutable object everywhere it appeared in the copy.
 */
export function frozenJsonCopy<T>(value: T): T {
  return copyFrozen(value, false) as T;
}

function copyFrozen(value: unknown, inArray: boolean): unknown {
  switch (typeof value) {
    case 'string':
      return value.length <= maxInternedLength ? intern(value) : value;
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
  if (typeof toJSON === 'function') return copyFrozen(toJSON.call(value), inArray);
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyFrozen(value[i], true);
    return Object.freeze(out);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copied = copyFrozen((value as Record<string, unknown>)[key], false);
    if (copied !== undefined) out[key] = copied;
  }
  return Object.freeze(out);
}
