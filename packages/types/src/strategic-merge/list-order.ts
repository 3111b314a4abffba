import { containsDirectiveMarker, extractToDeleteItems, setElementOrderDirectivePrefix } from './directives.js';
import { goValue } from './go-format.js';
import { goSort, stringsSorted } from './go-sort.js';
import { goSliceStable } from './go-stable-sort.js';
import { goEqual, goKind, hasOwn, isMap, type GoKind, type JsonMap } from './go-values.js';
import { MergePatchError, mergePatchErrors } from './merge-patch-error.js';

// How strategicpatch matches list items (by merge key, or by value for scalars) and orders merged
// lists: the patch's order first, server-only items slotted in by their live order.

const goMapType = 'map[string]interface {}';

/** The element kind shared by one or more lists, which must agree and may not be lists. */
export function sliceElementType(...slices: unknown[][]): GoKind {
  let prev: GoKind | undefined;
  for (const s of slices) {
    for (const v of s) {
      const current = goKind(v);
      if (prev === undefined) {
        prev = current;
        if (prev === 'slice') throw mergePatchErrors.noListOfLists();
      } else if (prev !== current) {
        throw new MergePatchError(`list element types are not identical: ${goValue(slices)}`);
      }
    }
  }
  if (prev === undefined) throw new MergePatchError('no elements in any of the given slices');
  return prev;
}

/** Whether two list items are the same item: equal merge key values, or equal scalars without a merge key. */
export function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return goEqual(left, right);
  if (!isMap(left)) throw mergePatchErrors.badArgType(goMapType, left);
  if (!isMap(right)) throw mergePatchErrors.badArgType(goMapType, right);
  if (!hasOwn(left, mergeKey)) throw mergePatchErrors.noMergeKey(left, mergeKey);
  if (!hasOwn(right, mergeKey)) throw mergePatchErrors.noMergeKey(right, mergeKey);
  return goEqual(left[mergeKey], right[mergeKey]);
}

/** A map item of a merging list and its merge key value, which it must have. */
export function mapAndMergeKeyValue(item: unknown, mergeKey: string): [JsonMap, unknown] {
  if (!isMap(item)) throw mergePatchErrors.badArgType(goMapType, item);
  if (!hasOwn(item, mergeKey)) throw mergePatchErrors.noMergeKey(item, mergeKey);
  return [item, item[mergeKey]];
}

function validateMergeKeyInLists(mergeKey: string, ...lists: (readonly unknown[])[]): void {
  for (const list of lists) for (const item of list) mapAndMergeKeyValue(item, mergeKey);
}

/** The relative order of the patch list must agree with `$setElementOrder`, which must cover it. */
export function validatePatchWithSetOrderList(patchList: unknown[] | undefined, setOrderList: unknown[], mergeKey: string): void {
  if (setOrderList.length === 0 || patchList === undefined || patchList.length === 0) return;
  const nonDeleteList = mergeKey !== '' ? extractToDeleteItems(patchList)[0] : patchList;
  let patchIndex = 0;
  let setOrderIndex = 0;
  while (patchIndex < nonDeleteList.length && setOrderIndex < setOrderList.length) {
    if (containsDirectiveMarker(nonDeleteList[patchIndex])) {
      patchIndex++;
      continue;
    }
    if (mergeKeyValueEqual(nonDeleteList[patchIndex], setOrderList[setOrderIndex], mergeKey)) patchIndex++;
    setOrderIndex++;
  }
  if (patchIndex < nonDeleteList.length && setOrderIndex >= setOrderList.length) {
    throw new MergePatchError(
      `The order in patch list:\n${goValue(patchList)}\n doesn't match ${setElementOrderDirectivePrefix} list:\n${goValue(setOrderList)}\n`,
    );
  }
}

/** Index of an item in a list, by merge key value for maps and by value otherwise; -1 if absent. */
function indexOf(list: readonly unknown[], item: unknown, mergeKey: string, kind: GoKind): number {
  const valueOf = kind === 'map' ? (v: unknown) => (isMap(v) ? (v[mergeKey] ?? null) : null) : (v: unknown) => v;
  const wanted = valueOf(item);
  return list.findIndex((v) => goEqual(wanted, valueOf(v)));
}

/** Sorts a list by the order of another (deletions last), with Go's sort.SliceStable and upstream's comparator. */
export function normalizeSliceOrder(toSort: readonly unknown[], order: readonly unknown[], mergeKey: string, kind: GoKind): unknown[] {
  let items: unknown[] = [...toSort];
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, toSort, order);
    [items, toDelete] = extractToDeleteItems(toSort);
  }
  goSliceStable(items, (a, b) => {
    const ia = indexOf(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexOf(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return [...items, ...toDelete];
}

/**
 * Interleaves server-only items (left) into patch items (right), keeping each side's relative
 * order and placing a server-only item before the first patch item the live list had after it.
 */
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: readonly unknown[], mergeKey: string, kind: GoKind): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  const size = left.length + right.length;
  for (let k = 0; k < size; k++) {
    if (i >= left.length && j < right.length) {
      out.push(right[j++]);
    } else if (j >= right.length && i < left.length) {
      out.push(left[i++]);
    } else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind);
      const ri = indexOf(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** Sorts patch items by the patch order and server-only items by the live order, then interleaves them. */
export function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  kind: GoKind,
): unknown[] {
  const sortedPatch = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const sortedServerOnly = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(sortedServerOnly, sortedPatch, serverOrder, mergeKey, kind);
}

/** The first map item whose `key` equals `value`, and its index. */
export function findMapInSliceBasedOnKeyValue(list: readonly unknown[], key: string, value: unknown): { map: JsonMap; index: number } | undefined {
  for (let k = 0; k < list.length; k++) {
    const typed = list[k];
    if (!isMap(typed)) throw new MergePatchError(`value for key ${k} is not a map.`);
    if (hasOwn(typed, key) && goEqual(typed[key], value)) return { map: typed, index: k };
  }
  return undefined;
}

/** Splits a merged list into the items a patch list names and the server-only rest. */
export function partitionByPresentInList(original: readonly unknown[], partitionBy: readonly unknown[], mergeKey: string): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  if (mergeKey === '') {
    const inPatch = new Set(partitionBy);
    for (const v of original) (inPatch.has(v) ? patch : serverOnly).push(v);
    return [patch, serverOnly];
  }
  for (const v of original) {
    const [, value] = mapAndMergeKeyValue(v, mergeKey);
    (findMapInSliceBasedOnKeyValue(partitionBy, mergeKey, value) ? patch : serverOnly).push(v);
  }
  return [patch, serverOnly];
}

/** Upstream's sortScalars: in place, by `%v`, with sort.Sort. */
export function sortScalars(s: unknown[]): unknown[] {
  return goSort(s, (a, b) => stringsSorted(goValue(a), goValue(b)));
}
