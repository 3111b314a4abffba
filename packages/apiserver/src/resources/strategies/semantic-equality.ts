import { isJsonObject } from './object-fields.js';

/**
 * JSON data reduced to what Go's apiequality.Semantic.DeepEqual compares after decoding: absent,
 * null and zero values (false, 0, "", empty lists and maps) all mean "not set".
 */
export function semanticForm(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((item) => semanticForm(item) ?? null);
  if (isJsonObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const normal = semanticForm(value[key]);
      if (normal !== undefined) out[key] = normal;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  if (value === null || value === undefined || value === false || value === 0 || value === '') return undefined;
  return value;
}

/**
 * Deep equality of two JSON values under {@link semanticForm}, compared in place: every pod update
 * compares the old and new spec, and building both forms (sorted keys, copies, two JSON texts)
 * was a quarter of what a PATCH allocated.
 */
export function semanticallyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isJsonObject(a) && isJsonObject(b)) {
    for (const key of Object.keys(a)) if (!semanticallyEqual(a[key], Object.hasOwn(b, key) ? b[key] : undefined)) return false;
    for (const key of Object.keys(b)) if (!Object.hasOwn(a, key) && !isSemanticZero(b[key])) return false;
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!semanticallyEqual(a[i], b[i])) return false;
    return true;
  }
  // Different shapes or different scalars: equal only if both mean "not set".
  return isSemanticZero(a) && isSemanticZero(b);
}

/** Whether {@link semanticForm} reduces a value to "not set". */
function isSemanticZero(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (isJsonObject(value)) {
    for (const key of Object.keys(value)) if (!isSemanticZero(value[key])) return false;
    return true;
  }
  return value === null || value === undefined || value === false || value === 0 || value === '';
}
