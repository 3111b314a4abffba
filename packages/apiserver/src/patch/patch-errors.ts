import type { MergePatchError, MergePatchSentinel, Status } from '@minik/types';
import { ApiError, badRequest } from '../errors/index.js';

/** The JSON kind Go's encoding/json names in `cannot unmarshal <kind> into Go value of type …`. */
export const goJsonKind = (v: unknown): string => (Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v);

/** How the API server answers a failed strategic merge (interpretStrategicMergePatchError). */
export type MergePatchFailure = 'BadRequest' | 'Unprocessable' | 'Unknown';

/** interpretStrategicMergePatchError's cases; other errors pass through as they are. */
const failureBySentinel: Record<MergePatchSentinel, MergePatchFailure> = {
  badJSONDoc: 'BadRequest',
  badPatchFormatForPrimitiveList: 'BadRequest',
  badPatchFormatForRetainKeys: 'BadRequest',
  badPatchFormatForSetElementOrderList: 'BadRequest',
  noListOfLists: 'Unprocessable',
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
  switch (error.sentinel === undefined ? 'Unknown' : failureBySentinel[error.sentinel]) {
    case 'BadRequest':
      return badRequest(error.message);
    case 'Unprocessable':
      return unprocessablePatch();
    case 'Unknown':
      return new UnknownReasonError(error.message);
  }
}
