/**
 * A map that keeps its `capacity` most recently used entries (groupcache's lru.Cache, which
 * client-go's event correlator uses): `get` and `set` make an entry the newest, and a `set` beyond
 * capacity drops the oldest, reporting it to `onEvict`.
 */
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(
    readonly capacity: number,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: re-inserting makes the entry the newest.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value as K;
      const evicted = this.#entries.get(oldest)!;
      this.#entries.delete(oldest);
      this.onEvict?.(oldest, evicted);
    }
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }
}
