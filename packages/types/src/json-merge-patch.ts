import { setOwnProperty } from './own-property.js';
import { isMap, type JsonMap } from './strategic-merge/go-values.js';

/**
 * Applies a JSON merge patch object (RFC 7386) to a map it mutates, as upstream's
 * jsonpatch.MergePatch does, quirks included: a value that lands where there was no map has its
 * nulls pruned, at any depth and inside arrays; a non-map value over a map replaces it as it is.
 * The API server applies merge patches with it and minikctl's client-side apply merges its two
 * half-patches with it. Written here because the json-merge-patch package stops at a key named
 * `constructor`, `prototype` or `__proto__` and drops the rest of the patch; all three are valid
 * ConfigMap keys.
 */
export function applyJsonMergePatch(target: JsonMap, patch: JsonMap): JsonMap {
  for (const [key, value] of Object.entries(patch)) {
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (value === null) delete target[key];
    else if (!isMap(current)) setOwnProperty(target, key, pruneNulls(value));
    else if (isMap(value)) applyJsonMergePatch(current, value);
    else setOwnProperty(target, key, value);
  }
  return target;
}

/** Drops null map values at any depth; null array items stay (pruneNulls). */
function pruneNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null) pruneNulls(item);
  } else if (isMap(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === null) delete value[key];
      else pruneNulls(item);
    }
  }
  return value;
}
