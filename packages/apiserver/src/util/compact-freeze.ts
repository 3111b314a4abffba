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
 * Freezes a freshly parsed JSON value (one nobody else holds), sharing its short strings with the
 * objects stored before it: JSON.parse gives every object its own copy of "v1", "True", "TCP" or
 * the node name, and a stored pod holds hundreds of such values.
 *
 * Objects and arrays are never shared, not even empty ones (a pod's managedFields hold about a
 * hundred `{}` leaves): readers copy stored objects with structuredClone, which keeps aliases, so
 * one shared `{}` would become one mutable object everywhere it appeared in the copy.
 */
export function freezeParsed<T>(value: T): T {
  return compact(value) as T;
}

function compact(value: unknown): unknown {
  if (typeof value === 'string') return value.length <= maxInternedLength ? intern(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = compact(value[i]);
    return Object.freeze(value);
  }
  const record = value as Record<string, unknown>;
  for (const key in record) record[key] = compact(record[key]);
  return Object.freeze(record);
}
