/** Small helpers for reading and filling fields of untyped JSON objects. */

export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `parent[key]`, created (replacing a non-object) when absent. */
export function ensureObject(parent: JsonObject, key: string): JsonObject {
  const current = parent[key];
  if (isJsonObject(current)) return current;
  const created: JsonObject = {};
  parent[key] = created;
  return created;
}

/** The objects of the array at `parent[key]`, skipping anything that is not an object. */
export function objectsOf(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

/** A value as a string, empty when absent or not a string. */
export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Set `parent[key]` to `value` when it is absent (undefined, null or ''). */
export function defaultField(parent: JsonObject, key: string, value: unknown): void {
  const current = parent[key];
  if (current === undefined || current === null || current === '') parent[key] = value;
}

/** A deep copy of JSON data. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
