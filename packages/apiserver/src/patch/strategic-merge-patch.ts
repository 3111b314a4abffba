import { goSliceStable } from './go-stable-sort.js';
import { goValue } from './go-format.js';
import { MergePatchError, mergePatchErrors } from './patch-errors.js';
import type { PatchSchema } from './patch-meta.js';

// A port of the server half of k8s.io/apimachinery/pkg/util/strategicpatch/patch.go
// (StrategicMergeMapPatch with MergeParallelList and IgnoreUnmatchedNulls set), kept close to the
// Go so that results, list order and errors match upstream. Where Go mutates a slice's backing
// array in place and a caller still holds the old slice header, the GoSlice below reproduces that:
// upstream's element order after `$setElementOrder` plus deletions depends on it.

type JsonMap = Record<string, unknown>;

const directiveMarker = '$patch';
const deleteDirective = 'delete';
const replaceDirective = 'replace';
const mergeDirective = 'merge';
const retainKeysStrategy = 'retainKeys';
const deleteFromPrimitiveListDirectivePrefix = '$deleteFromPrimitiveList';
const retainKeysDirective = '$retainKeys';
const setElementOrderDirectivePrefix = '$setElementOrder';

const goMapType = 'map[string]interface {}';
const goSliceType = '[]interface {}';

const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Go's `==` on two decoded JSON scalars (maps and slices never compare equal). */
const goEqual = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null) && (typeof a !== 'object' || a === null);

/** The kind of a decoded JSON value as reflect sees it. */
type GoKind = 'map' | 'slice' | 'string' | 'int64' | 'float64' | 'bool' | 'nil';
function goKind(v: unknown): GoKind {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return Number.isInteger(v) ? 'int64' : 'float64';
}

/** A Go slice header: a view of `len` items over a shared backing array of capacity `cap`. */
interface GoSlice {
  backing: unknown[];
  len: number;
  cap: number;
}

const view = (s: GoSlice): unknown[] => s.backing.slice(0, s.len);

/** Go's `append`: in place when capacity allows, otherwise onto a fresh backing array. */
function goAppend(s: GoSlice, items: readonly unknown[]): GoSlice {
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

/** Options of a strategic merge. */
export interface StrategicMergeOptions {
  /**
   * Capacity of the original document's lists. The API server builds the document with
   * runtime.DefaultUnstructuredConverter, which sizes slices to their length (the default);
   * upstream's unit tests decode JSON, whose slices grow by appending ({@link appendGrownCapacity}).
   */
  capacity?: (length: number) => number;
}

/**
 * Applies a strategic merge patch to an original document, as the API server does
 * (strategicpatch.StrategicMergeMapPatch). Both maps are mutated; pass copies. Throws
 * {@link MergePatchError} with upstream's message.
 */
export function strategicMergeMapPatch(original: JsonMap, patch: JsonMap, schema: PatchSchema, options: StrategicMergeOptions = {}): JsonMap {
  const merger = new Merger(options.capacity ?? ((n) => n));
  return merger.mergeMap(original, patch, schema);
}

/** Removes keys that are still directives after merging (upstream drops them when decoding the typed object). */
export function stripDirectiveKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectiveKeys);
  if (!isMap(value)) return value;
  const out: JsonMap = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$')) out[k] = stripDirectiveKeys(v);
  return out;
}

function extractRetainKeysPatchStrategy(strategies: readonly string[]): [boolean, string] {
  switch (strategies.length) {
    case 0:
      return [false, ''];
    case 1:
      return strategies[0] === retainKeysStrategy ? [true, ''] : [false, strategies[0]!];
    case 2:
      if (strategies[0] === retainKeysStrategy) return [true, strategies[1]!];
      if (strategies[1] === retainKeysStrategy) return [true, strategies[0]!];
  }
  throw new MergePatchError(`unexpected patch strategy: ${goValue(strategies)}`);
}

function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === deleteFromPrimitiveListDirectivePrefix) throw mergePatchErrors.badPatchFormatForPrimitiveList();
    if (prefix === setElementOrderDirectivePrefix) throw mergePatchErrors.badPatchFormatForSetElementOrderList();
    throw new MergePatchError(`fail to find unknown prefix ${JSON.stringify(prefix)} in ${s}\n`);
  }
  return s.slice(slash + 1);
}

function handleDirectiveInMergeMap(directive: unknown, patch: JsonMap): JsonMap {
  // `$patch: replace` keeps the patch as the whole map; `$patch: delete` empties it.
  if (directive === replaceDirective) {
    delete patch[directiveMarker];
    return patch;
  }
  if (directive === deleteDirective) return {};
  throw mergePatchErrors.badPatchType(directive, patch);
}

function containsDirectiveMarker(item: unknown): boolean {
  return isMap(item) && directiveMarker in item;
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return goEqual(left, right);
  if (!isMap(left)) throw mergePatchErrors.badArgType(goMapType, left);
  if (!isMap(right)) throw mergePatchErrors.badArgType(goMapType, right);
  if (!(mergeKey in left)) throw mergePatchErrors.noMergeKey(left, mergeKey);
  if (!(mergeKey in right)) throw mergePatchErrors.noMergeKey(right, mergeKey);
  return goEqual(left[mergeKey], right[mergeKey]);
}

/** The relative order of the patch list must agree with `$setElementOrder`, which must cover it. */
function validatePatchWithSetOrderList(patchList: unknown[] | undefined, setOrderList: unknown[], mergeKey: string): void {
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

function applyRetainKeysDirective(original: JsonMap, patch: JsonMap): void {
  if (!(retainKeysDirective in patch)) return;
  const retainKeys = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!Array.isArray(retainKeys)) throw mergePatchErrors.badPatchFormatForRetainKeys();
  const keep = new Set<unknown>(retainKeys);
  // Every field the patch sets must be listed; everything unlisted is cleared from the original.
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(deleteFromPrimitiveListDirectivePrefix) || k.startsWith(setElementOrderDirectivePrefix)) continue;
    if (!keep.has(k)) throw mergePatchErrors.badPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/** Drops the `$patch` directives from a value taken whole from the patch; false when the value itself is one. */
function removeDirectives(obj: unknown): [unknown, boolean] {
  if (obj === null || obj === undefined) return [obj, true];
  if (isMap(obj)) {
    if (directiveMarker in obj) return [null, false];
    for (const [k, v] of Object.entries(obj)) {
      const [value, keep] = removeDirectives(v);
      if (keep) obj[k] = value;
      else delete obj[k];
    }
    return [obj, true];
  }
  if (Array.isArray(obj)) {
    const res: unknown[] = [];
    for (const v of obj) {
      const [value, keep] = removeDirectives(v);
      if (keep) res.push(value);
    }
    return [res, true];
  }
  return [obj, true];
}

/** Nulls mean "delete" and have nothing to delete in a value that was absent (kubernetes#123304). */
function discardNullValuesFromPatch(patchV: unknown): void {
  if (isMap(patchV)) {
    for (const [k, v] of Object.entries(patchV)) {
      if (v === null) delete patchV[k];
      else discardNullValuesFromPatch(v);
    }
  } else if (Array.isArray(patchV)) {
    for (const v of patchV) discardNullValuesFromPatch(v);
  }
}

/** The element kind of one or more lists, which must agree and may not be lists. */
function sliceElementType(...slices: unknown[][]): GoKind {
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

function extractToDeleteItems(list: unknown[]): [unknown[], unknown[]] {
  const nonDelete: unknown[] = [];
  const toDelete: unknown[] = [];
  for (const v of list) {
    if (!isMap(v)) throw mergePatchErrors.badArgType(goMapType, v);
    if (v[directiveMarker] === deleteDirective) toDelete.push(v);
    else nonDelete.push(v);
  }
  return [nonDelete, toDelete];
}

function validateMergeKeyInLists(mergeKey: string, ...lists: unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isMap(item)) throw mergePatchErrors.badArgType(goMapType, item);
      if (!(mergeKey in item)) throw mergePatchErrors.noMergeKey(item, mergeKey);
    }
  }
}

/** Index of an item in a list, by merge key value for maps and by value otherwise; -1 if absent. */
function indexOf(list: unknown[], item: unknown, mergeKey: string, kind: GoKind): number {
  const valueOf = kind === 'map' ? (v: unknown) => (isMap(v) ? (v[mergeKey] ?? null) : null) : (v: unknown) => v;
  const wanted = valueOf(item);
  return list.findIndex((v) => goEqual(wanted, valueOf(v)));
}

/** Sorts a list by the order of another (deletions last), with Go's stable sort and upstream's comparator. */
function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: GoKind): unknown[] {
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, toSort, order);
    [toSort, toDelete] = extractToDeleteItems(toSort);
  } else {
    toSort = [...toSort];
  }
  goSliceStable(toSort, (a, b) => {
    const ia = indexOf(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexOf(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return [...toSort, ...toDelete];
}

/**
 * Interleaves server-only items (left) into patch items (right), keeping each side's relative
 * order and placing a server-only item before the first patch item the live list had after it.
 */
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, kind: GoKind): unknown[] {
  const less = (l: unknown, r: unknown): [boolean, boolean] => {
    const li = indexOf(serverOrder, l, mergeKey, kind);
    const ri = indexOf(serverOrder, r, mergeKey, kind);
    return li >= 0 && ri >= 0 ? [li < ri, true] : [false, false];
  };
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
      const [isLess, foundBoth] = less(left[i], right[j]);
      if (foundBoth && isLess) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** Sorts patch items by the patch order and server-only items by the live order, then interleaves them. */
function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  kind: GoKind,
): unknown[] {
  const sortedPatch = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const sortedServerOnly = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(sortedServerOnly, sortedPatch, serverOrder, mergeKey, kind);
}

function findMapInSliceBasedOnKeyValue(list: unknown[], key: string, value: unknown): { map: JsonMap; index: number } | undefined {
  for (let k = 0; k < list.length; k++) {
    const typed = list[k];
    if (!isMap(typed)) throw new MergePatchError(`value for key ${k} is not a map.`);
    if (key in typed && goEqual(typed[key], value)) return { map: typed, index: k };
  }
  return undefined;
}

function partitionPrimitivesByPresentInList(original: unknown[], partitionBy: unknown[]): [unknown[], unknown[]] {
  const inPatch = new Set(partitionBy);
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of original) (inPatch.has(v) ? patch : serverOnly).push(v);
  return [patch, serverOnly];
}

function partitionMapsByPresentInList(original: unknown[], partitionBy: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of original) {
    if (!isMap(v)) throw mergePatchErrors.badArgType(goMapType, v);
    if (!(mergeKey in v)) throw mergePatchErrors.noMergeKey(v, mergeKey);
    (findMapInSliceBasedOnKeyValue(partitionBy, mergeKey, v[mergeKey]) ? patch : serverOnly).push(v);
  }
  return [patch, serverOnly];
}

/** Deletes, in place as Go's `append(s[:i], s[i+1:]...)` does, every item whose merge key matches. */
function deleteMatchingEntries(original: GoSlice, mergeKey: string, mergeValue: unknown): GoSlice {
  for (;;) {
    const found = findMapInSliceBasedOnKeyValue(view(original), mergeKey, mergeValue);
    if (!found) return original;
    original.backing.copyWithin(found.index, found.index + 1, original.len);
    original = { ...original, len: original.len - 1 };
  }
}

function deleteFromSlice(current: unknown[], toDelete: unknown[]): unknown[] {
  const remove = new Set(toDelete);
  return current.filter((v) => !remove.has(v));
}

/** Upstream's in-place de-duplication, which moves the last item into each duplicate's slot. */
function deduplicateScalars(s: GoSlice): GoSlice {
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

class Merger {
  constructor(private readonly capacity: (length: number) => number) {}

  private sliceOf(list: unknown[]): GoSlice {
    return { backing: list, len: list.length, cap: Math.max(list.length, this.capacity(list.length)) };
  }

  mergeMap(original: JsonMap | null, patch: JsonMap, schema: PatchSchema): JsonMap {
    if (directiveMarker in patch) return handleDirectiveInMergeMap(patch[directiveMarker], patch);
    const target = original ?? {};
    applyRetainKeysDirective(target, patch);
    // `$setElementOrder` lists and their patch lists first; they leave the patch once merged.
    this.mergePatchIntoOriginal(target, patch, schema);
    for (const [patchKey, patchV] of Object.entries(patch)) {
      let k = patchKey;
      let isDeleteList = false;
      if (patchKey.startsWith(deleteFromPrimitiveListDirectivePrefix)) {
        k = extractKey(patchKey, deleteFromPrimitiveListDirectivePrefix);
        isDeleteList = true;
      }
      // null deletes; a null for a field the original lacks is dropped (IgnoreUnmatchedNulls).
      if (patchV === null) {
        delete target[k];
        continue;
      }
      if (!(k in target) || goKind(target[k]) !== goKind(patchV)) {
        if (!isDeleteList) {
          discardNullValuesFromPatch(patchV);
          const [value, keep] = removeDirectives(patchV);
          if (keep) target[k] = value;
          else delete target[k];
        }
        continue;
      }
      switch (goKind(target[k])) {
        case 'map': {
          const { schema: sub, meta } = schema.lookupForStruct(k);
          const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
          target[k] = strategy !== replaceDirective ? this.mergeMap(target[k] as JsonMap, patchV as JsonMap, sub) : patchV;
          break;
        }
        case 'slice': {
          const { schema: sub, meta } = schema.lookupForSlice(k);
          const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
          target[k] = this.mergeSliceHandler(this.sliceOf(target[k] as unknown[]), patchV as unknown[], sub, strategy, meta.mergeKey, isDeleteList);
          break;
        }
        default: {
          const [value, keep] = removeDirectives(patchV);
          if (keep) target[k] = value;
          else delete target[k];
        }
      }
    }
    return target;
  }

  /**
   * Merges each `$setElementOrder/<list>` with its patch list and orders the result: the order list
   * first, then the patch list, then the live list.
   */
  private mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: PatchSchema): void {
    for (const [key, setElementOrderInPatch] of Object.entries(patch)) {
      if (!key.startsWith(setElementOrderDirectivePrefix)) continue;
      delete patch[key];
      if (!Array.isArray(setElementOrderInPatch)) throw mergePatchErrors.badArgType(goSliceType, setElementOrderInPatch);
      const originalKey = extractKey(key, setElementOrderDirectivePrefix);
      const foundOriginal = originalKey in original;
      const foundPatch = originalKey in patch;
      let originalFieldValue: GoSlice | undefined;
      let patchFieldValue: unknown[] | undefined;
      if (foundOriginal) {
        const list = original[originalKey];
        if (!Array.isArray(list)) throw mergePatchErrors.badArgType(goSliceType, list);
        // The header keeps its length; merging below may rewrite the backing array under it.
        originalFieldValue = this.sliceOf(list);
      }
      if (foundPatch) {
        const list = patch[originalKey];
        if (!Array.isArray(list)) throw mergePatchErrors.badArgType(goSliceType, list);
        patchFieldValue = list;
      }
      const { schema: sub, meta } = schema.lookupForSlice(originalKey);
      const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
      validatePatchWithSetOrderList(patchFieldValue, setElementOrderInPatch, meta.mergeKey);

      let merged: unknown[];
      if (originalFieldValue && patchFieldValue === undefined) {
        merged = view(originalFieldValue);
      } else if (!originalFieldValue && patchFieldValue !== undefined) {
        const [value, keep] = removeDirectives(patchFieldValue);
        if (!keep) continue;
        merged = value as unknown[];
      } else if (originalFieldValue && patchFieldValue !== undefined) {
        merged = this.mergeSliceHandler(originalFieldValue, patchFieldValue, sub, strategy, meta.mergeKey, false);
      } else {
        continue;
      }

      const [patchItems, serverOnlyItems] =
        meta.mergeKey === ''
          ? partitionPrimitivesByPresentInList(merged, setElementOrderInPatch)
          : partitionMapsByPresentInList(merged, setElementOrderInPatch, meta.mergeKey);
      const originalView = originalFieldValue ? view(originalFieldValue) : [];
      const kind = sliceElementType(originalView, patchFieldValue ?? []);
      original[originalKey] = normalizeElementOrder(patchItems, serverOnlyItems, setElementOrderInPatch, originalView, meta.mergeKey, kind);
      delete patch[originalKey];
    }
  }

  private mergeSliceHandler(
    original: GoSlice,
    patch: unknown[],
    schema: PatchSchema,
    fieldPatchStrategy: string,
    fieldPatchMergeKey: string,
    isDeleteList: boolean,
  ): unknown[] {
    // Deletion lists apply whatever the field's strategy; other lists replace unless they merge.
    if (fieldPatchStrategy === mergeDirective || isDeleteList) return this.mergeSlice(original, patch, schema, fieldPatchMergeKey, isDeleteList);
    return patch;
  }

  private mergeSlice(original: GoSlice, patch: unknown[], schema: PatchSchema, mergeKey: string, isDeleteList: boolean): unknown[] {
    if (original.len === 0 && patch.length === 0) return view(original);
    const kind = sliceElementType(view(original), patch);
    let merged: unknown[];
    if (kind !== 'map') {
      if (isDeleteList) return deleteFromSlice(view(original), patch);
      merged = view(deduplicateScalars(goAppend(original, patch)));
    } else {
      if (mergeKey === '') throw new MergePatchError(`cannot merge lists without merge key for ${schema.name}`);
      [original, patch] = this.mergeSliceWithSpecialElements(original, patch, mergeKey);
      merged = view(this.mergeSliceWithoutSpecialElements(original, patch, mergeKey, schema));
    }
    const [patchItems, serverOnlyItems] =
      mergeKey === '' ? partitionPrimitivesByPresentInList(merged, patch) : partitionMapsByPresentInList(merged, patch, mergeKey);
    return normalizeElementOrder(patchItems, serverOnlyItems, patch, view(original), mergeKey, kind);
  }

  /** Applies `$patch: delete|replace` items; returns the remaining original and the plain patch items. */
  private mergeSliceWithSpecialElements(original: GoSlice, patch: unknown[], mergeKey: string): [GoSlice, unknown[]] {
    const plain: unknown[] = [];
    let replace = false;
    for (const v of patch) {
      const typed = v as JsonMap;
      if (!(directiveMarker in typed)) {
        plain.push(v);
        continue;
      }
      const patchType = typed[directiveMarker];
      if (patchType === deleteDirective) {
        if (!(mergeKey in typed)) throw mergePatchErrors.noMergeKey(typed, mergeKey);
        original = deleteMatchingEntries(original, mergeKey, typed[mergeKey]);
      } else if (patchType === replaceDirective) {
        // Keep going to prune any other `$patch` items.
        replace = true;
      } else if (patchType === mergeDirective) {
        throw new MergePatchError('merging lists cannot yet be specified in the patch');
      } else {
        throw mergePatchErrors.badPatchType(patchType, typed);
      }
    }
    if (replace) return [{ backing: plain, len: plain.length, cap: appendGrownCapacity(plain.length) }, []];
    return [original, plain];
  }

  private mergeSliceWithoutSpecialElements(original: GoSlice, patch: unknown[], mergeKey: string, schema: PatchSchema): GoSlice {
    for (const v of patch) {
      const typed = v as JsonMap;
      if (!(mergeKey in typed)) throw mergePatchErrors.noMergeKey(typed, mergeKey);
      const found = findMapInSliceBasedOnKeyValue(view(original), mergeKey, typed[mergeKey]);
      if (found) original.backing[found.index] = this.mergeMap(found.map, typed, schema);
      else original = goAppend(original, [v]);
    }
    return original;
  }
}
