/**
 * A bounded table of frozen values shared between stored objects, keyed by their JSON text (a
 * string by itself). It keeps two generations: a value found in the older one moves to the newer,
 * and when the newer is full the older is dropped. Values that keep recurring stay; unique ones pass through without
 * growing the table beyond two generations.
 */
export class SharedValues<T> {
  #current = new Map<string, T>();
  #previous = new Map<string, T>();

  constructor(private readonly generationSize: number) {}

  /** The value shared under `text`, or what `make` builds, which is shared from then on. */
  get(text: string, make: () => T): T {
    let value = this.#current.get(text);
    if (value !== undefined) return value;
    value = this.#previous.get(text);
    if (value === undefined) value = make();
    // JSON.stringify's text is often a rope; a flat key is half its size.
    text.charCodeAt(0);
    if (this.#current.size >= this.generationSize) {
      this.#previous = this.#current;
      this.#current = new Map();
    }
    this.#current.set(text, value);
    return value;
  }
}
