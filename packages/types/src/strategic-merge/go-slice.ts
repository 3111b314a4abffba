import { goEqual } from './go-values.js';

// Where Go mutates a slice's backing array in place while a caller still holds the old slice
// header, upstream's results depend on it (the element order after `$setElementOrder` plus
// deletions, for one); a GoSlice reproduces that.

/** A Go slice header: a view of `len` items over a shared backing array of capacity `cap`. */
export interface GoSlice {
  backing: unknown[];
  len: number;
  cap: number;
}

/** The items a slice header sees. */
export const view = (s: GoSlice): unknown[] => s.backing.slice(0, s.len);

/** Go's `append`: in place when capacity allows, otherwise onto a fresh backing array. */
export function goAppend(s: GoSlice, items: readonly unknown[]): GoSlice {
  const len = s.len + items.length;
  if (len <= s.cap) {
    items.forEach((item, i) => (s.backing[s.len + i] = item));
    return { backing: s.backing, len, cap: s.cap };
  }
  return { backing: [...view(s), ...items], len, cap: Math.max(len, 2 * s.cap) };
}

/** Capacity of a slice that `append` grew from empty, as encoding/json builds decoded arrays. */
export function appendGrownCapacity(length: number): number {
  let cap = 0;
  while (cap < length) cap = cap === 0 ? 1 : cap * 2;
  return cap;
}

/** Upstream's in-place deduplicateScalars, which moves the last item into each duplicate's slot. */
export function deduplicateScalars(s: GoSlice): GoSlice {
  const b = s.backing;
  let length = s.len - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goEqual(b[i], b[j])) {
        b[j] = b[length];
        length--;
        j--;
      }
    }
  }
  return { ...s, len: length + 1 };
}

/** {@link deduplicateScalars} of a whole array, which it shortens in place. */
export function deduplicateScalarList(list: unknown[]): unknown[] {
  list.length = deduplicateScalars({ backing: list, len: list.length, cap: list.length }).len;
  return list;
}
