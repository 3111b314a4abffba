import { goValue } from './go-format.js';
import { setOwnProperty } from '../own-property.js';
import { MergePatchError, mergePatchErrors } from './merge-patch-error.js';
import { hasOwn, isMap, type JsonMap } from './go-values.js';

// strategicpatch's directives: `$patch` in maps and list items, and the parallel lists
// `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>` and `$retainKeys`.

/** The key of a `$patch` directive. */
export const directiveMarker = '$patch';
/** `$patch: delete`. */
export const deleteDirective = 'delete';
/** `$patch: replace`, also the `replace` patch strategy. */
export const replaceDirective = 'replace';
/** `$patch: merge`, also the `merge` patch strategy. */
export const mergeDirective = 'merge';
/** The key prefix of a list of scalars to remove from a merging list. */
export const deleteFromPrimitiveListDirectivePrefix = '$deleteFromPrimitiveList';
/** The key of the list of fields a `retainKeys` map keeps. */
export const retainKeysDirective = '$retainKeys';
/** The key prefix of a merging list's final order. */
export const setElementOrderDirectivePrefix = '$setElementOrder';

const retainKeysStrategy = 'retainKeys';
const goMapType = 'map[string]interface {}';

/** Splits a field's patch strategies into whether it retains keys and its other strategy. */
export function extractRetainKeysPatchStrategy(strategies: readonly string[]): [boolean, string] {
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

/** The list name after a parallel-list prefix (`$setElementOrder/containers` → `containers`). */
export function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === deleteFromPrimitiveListDirectivePrefix) throw mergePatchErrors.badPatchFormatForPrimitiveList();
    if (prefix === setElementOrderDirectivePrefix) throw mergePatchErrors.badPatchFormatForSetElementOrderList();
    throw new MergePatchError(`fail to find unknown prefix ${JSON.stringify(prefix)} in ${s}\n`);
  }
  return s.slice(slash + 1);
}

/** A map patch with a `$patch` directive: `replace` keeps the patch as the whole map, `delete` empties it. */
export function handleDirectiveInMergeMap(directive: unknown, patch: JsonMap): JsonMap {
  if (directive === replaceDirective) {
    delete patch[directiveMarker];
    return patch;
  }
  if (directive === deleteDirective) return {};
  throw mergePatchErrors.badPatchType(directive, patch);
}

/** Whether a list item carries a `$patch` directive. */
export function containsDirectiveMarker(item: unknown): boolean {
  return isMap(item) && hasOwn(item, directiveMarker);
}

/** Drops the `$patch` directives from a value taken whole from the patch; false when the value itself is one. */
export function removeDirectives(obj: unknown): [unknown, boolean] {
  if (isMap(obj)) {
    if (hasOwn(obj, directiveMarker)) return [null, false];
    for (const [k, v] of Object.entries(obj)) {
      const [value, keep] = removeDirectives(v);
      if (keep) setOwnProperty(obj, k, value);
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
export function discardNullValuesFromPatch(patchV: unknown): void {
  if (isMap(patchV)) {
    for (const [k, v] of Object.entries(patchV)) {
      if (v === null) delete patchV[k];
      else discardNullValuesFromPatch(v);
    }
  } else if (Array.isArray(patchV)) {
    for (const v of patchV) discardNullValuesFromPatch(v);
  }
}

/** Splits list items into the plain ones and the `$patch: delete` ones; every item must be a map. */
export function extractToDeleteItems(list: readonly unknown[]): [unknown[], unknown[]] {
  const nonDelete: unknown[] = [];
  const toDelete: unknown[] = [];
  for (const v of list) {
    if (!isMap(v)) throw mergePatchErrors.badArgType(goMapType, v);
    if (hasOwn(v, directiveMarker) && v[directiveMarker] === deleteDirective) toDelete.push(v);
    else nonDelete.push(v);
  }
  return [nonDelete, toDelete];
}
