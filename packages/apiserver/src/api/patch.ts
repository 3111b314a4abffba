import { applyJsonMergePatch, isMap, type JsonMap, type ResourceDefinition } from '@minik/types';
import { ApiError, badRequest } from '../errors/index.js';
import { schemaTypeOf } from '../patch/field-ownership.js';
import { goJsonKind, unprocessablePatch } from '../patch/patch-errors.js';
import { applyJsonPatch, JsonPatchError } from '../patch/json-patch.js';
import { applyStrategicMergePatch } from '../patch/strategic-merge-request.js';
import { cloneJson } from '../util/clone-json.js';
import { parseJsonAsGo } from '../util/go-json-syntax.js';

/** The patch media types the server accepts, by Content-Type, in the order upstream lists them. */
export const patchMediaTypes = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
] as const;
export type PatchType = (typeof patchMediaTypes)[number];

type KindRef = Pick<ResourceDefinition, 'group' | 'version' | 'kind'>;

/** The patch types a kind accepts: strategic merge needs the kind's schema, so kinds without one refuse it as CRDs do. */
export function acceptedPatchTypes(def?: KindRef): readonly PatchType[] {
  if (def === undefined || schemaTypeOf(def) !== undefined) return patchMediaTypes;
  return patchMediaTypes.filter((t) => t !== 'application/strategic-merge-patch+json');
}

export function unsupportedPatchType(def?: KindRef): ApiError {
  return new ApiError(
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${acceptedPatchTypes(def).join(', ')}`,
  );
}

/** Narrows a Content-Type to a patch type the kind accepts, or 415. */
export function patchTypeOf(mediaType: string, def?: KindRef): PatchType {
  if ((acceptedPatchTypes(def) as readonly string[]).includes(mediaType)) return mediaType as PatchType;
  throw unsupportedPatchType(def);
}

/**
 * Applies a patch to a plain JSON copy of the current object. Malformed patches are 400s and
 * operations that cannot apply are 422s, as upstream's patcher answers
 * (k8s.io/apiserver/pkg/endpoints/handlers/patch.go).
 */
export function applyPatch(current: unknown, patchText: string, type: PatchType, def?: KindRef): unknown {
  if (type === 'application/strategic-merge-patch+json') {
    const schemaType = def && schemaTypeOf(def);
    if (!schemaType) throw unsupportedPatchType(def);
    return applyStrategicMergePatch(current, patchText, schemaType);
  }
  // Server-side apply is not a patch of the current object; the patch handler runs it.
  if (type === 'application/apply-patch+yaml') throw unsupportedPatchType(def);
  let patch: unknown;
  try {
    patch = parseJsonAsGo(patchText);
  } catch (error) {
    throw badRequest(`error decoding patch: ${(error as Error).message}`);
  }
  if (type === 'application/merge-patch+json') {
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
      throw badRequest('error decoding patch: a merge patch must be a JSON object');
    }
    return applyJsonMergePatch(cloneJson(current) as JsonMap, patch as JsonMap);
  }
  // Go decodes `null` as an empty patch, and a null operation as one of kind "unknown" (a 422).
  if (patch === null) return cloneJson(current);
  if (!Array.isArray(patch)) throw badRequest(`json: cannot unmarshal ${goJsonKind(patch)} into Go value of type jsonpatch.Patch`);
  const operation = patch.find((op) => op !== null && !isMap(op));
  if (operation !== undefined) throw badRequest(`json: cannot unmarshal ${goJsonKind(operation)} into Go value of type jsonpatch.Operation`);
  try {
    return applyJsonPatch(cloneJson(current) as JsonMap, patch as (JsonMap | null)[]);
  } catch (error) {
    // Upstream answers a JSON patch that cannot apply with a generic 422 (NewGenericServerResponse).
    if (error instanceof JsonPatchError) throw unprocessablePatch();
    throw error;
  }
}
