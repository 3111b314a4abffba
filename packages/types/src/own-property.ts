/**
 * Sets a property the way JSON.parse makes one. A plain assignment to `__proto__` changes the
 * object's prototype (or, for a string, does nothing), so a ConfigMap key `__proto__` that JSON
 * gave as an own property would be lost in a copy made with `out[key] = value`.
 */
export function setOwnProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
