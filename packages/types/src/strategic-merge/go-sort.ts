/** sort.Sort's insertion-sort threshold (pdqsort). */
const sortSortLimit = 12;

/**
 * Go's `sort.Sort`, in place: an insertion sort up to 12 items, as pdqsort does, which is what
 * matters since upstream's comparators are `<=`, not strict orders, so for equal keys only the same
 * algorithm gives the same order. Longer slices get a stable sort, which agrees whenever the keys
 * are distinct.
 */
export function goSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  if (items.length > sortSortLimit) {
    const sorted = [...items].sort((a, b) => (less(a, b) && !less(b, a) ? -1 : less(b, a) && !less(a, b) ? 1 : 0));
    sorted.forEach((v, i) => (items[i] = v));
    return items;
  }
  for (let i = 1; i < items.length; i++) {
    for (let j = i; j > 0 && less(items[j]!, items[j - 1]!); j--) {
      const t = items[j]!;
      items[j] = items[j - 1]!;
      items[j - 1] = t;
    }
  }
  return items;
}

/** Upstream's `sort.StringsAreSorted([]string{a, b})`, i.e. `a <= b` by bytes. */
export const stringsSorted = (a: string, b: string): boolean => a <= b;
