// Helpers that make decoded JSON behave as the `map[string]interface{}` values kubectl's patch
// code handles: Go's reflect kinds, `reflect.DeepEqual`, `fmt.Sprintf("%v")` and its sorts.

/** A JSON object as Go decodes it. */
export type JsonMap = Record<string, unknown>;

/** The kind of a decoded JSON value as reflect sees it (apimachinery decodes integers as int64). */
export type GoKind = 'map' | 'slice' | 'string' | 'int64' | 'float64' | 'bool' | 'nil';

export const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

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

/** Go's `==` on two interface values holding JSON scalars (maps and slices never compare equal). */
export const goEqual = (a: unknown, b: unknown): boolean =>
  goKind(a) === goKind(b) && (a ?? null) === (b ?? null) && (typeof a !== 'object' || a === null || a === undefined);

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

/** Go's shortest `%v` of a float64: plain digits below 1e21, exponent form (two-digit minimum) otherwise. */
function goFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [mantissa, e = '0'] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${e.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  return String(n);
}

/** `fmt.Sprintf("%v", v)` of a decoded JSON value. */
export function goV(v: unknown): string {
  switch (goKind(v)) {
    case 'nil':
      return '<nil>';
    case 'string':
      return v as string;
    case 'bool':
      return (v as boolean) ? 'true' : 'false';
    case 'int64':
      return String(v);
    case 'float64':
      return goFloat(v as number);
    case 'slice':
      return `[${(v as unknown[]).map(goV).join(' ')}]`;
    case 'map': {
      const m = v as JsonMap;
      return `map[${Object.keys(m)
        .sort()
        .map((k) => `${k}:${goV(m[k])}`)
        .join(' ')}]`;
    }
  }
}

/**
 * Sorts in place as Go's sort.Sort and sort.SliceStable do for short slices (an insertion sort, used
 * up to 12 and 20 items): upstream's comparators are `<=` or not even orders, so for equal keys
 * only the same algorithm gives the same order. Longer slices get a stable sort, which agrees
 * whenever the keys are distinct.
 */
export function goSort<T>(items: T[], less: (a: T, b: T) => boolean, insertionLimit: number): T[] {
  if (items.length <= insertionLimit) {
    for (let i = 1; i < items.length; i++) {
      for (let j = i; j > 0 && less(items[j]!, items[j - 1]!); j--) {
        const t = items[j]!;
        items[j] = items[j - 1]!;
        items[j - 1] = t;
      }
    }
    return items;
  }
  const sorted = [...items].sort((a, b) => (less(a, b) && !less(b, a) ? -1 : less(b, a) && !less(a, b) ? 1 : 0));
  sorted.forEach((v, i) => (items[i] = v));
  return items;
}

/** sort.Sort's insertion-sort threshold (pdqsort). */
export const sortSortLimit = 12;
/** sort.SliceStable's block size. */
export const sliceStableLimit = 20;

/** Upstream's `sort.StringsAreSorted([]string{a, b})`, i.e. `a <= b` by bytes. */
export const stringsSorted = (a: string, b: string): boolean => a <= b;

/** Upstream's sortScalars: in place, by `%v`. */
export function sortScalars(s: unknown[]): unknown[] {
  return goSort(s, (a, b) => stringsSorted(goV(a), goV(b)), sortSortLimit);
}

/** Upstream's in-place de-duplication, which moves the last item into each duplicate's slot. */
export function deduplicateScalars(s: unknown[]): unknown[] {
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goEqual(s[i], s[j])) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}
