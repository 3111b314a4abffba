import type { Status } from '@minik/types';
import { ApiError, badRequest } from '../errors/index.js';
import { goString, goTypeString, goValue } from './go-format.js';

/** How the API server answers a failed strategic merge (interpretStrategicMergePatchError). */
export type MergePatchFailure = 'BadRequest' | 'Unprocessable' | 'Unknown';

/** An error of k8s.io/apimachinery/pkg/util/mergepatch or strategicpatch, with upstream's text. */
export class MergePatchError extends Error {
  constructor(
    message: string,
    readonly failure: MergePatchFailure = 'Unknown',
  ) {
    super(message);
    this.name = 'MergePatchError';
  }
}

/** The mergepatch error values and constructors, worded as upstream words them. */
export const mergePatchErrors = {
  badJSONDoc: () => new MergePatchError('invalid JSON document', 'BadRequest'),
  noListOfLists: () => new MergePatchError('lists of lists are not supported', 'Unprocessable'),
  badPatchFormatForPrimitiveList: () => new MergePatchError('invalid patch format of primitive list', 'BadRequest'),
  badPatchFormatForRetainKeys: () => new MergePatchError('invalid patch format of retainKeys', 'BadRequest'),
  badPatchFormatForSetElementOrderList: () => new MergePatchError('invalid patch format of setElementOrder list', 'BadRequest'),
  noMergeKey: (m: unknown, key: string) => new MergePatchError(`map: ${goValue(m)} does not contain declared merge key: ${key}`),
  /** `expected` is the Go type name the code asserted (`map[string]interface {}`, `[]interface {}`). */
  badArgType: (expected: string, actual: unknown) => new MergePatchError(`expected a ${expected}, but received a ${goTypeString(actual)}`),
  badPatchType: (type: unknown, m: unknown) => new MergePatchError(`unknown patch type: ${goString(type)} in map: ${goValue(m)}`),
};

/**
 * A failure that upstream returns as a plain Go error: the API server turns those into a 500 whose
 * Status has no reason (kubectl prints `Error from server: <message>`).
 */
export class UnknownReasonError extends ApiError {
  constructor(message: string) {
    super('InternalError', message, undefined, 500);
  }

  override toStatus(): Status {
    const status = super.toStatus();
    delete status.reason;
    return status;
  }
}

/** The 422 upstream's NewGenericServerResponse builds, which drops the underlying message. */
export function unprocessablePatch(): ApiError {
  return new ApiError('Invalid', 'the server rejected our request due to an error in our request', undefined, 422);
}

/** The API error for a failed strategic merge, as interpretStrategicMergePatchError maps it. */
export function mergePatchApiError(error: MergePatchError): ApiError {
  switch (error.failure) {
    case 'BadRequest':
      return badRequest(error.message);
    case 'Unprocessable':
      return unprocessablePatch();
    case 'Unknown':
      return new UnknownReasonError(error.message);
  }
}
