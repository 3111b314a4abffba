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

/** Deep equality of two JSON values under {@link semanticForm}. */
export function semanticallyEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(semanticForm(a)) === JSON.stringify(semanticForm(b));
}
