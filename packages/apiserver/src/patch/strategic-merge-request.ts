import type { FieldType } from '@minik/types';
import { builtinSchemas, MergePatchError, SchemaPatchMeta, strategicMergeMapPatch } from '@minik/types';
import { badRequest } from '../errors/index.js';
import { goJsonKind, mergePatchApiError } from './patch-errors.js';
import { stripDirectiveKeys } from './strategic-merge-patch.js';
import { cloneJson } from '../util/clone-json.js';
import { parseJsonAsGo } from '../util/go-json-syntax.js';

/**
 * Applies a strategic merge patch body to a JSON copy of an object of the given schema type, as
 * the API server's strategicPatchObject does: malformed bodies are 400s and merge failures get
 * interpretStrategicMergePatchError's codes.
 */
export function applyStrategicMergePatch(current: unknown, patchText: string, type: FieldType): unknown {
  let patch: unknown;
  try {
    patch = parseJsonAsGo(patchText);
  } catch (error) {
    throw badRequest((error as Error).message);
  }
  if (patch === null) patch = {};
  if (typeof patch !== 'object' || Array.isArray(patch)) {
    throw badRequest(`json: cannot unmarshal ${goJsonKind(patch)} into Go value of type map[string]interface {}`);
  }
  const original = cloneJson(current ?? {}) as Record<string, unknown>;
  try {
    const merged = strategicMergeMapPatch(original, patch as Record<string, unknown>, new SchemaPatchMeta(builtinSchemas, type));
    return stripDirectiveKeys(merged);
  } catch (error) {
    if (error instanceof MergePatchError) throw mergePatchApiError(error);
    throw error;
  }
}
