/**
 * A bounded table of frozen values shared between stored objects, keyed by their JSON text (a
 * string by itself). It keeps two generations: a value found in the older one moves to the newer,
 * and when the newer is full the older is dropped. Values that keep recurring stay; unique ones pass through without
 * growing the table beyond two generations.
 */
export class SharedValues<T> {
  #current = new Map<string, T>();
  #previous = new Map<string, T>();

  /**
   * The value last found or made. Consecutive writes mostly repeat it (a ReplicaSet's pods, one
   * kubelet's Events), and comparing a value with it costs less than writing its JSON text.
   */
  last: T | undefined;

  constructor(private readonly generationSize: number) {}

  /** The value shared under `text`, or what `make` builds, which is shared from then on. */
  get(text: string, make: () => T): T {
    let value = this.#current.get(text);
    if (value !== undefined) return (this.last = value);
    value = this.#previous.get(text);
    if (value === undefined) value = make();
    // JSON.stringify's text is often a rope; a flat key is half its size.
    text.charCodeAt(0);
    if (this.#current.size >= this.generationSize) {
      this.#previous = this.#current;
      this.#current = new Map();
    }
    this.#current.set(text, value);
    return (this.last = value);
  }
}

/**
 * Whether `value` has exactly the JSON text of `frozen`, a frozen JSON copy: the same keys in the
 * same order and the same scalars. False where unsure (toJSON, undefined, non-finite numbers).
 */
export function sameJsonText(value: unknown, frozen: unknown): boolean {
  if (value === frozen) return typeof value !== 'number' || Number.isFinite(value);
  if (typeof value !== 'object' || value === null || typeof frozen !== 'object' || frozen === null) return false;
  if (Array.isArray(value)) {
    if (!Array.isArray(frozen) || value.length !== frozen.length) return false;
    for (let i = 0; i < value.length; i++) if (!sameJsonText(value[i], frozen[i])) return false;
    return true;
  }
  if (Array.isArray(frozen) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const keys = Object.keys(value);
  const frozenKeys = Object.keys(frozen);
  if (keys.length !== frozenKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== frozenKeys[i] || !sameJsonText((value as Record<string, unknown>)[key], (frozen as Record<string, unknown>)[key])) return false;
  }
  return true;
}
