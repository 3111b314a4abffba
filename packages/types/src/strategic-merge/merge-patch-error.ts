import { goString, goTypeString, goValue } from './go-format.js';

/**
 * Upstream's mergepatch error values (k8s.io/apimachinery/pkg/util/mergepatch/errors.go) that
 * callers compare against: the API server answers each with its own status code.
 */
export type MergePatchSentinel =
  | 'badJSONDoc'
  | 'noListOfLists'
  | 'badPatchFormatForPrimitiveList'
  | 'badPatchFormatForRetainKeys'
  | 'badPatchFormatForSetElementOrderList';

/**
 * An error of k8s.io/apimachinery's mergepatch or strategicpatch, with upstream's text; `sentinel`
 * names the mergepatch error value it is, if any (the rest are plain `fmt.Errorf`s).
 */
export class MergePatchError extends Error {
  constructor(
    message: string,
    readonly sentinel?: MergePatchSentinel,
  ) {
    super(message);
    this.name = 'MergePatchError';
  }
}

/** The mergepatch error values and constructors, worded as upstream words them. */
export const mergePatchErrors = {
  badJSONDoc: () => new MergePatchError('invalid JSON document', 'badJSONDoc'),
  noListOfLists: () => new MergePatchError('lists of lists are not supported', 'noListOfLists'),
  badPatchFormatForPrimitiveList: () => new MergePatchError('invalid patch format of primitive list', 'badPatchFormatForPrimitiveList'),
  badPatchFormatForRetainKeys: () => new MergePatchError('invalid patch format of retainKeys', 'badPatchFormatForRetainKeys'),
  badPatchFormatForSetElementOrderList: () =>
    new MergePatchError('invalid patch format of setElementOrder list', 'badPatchFormatForSetElementOrderList'),
  noMergeKey: (m: unknown, key: string) => new MergePatchError(`map: ${goValue(m)} does not contain declared merge key: ${key}`),
  /** `expected` is the Go type name the code asserted (`map[string]interface {}`, `[]interface {}`). */
  badArgType: (expected: string, actual: unknown) => new MergePatchError(`expected a ${expected}, but received a ${goTypeString(actual)}`),
  badPatchType: (type: unknown, m: unknown) => new MergePatchError(`unknown patch type: ${goString(type)} in map: ${goValue(m)}`),
};
