import jsonMergePatch from 'json-merge-patch';
import fastJsonPatch from 'fast-json-patch';
import { ApiError, badRequest } from '../errors/index.js';

/** The patch media types the server accepts, by Content-Type. */
export const patchMediaTypes = ['application/json-patch+json', 'application/merge-patch+json'] as const;
export type PatchType = (typeof patchMediaTypes)[number];

export function unsupportedPatchType(): ApiError {
  return new ApiError(
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${patchMediaTypes.join(', ')}`,
  );
}

/** Narrows a Content-Type to a supported patch type, or 415. */
export function patchTypeOf(mediaType: string): PatchType {
  if ((patchMediaTypes as readonly string[]).includes(mediaType)) return mediaType as PatchType;
  throw unsupportedPatchType();
}

/**
 * Applies a patch to a plain JSON copy of the current object. Malformed patches are 400s and
 * operations that cannot apply are 422s, as upstream's patcher answers
 * (k8s.io/apiserver/pkg/endpoints/handlers/patch.go).
 */
export function applyPatch(current: unknown, patchText: string, type: PatchType): unknown {
  let patch: unknown;
  try {
    patch = JSON.parse(patchText);
  } catch (error) {
    throw badRequest(`error decoding patch: ${(error as Error).message}`);
  }
  if (type === 'application/merge-patch+json') {
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
      throw badRequest('error decoding patch: a merge patch must be a JSON object');
    }
    return jsonMergePatch.apply(structuredClone(current), patch);
  }
  if (!Array.isArray(patch)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  try {
    return fastJsonPatch.applyPatch(structuredClone(current), patch as fastJsonPatch.Operation[], true, true, true).newDocument;
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'invalid patch';
    throw new ApiError('Invalid', message);
  }
}
