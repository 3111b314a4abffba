/**
 * Freezes a JSON-shaped value in place, recursively. Discovery documents are built once and handed
 * to every request, so no caller may change them under the others.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
