const segmentsByPath = new Map<string, readonly string[]>();
const maxCachedPaths = 256;

/** Paths come from a small fixed set of field labels, so each is split once (bounded, in case they don't). */
function segments(path: string): readonly string[] {
  let segs = segmentsByPath.get(path);
  if (!segs) {
    segs = path.split('.');
    if (segmentsByPath.size < maxCachedPaths) segmentsByPath.set(path, segs);
  }
  return segs;
}

/**
 * The value of a field label on an object, as upstream's per-kind `*ToSelectableFields` functions
 * render it: strings as-is, booleans as `true`/`false`, numbers in decimal. A missing (or
 * non-scalar) value gives `missing`, which the caller sets to Go's zero value where upstream reads a
 * non-pointer field: `'false'` for node `spec.unschedulable` or pod `spec.hostNetwork`
 * (strconv.FormatBool), `'0'` for replicaset `status.replicas` (strconv.Itoa); `''` otherwise.
 */
export function fieldValue(obj: unknown, path: string, missing = ''): string {
  const segs = segments(path);
  let cur: unknown = obj;
  for (let i = 0; i < segs.length; i++) {
    if (cur === null || typeof cur !== 'object') return missing;
    cur = (cur as Record<string, unknown>)[segs[i]!];
  }
  switch (typeof cur) {
    case 'string':
      return cur;
    case 'boolean':
      return cur ? 'true' : 'false';
    case 'number':
    case 'bigint':
      return String(cur);
    default:
      return missing;
  }
}
