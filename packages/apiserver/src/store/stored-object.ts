import type { KubeObject } from '@minik/types';
import type { StoredObject } from './store.js';

/**
 * A stored revision whose JSON text is written the first time a reader asks (a GET, a LIST, a
 * watch event over HTTP) and then kept for every later one. Objects only in-process readers
 * see — the pods, events and leases of a big simulated cluster — never pay for it: at 100,000
 * Running pods the texts were about a fifth of the heap and of each write's cost (bench/ S5, S3).
 */
class LazyJsonStoredObject implements StoredObject {
  #json: string | undefined;

  constructor(
    readonly object: Readonly<KubeObject>,
    readonly revision: number,
  ) {
    // Frozen like the object; the private field is not a property, so the text can still be kept.
    Object.freeze(this);
  }

  get json(): string {
    return (this.#json ??= JSON.stringify(this.object));
  }
}

/** A stored revision of a frozen object, its JSON text serialised on first use. */
export function storedObject(object: Readonly<KubeObject>, revision: number): StoredObject {
  return new LazyJsonStoredObject(object, revision);
}
