import {
  deduplicateScalarList,
  deepEqual,
  deleteDirective,
  deleteFromPrimitiveListDirectivePrefix,
  directiveMarker,
  extractRetainKeysPatchStrategy,
  goKind,
  goSort,
  goValue,
  hasOwn,
  isMap,
  mapAndMergeKeyValue,
  mergeDirective,
  MergePatchError,
  mergeKeyValueEqual,
  mergeMap,
  mergePatchErrors,
  normalizeSliceOrder,
  replaceDirective,
  retainKeysDirective,
  setElementOrderDirectivePrefix,
  setOwnProperty,
  sliceElementType,
  sortScalars,
  stringsSorted,
  type JsonMap,
  type PatchSchema,
} from '@minik/types';

// A port of the client half of k8s.io/apimachinery/pkg/util/strategicpatch/patch.go:
// CreateThreeWayMergePatch (with overwrite=true, as kubectl apply calls it), i.e. diffMaps, and
// the shared mergeMap with MergeOptions{} (parallel lists are carried, not merged; nulls are kept).
// Kept close to the Go so that the patch kubectl would send is the patch minikctl sends, directives
// included.

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
 * last-applied) to `modified`. `{}` means the object is unchanged. Throws {@link MergePatchError}.
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
      if (!options.ignoreChangesAndAdditions) setOwnProperty(patch, key, modifiedValue);
      continue;
    }
    const originalValue = original[key];
    if (key === directiveMarker) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') {
        throw new MergePatchError(`invalid value for special key: ${directiveMarker}`);
      }
      if (modifiedValue !== originalValue) patch[directiveMarker] = modifiedValue;
      continue;
    }
    if (goKind(originalValue) !== goKind(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) setOwnProperty(patch, key, modifiedValue);
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
    for (const key of Object.keys(original)) if (!hasOwn(modified, key)) setOwnProperty(patch, key, null);
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
    if (!nested.ignoreChangesAndAdditions) setOwnProperty(patch, key, modified);
    return;
  }
  const value = diffMaps(original, modified, sub, nested);
  if (Object.keys(value).length > 0) setOwnProperty(patch, key, value);
}

function handleSliceDiff(key: string, original: unknown[], modified: unknown[], patch: JsonMap, schema: PatchSchema, options: DiffOptions): void {
  const { schema: sub, meta } = schema.lookupForSlice(key);
  const [retainKeys, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
  if (strategy !== mergeDirective) {
    replacePatchFieldIfNotEqual(key, original, modified, patch, options);
    return;
  }
  const [addList, deletionList, setOrderList] = diffLists(original, modified, sub, meta.mergeKey, { ...options, buildRetainKeysDirective: retainKeys });
  if (addList.length > 0) setOwnProperty(patch, key, addList);
  if (deletionList.length > 0) patch[`${deleteFromPrimitiveListDirectivePrefix}/${key}`] = deletionList;
  if (setOrderList.length > 0) patch[`${setElementOrderDirectivePrefix}/${key}`] = setOrderList;
}

function replacePatchFieldIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonMap, options: DiffOptions): void {
  if (options.ignoreChangesAndAdditions || deepEqual(original, modified)) return;
  setOwnProperty(patch, key, modified);
}

/** Whether `original` has a non-null field `modified` lacks. */
function hasAdditionalNewField(original: JsonMap, modified: JsonMap): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !hasOwn(modified, k));
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
  if (kind === 'slice') throw mergePatchErrors.noListOfLists();
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
    const os = originalInBounds ? goValue(originalValue) : '';
    const ms = modifiedInBounds ? goValue(modifiedValue) : '';
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
  return [addList, deduplicateScalarList(deletionList)];
}

/** Upstream's sortMapsBasedOnField (sort.Sort by the `%v` of the merge key). */
function sortMapsBasedOnField(list: unknown[], field: string): unknown[] {
  return goSort([...list], (a, b) => stringsSorted(goValue((a as JsonMap)[field] ?? null), goValue((b as JsonMap)[field] ?? null)));
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
      [originalElement, originalKeyValue] = mapAndMergeKeyValue(originalSorted[oi], mergeKey);
      os = goValue(originalKeyValue);
    }
    if (modifiedInBounds) {
      [modifiedElement, modifiedKeyValue] = mapAndMergeKeyValue(modifiedSorted[mi], mergeKey);
      ms = goValue(modifiedKeyValue);
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
