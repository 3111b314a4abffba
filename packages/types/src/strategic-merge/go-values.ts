// Decoded JSON seen as the `map[string]interface{}` values k8s.io/apimachinery's strategicpatch
// handles: Go's reflect kinds, `==` and reflect.DeepEqual.

/** A JSON object as Go decodes it (`map[string]interface{}`). */
export type JsonMap = Record<string, unknown>;

/** The kind of a decoded JSON value as reflect sees it (apimachinery decodes integers as int64). */
export type GoKind = 'map' | 'slice' | 'string' | 'int64' | 'float64' | 'bool' | 'nil';

/** Whether a decoded JSON value is an object. */
export const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Go's `_, ok := m[key]`: own keys only, so `constructor` or `toString` are never found by accident. */
export const hasOwn = (m: JsonMap, key: string): boolean => Object.prototype.hasOwnProperty.call(m, key);

/** reflect.TypeOf(v).Kind() of a decoded JSON value. */
export function goKind(v: unknown): GoKind {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return Number.isInteger(v) ? 'int64' : 'float64';
}

/** Go's `==` on two interface values holding decoded JSON scalars (maps and slices never compare equal). */
export const goEqual = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null) && (typeof a !== 'object' || a === null);

/** reflect.DeepEqual over decoded JSON. */
export function deepEqual(a: unknown, b: unknown): boolean {
  const kind = goKind(a);
  if (kind !== goKind(b)) return false;
  if (kind === 'slice') {
    const l = a as unknown[];
    const r = b as unknown[];
    return l.length === r.length && l.every((v, i) => deepEqual(v, r[i]));
  }
  if (kind === 'map') {
    const l = a as JsonMap;
    const r = b as JsonMap;
    const keys = Object.keys(l);
    return keys.length === Object.keys(r).length && keys.every((k) => hasOwn(r, k) && deepEqual(l[k], r[k]));
  }
  return (a ?? null) === (b ?? null);
}
