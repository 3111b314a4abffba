import type { PatchSchema } from '../schema/patch-meta.js';
import {
  deleteDirective,
  deleteFromPrimitiveListDirectivePrefix,
  directiveMarker,
  discardNullValuesFromPatch,
  extractKey,
  extractRetainKeysPatchStrategy,
  handleDirectiveInMergeMap,
  mergeDirective,
  removeDirectives,
  replaceDirective,
  retainKeysDirective,
  setElementOrderDirectivePrefix,
} from './directives.js';
import { goValue } from './go-format.js';
import { setOwnProperty } from '../own-property.js';
import { appendGrownCapacity, deduplicateScalars, goAppend, view, type GoSlice } from './go-slice.js';
import { deepEqual, goKind, hasOwn, type JsonMap } from './go-values.js';
import {
  findMapInSliceBasedOnKeyValue,
  normalizeElementOrder,
  partitionByPresentInList,
  sliceElementType,
  validatePatchWithSetOrderList,
} from './list-order.js';
import { MergePatchError, mergePatchErrors } from './merge-patch-error.js';

// A port of mergeMap/mergeSlice of k8s.io/apimachinery/pkg/util/strategicpatch/patch.go, kept
// close to the Go so that results, list order and errors match upstream. The API server applies a
// patch with it (StrategicMergeMapPatch); kubectl apply's CreateThreeWayMergePatch merges its
// two computed patches with it.

const goSliceType = '[]interface {}';

/** strategicpatch.MergeOptions, plus how Go sized the original document's slices. */
export interface MergeOptions {
  /**
   * Apply `$setElementOrder`, `$deleteFromPrimitiveList` and `$retainKeys` (applying a patch), rather
   * than carry them into the result (merging one patch into another).
   */
  mergeParallelList?: boolean;
  /** Drop nulls with nothing to delete instead of keeping them (applying a patch). */
  ignoreUnmatchedNulls?: boolean;
  /**
   * Capacity of the original document's lists, which decides whether Go's `append` reuses their
   * backing arrays. runtime.DefaultUnstructuredConverter sizes slices to their length (the default);
   * decoded JSON grows them by appending ({@link appendGrownCapacity}).
   */
  capacity?: (length: number) => number;
}

/** Options of {@link strategicMergeMapPatch}. */
export type StrategicMergeOptions = Pick<MergeOptions, 'capacity'>;

/**
 * Merges `patch` into `original` (strategicpatch's mergeMap). Both maps are mutated; pass copies.
 * Throws {@link MergePatchError} with upstream's message.
 */
export function mergeMap(original: JsonMap | null, patch: JsonMap, schema: PatchSchema, options: MergeOptions = {}): JsonMap {
  return new Merger(options).mergeMap(original, patch, schema);
}

/**
 * Applies a strategic merge patch to an original document, as the API server does
 * (strategicpatch.StrategicMergeMapPatch: MergeParallelList and IgnoreUnmatchedNulls set). Both maps
 * are mutated; pass copies. Throws {@link MergePatchError} with upstream's message.
 */
export function strategicMergeMapPatch(original: JsonMap, patch: JsonMap, schema: PatchSchema, options: StrategicMergeOptions = {}): JsonMap {
  return mergeMap(original, patch, schema, { ...options, mergeParallelList: true, ignoreUnmatchedNulls: true });
}

/** Sets a value taken whole from the patch, without its directives (or removes the key if it is one). */
function takeWhole(target: JsonMap, key: string, value: unknown): void {
  const [v, keep] = removeDirectives(value);
  if (keep) setOwnProperty(target, key, v);
  else delete target[key];
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

class Merger {
  private readonly mergeParallelList: boolean;
  private readonly ignoreUnmatchedNulls: boolean;
  private readonly capacity: (length: number) => number;

  constructor(options: MergeOptions) {
    this.mergeParallelList = options.mergeParallelList ?? false;
    this.ignoreUnmatchedNulls = options.ignoreUnmatchedNulls ?? false;
    this.capacity = options.capacity ?? ((n) => n);
  }

  private sliceOf(list: unknown[]): GoSlice {
    return { backing: list, len: list.length, cap: Math.max(list.length, this.capacity(list.length)) };
  }

  mergeMap(original: JsonMap | null, patch: JsonMap, schema: PatchSchema): JsonMap {
    if (hasOwn(patch, directiveMarker)) return handleDirectiveInMergeMap(patch[directiveMarker], patch);
    const target = original ?? {};
    this.applyRetainKeysDirective(target, patch);
    // `$setElementOrder` lists and their patch lists first; they leave the patch once merged.
    this.mergePatchIntoOriginal(target, patch, schema);
    for (const [patchKey, patchV] of Object.entries(patch)) {
      let k = patchKey;
      let isDeleteList = false;
      if (patchKey.startsWith(deleteFromPrimitiveListDirectivePrefix)) {
        if (!this.mergeParallelList) {
          setOwnProperty(target, patchKey, patchV);
          continue;
        }
        k = extractKey(patchKey, deleteFromPrimitiveListDirectivePrefix);
        isDeleteList = true;
      }
      // null deletes; applying a patch drops it when the original lacks the field, merging two
      // patches keeps it so that it reaches the server as a deletion.
      if (patchV === null) {
        delete target[k];
        if (this.ignoreUnmatchedNulls) continue;
      }
      if (!hasOwn(target, k) || goKind(target[k]) !== goKind(patchV)) {
        if (!isDeleteList) {
          if (this.ignoreUnmatchedNulls) discardNullValuesFromPatch(patchV);
          takeWhole(target, k, patchV);
        }
        continue;
      }
      switch (goKind(target[k])) {
        case 'map': {
          const { schema: sub, meta } = schema.lookupForStruct(k);
          const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
          setOwnProperty(target, k, strategy !== replaceDirective ? this.mergeMap(target[k] as JsonMap, patchV as JsonMap, sub) : patchV);
          break;
        }
        case 'slice': {
          const { schema: sub, meta } = schema.lookupForSlice(k);
          const [, strategy] = extractRetainKeysPatchStrategy(meta.strategies);
          setOwnProperty(target, k, this.mergeSliceHandler(this.sliceOf(target[k] as unknown[]), patchV as unknown[], sub, strategy, meta.mergeKey, isDeleteList));
          break;
        }
        default:
          takeWhole(target, k, patchV);
      }
    }
    return target;
  }

  private applyRetainKeysDirective(original: JsonMap, patch: JsonMap): void {
    if (!hasOwn(patch, retainKeysDirective)) return;
    const retainKeys = patch[retainKeysDirective];
    delete patch[retainKeysDirective];
    if (!this.mergeParallelList) {
      // Both patches come from the same manifest, so their `$retainKeys` lists must agree.
      if (!hasOwn(original, retainKeysDirective)) {
        original[retainKeysDirective] = retainKeys;
      } else if (!deepEqual(original[retainKeysDirective], retainKeys)) {
        throw new MergePatchError(
          `${goValue(original[retainKeysDirective])} and ${goValue(retainKeys)} are not deep equal: this may happen when calculating the 3-way diff patch`,
        );
      }
      return;
    }
    if (!Array.isArray(retainKeys)) throw mergePatchErrors.badPatchFormatForRetainKeys();
    const keep = new Set<unknown>(retainKeys);
    // Every field the patch sets must be listed; everything unlisted is cleared from the original.
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || k.startsWith(deleteFromPrimitiveListDirectivePrefix) || k.startsWith(setElementOrderDirectivePrefix)) continue;
      if (!keep.has(k)) throw mergePatchErrors.badPatchFormatForRetainKeys();
    }
    for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
  }

  /**
   * Merges each `$setElementOrder/<list>` with its patch list and orders the result: the order list
   * first, then the patch list, then the live list. Merging two patches also carries the order list
   * into the result (both must agree on it).
   */
  private mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: PatchSchema): void {
    for (const [key, setElementOrderInPatch] of Object.entries(patch)) {
      if (!key.startsWith(setElementOrderDirectivePrefix)) continue;
      if (!this.mergeParallelList) {
        if (!hasOwn(original, key)) setOwnProperty(original, key, setElementOrderInPatch);
        else if (!deepEqual(original[key], setElementOrderInPatch)) throw mergePatchErrors.badPatchFormatForSetElementOrderList();
      }
      delete patch[key];
      if (!Array.isArray(setElementOrderInPatch)) throw mergePatchErrors.badArgType(goSliceType, setElementOrderInPatch);
      const originalKey = extractKey(key, setElementOrderDirectivePrefix);
      let originalFieldValue: GoSlice | undefined;
      let patchFieldValue: unknown[] | undefined;
      if (hasOwn(original, originalKey)) {
        const list = original[originalKey];
        if (!Array.isArray(list)) throw mergePatchErrors.badArgType(goSliceType, list);
        // The header keeps its length; merging below may rewrite the backing array under it.
        originalFieldValue = this.sliceOf(list);
      }
      if (hasOwn(patch, originalKey)) {
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
        merged = removeDirectives(patchFieldValue)[0] as unknown[];
      } else if (originalFieldValue && patchFieldValue !== undefined) {
        merged = this.mergeSliceHandler(originalFieldValue, patchFieldValue, sub, strategy, meta.mergeKey, false);
      } else {
        continue;
      }

      const [patchItems, serverOnlyItems] = partitionByPresentInList(merged, setElementOrderInPatch, meta.mergeKey);
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
    const [patchItems, serverOnlyItems] = partitionByPresentInList(merged, patch, mergeKey);
    return normalizeElementOrder(patchItems, serverOnlyItems, patch, view(original), mergeKey, kind);
  }

  /** Applies `$patch: delete|replace` items; returns the remaining original and the plain patch items. */
  private mergeSliceWithSpecialElements(original: GoSlice, patch: unknown[], mergeKey: string): [GoSlice, unknown[]] {
    const plain: unknown[] = [];
    let replace = false;
    for (const v of patch) {
      const typed = v as JsonMap;
      if (!hasOwn(typed, directiveMarker)) {
        plain.push(v);
        continue;
      }
      const patchType = typed[directiveMarker];
      if (patchType === deleteDirective) {
        if (!hasOwn(typed, mergeKey)) throw mergePatchErrors.noMergeKey(typed, mergeKey);
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
      if (!hasOwn(typed, mergeKey)) throw mergePatchErrors.noMergeKey(typed, mergeKey);
      const found = findMapInSliceBasedOnKeyValue(view(original), mergeKey, typed[mergeKey]);
      if (found) original.backing[found.index] = this.mergeMap(found.map, typed, schema);
      else original = goAppend(original, [v]);
    }
    return original;
  }
}
