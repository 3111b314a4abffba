import { applyJsonMergePatch, deepEqual, goKind, hasOwn, isMap, setOwnProperty, type JsonMap } from '@minik/types';

// A port of k8s.io/apimachinery/pkg/util/jsonmergepatch CreateThreeWayJSONMergePatch, with
// evanphx/json-patch's CreateMergePatch and MergePatch underneath: what kubectl apply sends for
// kinds it has no Go type for (custom resources).

/** An error computing a JSON merge patch, with upstream's message. */
export class JsonMergePatchError extends Error {
  override readonly name = 'JsonMergePatchError';
}

/**
 * The RFC 7386 merge patch `kubectl apply` sends for kinds without a schema: the changes and
 * additions from `current` to `modified`, plus `null` for what `original` had and `modified`
 * dropped. Lists are replaced whole. `{}` means the object is unchanged.
 */
export function createThreeWayJsonMergePatch(original: unknown, modified: unknown, current: unknown): JsonMap {
  const originalMap = decoded(original);
  const modifiedMap = decoded(modified);
  const currentMap = decoded(current);
  const addAndChangePatch = keepOrDeleteNullInObj(getDiff(currentMap, modifiedMap), false);
  const deletePatch = keepOrDeleteNullInObj(getDiff(originalMap, modifiedMap), true);
  if (hasConflicts(addAndChangePatch, deletePatch)) {
    throw new JsonMergePatchError('precondition failed: the changes and the deletions of the patch conflict');
  }
  return applyJsonMergePatch(deletePatch, addAndChangePatch);
}

function decoded(value: unknown): JsonMap {
  if (value === undefined || value === null) return {};
  const copy: unknown = JSON.parse(JSON.stringify(value));
  return isMap(copy) ? copy : {};
}

/** evanphx/json-patch's getDiff: what turns `a` into `b`, with `null` for removed keys. */
function getDiff(a: JsonMap, b: JsonMap): JsonMap {
  const into: JsonMap = {};
  for (const [key, bv] of Object.entries(b)) {
    if (!hasOwn(a, key)) {
      setOwnProperty(into, key, bv);
      continue;
    }
    const av = a[key];
    // encoding/json decodes every number as float64, so 1 and 1.5 share a type here.
    const kind = (v: unknown): string => (goKind(v) === 'int64' ? 'float64' : goKind(v));
    if (kind(av) !== kind(bv)) {
      setOwnProperty(into, key, bv);
      continue;
    }
    if (isMap(av)) {
      const dst = getDiff(av, bv as JsonMap);
      if (Object.keys(dst).length > 0) setOwnProperty(into, key, dst);
    } else if (!deepEqual(av, bv)) {
      setOwnProperty(into, key, bv);
    }
  }
  for (const key of Object.keys(a)) if (!hasOwn(b, key)) setOwnProperty(into, key, null);
  return into;
}

/** Keeps only the nulls (deletions) or only the non-nulls (additions and changes) of a patch. */
function keepOrDeleteNullInObj(m: JsonMap, keepNull: boolean): JsonMap {
  const filtered: JsonMap = {};
  for (const [key, val] of Object.entries(m)) {
    if (val === null) {
      if (keepNull) setOwnProperty(filtered, key, null);
    } else if (isMap(val)) {
      // An explicitly empty map is a value, not an empty patch.
      if (Object.keys(val).length === 0) {
        if (!keepNull) setOwnProperty(filtered, key, val);
        continue;
      }
      const sub = keepOrDeleteNullInObj(val, keepNull);
      if (Object.keys(sub).length > 0) setOwnProperty(filtered, key, sub);
    } else if (!keepNull) {
      // Lists are replaced whole in JSON merge patch.
      setOwnProperty(filtered, key, val);
    }
  }
  return filtered;
}

/** mergepatch.HasConflicts: keys both patches set to different values. */
function hasConflicts(left: unknown, right: unknown): boolean {
  if (isMap(left)) {
    if (!isMap(right)) return true;
    return Object.entries(left).some(([k, v]) => hasOwn(right, k) && hasConflicts(v, right[k]));
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return true;
    return left.some((v, i) => hasConflicts(v, right[i]));
  }
  return !deepEqual(left, right);
}
