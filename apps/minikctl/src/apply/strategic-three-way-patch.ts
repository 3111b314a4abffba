import type { PatchSchema } from '@minik/types';
import {
  deduplicateScalars,
  deepEqual,
  goEqual,
  goKind,
  goSort,
  goV,
  hasOwn,
  isMap,
  sliceStableLimit,
  sortScalars,
  sortSortLimit,
  stringsSorted,
  type GoKind,
  type JsonMap,
} from './go-values.js';

// A port of the client half of k8s.io/apimachinery/pkg/util/strategicpatch/patch.go:
// CreateThreeWayMergePatch (with overwrite=true, as kubectl apply calls it), i.e. diffMaps and
// mergeMap with MergeOptions{} (parallel lists are carried, not merged; nulls are kept). Kept close
// to the Go so that the patch kubectl would send is the patch minikctl sends, directives included.

const directiveMarker = '$patch';
const deleteDirective = 'delete';
const replaceDirective = 'replace';
const mergeDirective = 'merge';
const retainKeysStrategy = 'retainKeys';
const deleteFromPrimitiveListDirectivePrefix = '$deleteFromPrimitiveList';
const retainKeysDirective = '$retainKeys';
const setElementOrderDirectivePrefix = '$setElementOrder';

/** An error computing a strategic merge patch, with upstream's message. */
export class StrategicPatchError extends Error {
  override readonly name = 'StrategicPatchError';
}

const errBadArgType = (expected: string, actual: unknown): StrategicPatchError =>
  new StrategicPatchError(`expected a ${expected}, but received a ${goKind(actual) === 'nil' ? '<nil>' : goTypeName(actual)}`);
const errNoMergeKey = (m: unknown, key: string): StrategicPatchError =>
  new StrategicPatchError(`map: ${goV(m)} does not contain declared merge key: ${key}`);
const errBadPatchFormatForSetElementOrderList = (): StrategicPatchError =>
  new StrategicPatchError('invalid patch format of setElementOrder list');
const errNoListOfLists = (): StrategicPatchError => new StrategicPatchError('lists of lists are not supported');

function goTypeName(v: unknown): string {
  switch (goKind(v)) {
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    default:
      return goKind(v);
  }
}

interface DiffOptions {
  /** Whether `$setElementOrder` parallel lists are generated. */
  setElementOrder: boolean;
  ignoreChangesAndAdditions: boolean;
  ignoreDeletions: boolean;
  buildRetainKeysDirective: boolean;
}

/**
 * The strategic merge patch `kubectl apply` sends (strategicpatch.CreateThreeWayMergePatch with
 * overwrite): the changes and additions from `current` (the live object) to `modified` (the
 * manifest with its last-applied annotation), plus the deletions from `original` (the previous
 * last-applied) to `modified`. `{}` means the object is unchanged. Throws {@link StrategicPatchError}.
 */
export function createThreeWayMergePatch(original: unknown, modified: unknown, current: unknown, schema: PatchSchema): JsonMap {
  // kubectl hands the three documents over as JSON, so each is a private, decoded copy.
  const originalMap = decoded(original);
  const modifiedMap = decoded(modified);
  const currentMap = decoded(current);
  const deltaMap = diffMaps(currentMap, modifiedMap, schema, {
    setElementOrder: true,
    ignoreChangesAndAdditions: false,
    ignoreDeletions: true,
    buildRetainKeysDirective: false,
  });
  const deletionsMap = diffMaps(originalMap, modifiedMap, schema, {
    setElementOrder: true,
    ignoreChangesAndAdditions: true,
    ignoreDeletions: false,
    buildRetainKeysDirective: false,
  });
  // Applying the (strictly additive) delta to the deletions gives the patch.
  return mergeMap(deletionsMap, deltaMap, schema);
}

function decoded(value: unknown): JsonMap {
  if (value === undefined || value === null) return {};
  const copy: unknown = JSON.parse(JSON.stringify(value));
  return isMap(copy) ? copy : {};
}

/**
 * A (recursive) patch yielding `modified` from `original`: added and changed fields, `null` for
 * removed ones, `$patch: delete` items and `$deleteFromPrimitiveList` lists for merging lists,
 * `$setElementOrder` lists and `$retainKeys` directives, each as the options allow.
 */
function diffMaps(original: JsonMap, modified: JsonMap, schema: PatchSchema, options: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retainKeysList: unknown[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeysList.push(key);
    if (!hasOwn(original, key)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key];
    if (key === directiveMarker) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') {
        throw new StrategicPatchError(`invalid value for special key: ${directiveMarker}`);
      }
      if (modifiedValue !== originalValue) patch[directiveMarker] = modifiedValue;
      continue;
    }
    if (goKind(originalValue) !== goKind(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    switch (goKind(originalValue)) {
      case 'map':
        handleMapDiff(key, originalValue as JsonMap, modifiedValue as JsonMap, patch, schema, options);
        break;
      case 'slice':
        handleSliceDiff(key, originalValue as unknown[], modifiedValue as unknown[], patch, schema, options);
        break;
      default:
        replacePatchFieldIfNotEqual(key, originalValue, modifiedValue, patch, options);
    }
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!hasOwn(modified, key)) patch[key] = null;
  }
  // `$retainKeys` goes out when something changed or when the original has fields to clear.
  if (retainKeysList.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[retainKeysDirective] = sortScalars(retainKeysList);
  }
  return patch;
}

function handleMapDiff(key: string, original: JsonMap, modified: JsonMap, patch: JsonMap, schema: PatchSchema, options: DiffOptions): void {
  const { schema: sub, meta } = schema.lookupForStruct(key);
  const [retainKeys, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
  const nested = { ...options, buildRetainKeysDirective: retainKeys };
  if (strategy === replaceDirective) {
    if (!nested.ignoreChangesAndAdditions) patch[key] = modified;
    return;
  }
  const value = diffMaps(original, modified, sub, nested);
  if (Object.keys(value).length > 0) patch[key] = value;
}

function handleSliceDiff(key: string, original: unknown[], modified: unknown[], patch: JsonMap, schema: PatchSchema, options: DiffOptions): void {
  const { schema: sub, meta } = schema.lookupForSlice(key);
  const [retainKeys, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
  if (strategy !== mergeDirective) {
    replacePatchFieldIfNotEqual(key, original, modified, patch, options);
    return;
  }
  const [addList, deletionList, setOrderList] = diffLists(original, modified, sub, meta.mergeKey, { ...options, buildRetainKeysDirective: retainKeys });
  if (addList.length > 0) patch[key] = addList;
  if (deletionList.length > 0) patch[`${deleteFromPrimitiveListDirectivePrefix}/${key}`] = deletionList;
  if (setOrderList.length > 0) patch[`${setElementOrderDirectivePrefix}/${key}`] = setOrderList;
}

function replacePatchFieldIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonMap, options: DiffOptions): void {
  if (options.ignoreChangesAndAdditions || deepEqual(original, modified)) return;
  patch[key] = modified;
}

/** Whether `original` has a non-null field `modified` lacks. */
function hasAdditionalNewField(original: JsonMap, modified: JsonMap): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !hasOwn(modified, k));
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
  throw new StrategicPatchError(`unexpected patch strategy: [${strategies.join(' ')}]`);
}

/** The element kind shared by the lists' items, which may not be lists. */
function sliceElementType(...slices: unknown[][]): GoKind {
  let prev: GoKind | undefined;
  for (const s of slices) {
    for (const v of s) {
      const current = goKind(v);
      if (prev === undefined) {
        prev = current;
        if (prev === 'slice') throw errNoListOfLists();
      } else if (prev !== current) {
        throw new StrategicPatchError(`list element types are not identical: ${goV(slices)}`);
      }
    }
  }
  if (prev === undefined) throw new StrategicPatchError('no elements in any of the given slices');
  return prev;
}

/**
 * The patch list, the deletion list (lists of scalars only) and the `$setElementOrder` list that
 * turn one merging list into another.
 */
function diffLists(original: unknown[], modified: unknown[], schema: PatchSchema, mergeKey: string, options: DiffOptions): [unknown[], unknown[], unknown[]] {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = sliceElementType(original, modified);
  if (kind === 'map') {
    const [changed, deletions] = diffListsOfMaps(original, modified, schema, mergeKey, options);
    // Deletions go at the end of the patch list.
    const patchList = [...normalizeSliceOrder(changed, modified, mergeKey, kind), ...deletions];
    const orderSame = isOrderSame(original, modified, mergeKey);
    let setOrderList: unknown[] = [];
    if (
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!options.ignoreDeletions && patchList.length > 0))
    ) {
      setOrderList = modified.map((v) => ({ [mergeKey]: (v as JsonMap)[mergeKey] ?? null }));
    }
    return [patchList, [], setOrderList];
  }
  if (kind === 'slice') throw errNoListOfLists();
  const [addList, deletionList] = diffListsOfScalars(original, modified, options);
  const patchList = normalizeSliceOrder(addList, modified, mergeKey, kind);
  // diffListsOfScalars sorted `original` in place, so this compares the sorted original, as upstream does.
  const setOrderList =
    options.setElementOrder && ((!options.ignoreDeletions && deletionList.length > 0) || (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)))
      ? modified
      : [];
  return [patchList, deletionList, setOrderList];
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((item, i) => mergeKeyValueEqual(original[i], item, mergeKey));
}

/** Additions and deletions between two lists of scalars, compared by their sorted `%v` forms. */
function diffListsOfScalars(original: unknown[], modified: unknown[], options: DiffOptions): [unknown[], unknown[]] {
  const originalScalars = sortScalars(original);
  const modifiedScalars = sortScalars([...modified]);
  const addList: unknown[] = [];
  const deletionList: unknown[] = [];
  let oi = 0;
  let mi = 0;
  for (;;) {
    const originalInBounds = oi < originalScalars.length;
    const modifiedInBounds = mi < modifiedScalars.length;
    if (!originalInBounds && !modifiedInBounds) break;
    const originalValue = originalInBounds ? originalScalars[oi] : undefined;
    const modifiedValue = modifiedInBounds ? modifiedScalars[mi] : undefined;
    const os = originalInBounds ? goV(originalValue) : '';
    const ms = modifiedInBounds ? goV(modifiedValue) : '';
    const both = originalInBounds && modifiedInBounds;
    if (both && os === ms) {
      oi++;
      mi++;
    } else if (!originalInBounds || (both && os > ms)) {
      if (!options.ignoreChangesAndAdditions) addList.push(modifiedValue);
      mi++;
    } else {
      if (!options.ignoreDeletions) deletionList.push(originalValue);
      oi++;
    }
  }
  return [addList, deduplicateScalars(deletionList)];
}

/** Upstream's sortMapsBasedOnField (sort.Sort by the `%v` of the merge key). */
function sortMapsBasedOnField(list: unknown[], field: string): unknown[] {
  return goSort([...list], (a, b) => stringsSorted(goV((a as JsonMap)[field] ?? null), goV((b as JsonMap)[field] ?? null)), sortSortLimit);
}

function mapAndMergeKeyValue(list: unknown[], index: number, mergeKey: string): [JsonMap, unknown] {
  const m = list[index];
  if (!isMap(m)) throw errBadArgType('map[string]interface {}', m);
  if (!hasOwn(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
  return [m, m[mergeKey]];
}

/** Changed and added items, and `$patch: delete` items, between two lists of maps merged by key. */
function diffListsOfMaps(original: unknown[], modified: unknown[], schema: PatchSchema, mergeKey: string, options: DiffOptions): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const deletionList: unknown[] = [];
  const originalSorted = sortMapsBasedOnField(original, mergeKey);
  const modifiedSorted = sortMapsBasedOnField(modified, mergeKey);
  let oi = 0;
  let mi = 0;
  for (;;) {
    const originalInBounds = oi < originalSorted.length;
    const modifiedInBounds = mi < modifiedSorted.length;
    const both = originalInBounds && modifiedInBounds;
    if (!originalInBounds && !modifiedInBounds) break;
    let originalElement: JsonMap = {};
    let originalKeyValue: unknown;
    let modifiedElement: JsonMap = {};
    let modifiedKeyValue: unknown;
    let os = '';
    let ms = '';
    if (originalInBounds) {
      [originalElement, originalKeyValue] = mapAndMergeKeyValue(originalSorted, oi, mergeKey);
      os = goV(originalKeyValue);
    }
    if (modifiedInBounds) {
      [modifiedElement, modifiedKeyValue] = mapAndMergeKeyValue(modifiedSorted, mi, mergeKey);
      ms = goV(modifiedKeyValue);
    }
    if (both && os === ms) {
      const value = diffMaps(originalElement, modifiedElement, schema, options);
      if (Object.keys(value).length > 0) {
        value[mergeKey] = modifiedKeyValue;
        patch.push(value);
      }
      oi++;
      mi++;
    } else if (!originalInBounds || (both && os > ms)) {
      if (!options.ignoreChangesAndAdditions) patch.push(modifiedElement);
      mi++;
    } else {
      if (!options.ignoreDeletions) deletionList.push({ [mergeKey]: originalKeyValue, [directiveMarker]: deleteDirective });
      oi++;
    }
  }
  return [patch, deletionList];
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return goEqual(left, right);
  if (!isMap(left)) throw errBadArgType('map[string]interface {}', left);
  if (!isMap(right)) throw errBadArgType('map[string]interface {}', right);
  if (!hasOwn(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!hasOwn(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return goEqual(left[mergeKey], right[mergeKey]);
}

/** Index of an item in a list, by merge key value for maps and by value otherwise; -1 if absent. */
function indexOf(list: readonly unknown[], item: unknown, mergeKey: string, kind: GoKind): number {
  const valueOf = kind === 'map' ? (v: unknown) => (isMap(v) ? (v[mergeKey] ?? null) : null) : (v: unknown) => v;
  const wanted = valueOf(item);
  return list.findIndex((v) => goEqual(wanted, valueOf(v)));
}

function extractToDeleteItems(list: readonly unknown[]): [unknown[], unknown[]] {
  const nonDelete: unknown[] = [];
  const toDelete: unknown[] = [];
  for (const v of list) {
    if (!isMap(v)) throw errBadArgType('map[string]interface {}', v);
    if (hasOwn(v, directiveMarker) && v[directiveMarker] === deleteDirective) toDelete.push(v);
    else nonDelete.push(v);
  }
  return [nonDelete, toDelete];
}

function validateMergeKeyInLists(mergeKey: string, ...lists: (readonly unknown[])[]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isMap(item)) throw errBadArgType('map[string]interface {}', item);
      if (!hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** Sorts a list by the order of another (sort.SliceStable with upstream's comparator), deletions last. */
function normalizeSliceOrder(toSort: readonly unknown[], order: readonly unknown[], mergeKey: string, kind: GoKind): unknown[] {
  let items: unknown[] = [...toSort];
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, toSort, order);
    [items, toDelete] = extractToDeleteItems(toSort);
  }
  goSort(
    items,
    (a, b) => {
      const ia = indexOf(order, a, mergeKey, kind);
      if (ia >= 0) {
        const ib = indexOf(order, b, mergeKey, kind);
        if (ib >= 0) return ia < ib;
      }
      return true;
    },
    sliceStableLimit,
  );
  return [...items, ...toDelete];
}

/** Interleaves server-only items (left) into patch items (right) by their order in `serverOrder`. */
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

function normalizeElementOrder(
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

function findMapInSliceBasedOnKeyValue(list: readonly unknown[], key: string, value: unknown): number {
  for (let k = 0; k < list.length; k++) {
    const typed = list[k];
    if (!isMap(typed)) throw new StrategicPatchError(`value for key ${k} is not a map.`);
    if (hasOwn(typed, key) && goEqual(typed[key], value)) return k;
  }
  return -1;
}

function partitionPrimitivesByPresentInList(original: readonly unknown[], partitionBy: readonly unknown[]): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of original) (partitionBy.some((p) => goEqual(p, v)) ? patch : serverOnly).push(v);
  return [patch, serverOnly];
}

function partitionMapsByPresentInList(original: readonly unknown[], partitionBy: readonly unknown[], mergeKey: string): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of original) {
    if (!isMap(v)) throw errBadArgType('map[string]interface {}', v);
    if (!hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    (findMapInSliceBasedOnKeyValue(partitionBy, mergeKey, v[mergeKey]) >= 0 ? patch : serverOnly).push(v);
  }
  return [patch, serverOnly];
}

function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === setElementOrderDirectivePrefix) throw errBadPatchFormatForSetElementOrderList();
    throw new StrategicPatchError(`fail to find unknown prefix ${JSON.stringify(prefix)} in ${s}\n`);
  }
  return s.slice(slash + 1);
}

/** The relative order of the patch list must agree with `$setElementOrder`, which must cover it. */
function validatePatchWithSetOrderList(patchList: unknown[] | undefined, setOrderList: unknown[], mergeKey: string): void {
  if (setOrderList.length === 0 || patchList === undefined || patchList.length === 0) return;
  const nonDeleteList = mergeKey !== '' ? extractToDeleteItems(patchList)[0] : patchList;
  let patchIndex = 0;
  let setOrderIndex = 0;
  while (patchIndex < nonDeleteList.length && setOrderIndex < setOrderList.length) {
    const item = nonDeleteList[patchIndex];
    if (isMap(item) && hasOwn(item, directiveMarker)) {
      patchIndex++;
      continue;
    }
    if (mergeKeyValueEqual(item, setOrderList[setOrderIndex], mergeKey)) patchIndex++;
    setOrderIndex++;
  }
  if (patchIndex < nonDeleteList.length && setOrderIndex >= setOrderList.length) {
    throw new StrategicPatchError(
      `The order in patch list:\n${goV(patchList)}\n doesn't match ${setElementOrderDirectivePrefix} list:\n${goV(setOrderList)}\n`,
    );
  }
}

/** Drops the `$patch` directives from a value taken whole from the patch; false when the value itself is one. */
function removeDirectives(obj: unknown): [unknown, boolean] {
  if (isMap(obj)) {
    if (hasOwn(obj, directiveMarker)) return [null, false];
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

function takeWhole(target: JsonMap, key: string, value: unknown): void {
  const [v, keep] = removeDirectives(value);
  if (keep) target[key] = v;
  else delete target[key];
}

/**
 * Merges the delta patch into the deletions patch (mergeMap with MergeOptions{}): parallel lists
 * (`$setElementOrder`, `$deleteFromPrimitiveList`, `$retainKeys`) are carried into the result
 * rather than applied, and nulls are kept so that they reach the server as deletions.
 */
function mergeMap(original: JsonMap, patch: JsonMap, schema: PatchSchema): JsonMap {
  if (hasOwn(patch, directiveMarker)) {
    const directive = patch[directiveMarker];
    if (directive === replaceDirective) {
      delete patch[directiveMarker];
      return patch;
    }
    if (directive === deleteDirective) return {};
    throw new StrategicPatchError(`Unknown patch type: ${goV(directive)} in map: ${goV(patch)}`);
  }
  carryRetainKeysDirective(original, patch);
  mergePatchIntoOriginal(original, patch, schema);
  for (const [k, patchV] of Object.entries(patch)) {
    if (k.startsWith(deleteFromPrimitiveListDirectivePrefix)) {
      original[k] = patchV;
      continue;
    }
    if (patchV === null) delete original[k];
    if (!hasOwn(original, k) || goKind(original[k]) !== goKind(patchV)) {
      takeWhole(original, k, patchV);
      continue;
    }
    switch (goKind(original[k])) {
      case 'map': {
        const { schema: sub, meta } = schema.lookupForStruct(k);
        const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
        original[k] = strategy !== replaceDirective ? mergeMap(original[k] as JsonMap, patchV as JsonMap, sub) : patchV;
        break;
      }
      case 'slice': {
        const { schema: sub, meta } = schema.lookupForSlice(k);
        const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
        original[k] = mergeSliceHandler(original[k] as unknown[], patchV as unknown[], sub, strategy, meta.mergeKey);
        break;
      }
      default:
        takeWhole(original, k, patchV);
    }
  }
  return original;
}

/** Both patches were computed from the same manifest, so their `$retainKeys` lists must agree. */
function carryRetainKeysDirective(original: JsonMap, patch: JsonMap): void {
  if (!hasOwn(patch, retainKeysDirective)) return;
  const inPatch = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!hasOwn(original, retainKeysDirective)) {
    original[retainKeysDirective] = inPatch;
    return;
  }
  const inOriginal = original[retainKeysDirective];
  if (!deepEqual(inOriginal, inPatch)) {
    throw new StrategicPatchError(`${goV(inOriginal)} and ${goV(inPatch)} are not deep equal: this may happen when calculating the 3-way diff patch`);
  }
}

/**
 * Moves each `$setElementOrder` list into the result (both patches must agree on it) and merges the
 * list it orders, sorted by it.
 */
function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: PatchSchema): void {
  for (const [key, setElementOrderInPatch] of Object.entries(patch)) {
    if (!key.startsWith(setElementOrderDirectivePrefix)) continue;
    if (hasOwn(original, key)) {
      if (!deepEqual(original[key], setElementOrderInPatch)) throw errBadPatchFormatForSetElementOrderList();
    } else {
      original[key] = setElementOrderInPatch;
    }
    delete patch[key];
    if (!Array.isArray(setElementOrderInPatch)) throw errBadArgType('[]interface {}', setElementOrderInPatch);
    const originalKey = extractKey(key, setElementOrderDirectivePrefix);
    const foundOriginal = hasOwn(original, originalKey);
    const foundPatch = hasOwn(patch, originalKey);
    let originalFieldValue: unknown[] | undefined;
    let patchFieldValue: unknown[] | undefined;
    if (foundOriginal) {
      const list = original[originalKey];
      if (!Array.isArray(list)) throw errBadArgType('[]interface {}', list);
      originalFieldValue = list;
    }
    if (foundPatch) {
      const list = patch[originalKey];
      if (!Array.isArray(list)) throw errBadArgType('[]interface {}', list);
      patchFieldValue = list;
    }
    const { schema: sub, meta } = schema.lookupForSlice(originalKey);
    const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
    validatePatchWithSetOrderList(patchFieldValue, setElementOrderInPatch, meta.mergeKey);
    let merged: unknown[];
    if (originalFieldValue && !patchFieldValue) {
      merged = originalFieldValue;
    } else if (!originalFieldValue && patchFieldValue) {
      merged = removeDirectives(patchFieldValue)[0] as unknown[];
    } else if (originalFieldValue && patchFieldValue) {
      merged = mergeSliceHandler(originalFieldValue, patchFieldValue, sub, strategy, meta.mergeKey);
    } else {
      continue;
    }
    const [patchItems, serverOnlyItems] =
      meta.mergeKey === ''
        ? partitionPrimitivesByPresentInList(merged, setElementOrderInPatch)
        : partitionMapsByPresentInList(merged, setElementOrderInPatch, meta.mergeKey);
    const kind = sliceElementType(originalFieldValue ?? [], patchFieldValue ?? []);
    original[originalKey] = normalizeElementOrder(patchItems, serverOnlyItems, setElementOrderInPatch, originalFieldValue ?? [], meta.mergeKey, kind);
    delete patch[originalKey];
  }
}

function mergeSliceHandler(original: unknown[], patch: unknown[], schema: PatchSchema, strategy: string, mergeKey: string): unknown[] {
  return strategy === mergeDirective ? mergeSlice(original, patch, schema, mergeKey) : patch;
}

function mergeSlice(original: unknown[], patch: unknown[], schema: PatchSchema, mergeKey: string): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementType(original, patch);
  let merged: unknown[];
  let base = original;
  let items = patch;
  if (kind !== 'map') {
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw new StrategicPatchError(`cannot merge lists without merge key for type ${schema.name}`);
    [base, items] = mergeSliceWithSpecialElements(original, patch, mergeKey);
    merged = mergeSliceWithoutSpecialElements(base, items, mergeKey, schema);
  }
  const [patchItems, serverOnlyItems] =
    mergeKey === '' ? partitionPrimitivesByPresentInList(merged, items) : partitionMapsByPresentInList(merged, items, mergeKey);
  return normalizeElementOrder(patchItems, serverOnlyItems, items, base, mergeKey, kind);
}

/** Applies `$patch: delete|replace` items; returns the remaining original and the plain patch items. */
function mergeSliceWithSpecialElements(original: unknown[], patch: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const plain: unknown[] = [];
  let base = original;
  let replace = false;
  for (const v of patch) {
    const typed = v as JsonMap;
    if (!hasOwn(typed, directiveMarker)) {
      plain.push(v);
      continue;
    }
    const patchType = typed[directiveMarker];
    if (patchType === deleteDirective) {
      if (!hasOwn(typed, mergeKey)) throw errNoMergeKey(typed, mergeKey);
      base = base.filter((item) => !(isMap(item) && hasOwn(item, mergeKey) && goEqual(item[mergeKey], typed[mergeKey])));
    } else if (patchType === replaceDirective) {
      replace = true;
    } else if (patchType === mergeDirective) {
      throw new StrategicPatchError('merging lists cannot yet be specified in the patch');
    } else {
      throw new StrategicPatchError(`Unknown patch type: ${goV(patchType)} in map: ${goV(typed)}`);
    }
  }
  return replace ? [plain, []] : [base, plain];
}

function mergeSliceWithoutSpecialElements(original: unknown[], patch: unknown[], mergeKey: string, schema: PatchSchema): unknown[] {
  const out = [...original];
  for (const v of patch) {
    const typed = v as JsonMap;
    if (!hasOwn(typed, mergeKey)) throw errNoMergeKey(typed, mergeKey);
    const index = findMapInSliceBasedOnKeyValue(out, mergeKey, typed[mergeKey]);
    if (index >= 0) out[index] = mergeMap(out[index] as JsonMap, typed, schema);
    else out.push(v);
  }
  return out;
}
