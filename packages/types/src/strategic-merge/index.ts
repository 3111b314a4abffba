export {
  deleteDirective,
  deleteFromPrimitiveListDirectivePrefix,
  directiveMarker,
  extractRetainKeysPatchStrategy,
  mergeDirective,
  replaceDirective,
  retainKeysDirective,
  setElementOrderDirectivePrefix,
} from './directives.js';
export { goTypeName, goValue } from './go-format.js';
export { appendGrownCapacity, deduplicateScalarList } from './go-slice.js';
export { goSort, stringsSorted } from './go-sort.js';
export { deepEqual, goEqual, goKind, hasOwn, isMap, type GoKind, type JsonMap } from './go-values.js';
export { mapAndMergeKeyValue, mergeKeyValueEqual, normalizeSliceOrder, sliceElementType, sortScalars } from './list-order.js';
export { mergeMap, strategicMergeMapPatch, type MergeOptions, type StrategicMergeOptions } from './merge-map.js';
export { MergePatchError, mergePatchErrors, type MergePatchSentinel } from './merge-patch-error.js';
