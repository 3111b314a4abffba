import type { KubeObject } from '@minik/types';
import type { StoredObject } from './store.js';

// The texts of the stored objects a reader asked for, kept as long as the object: a field in every
// stored object took 8 bytes of each of the 500,000 a big simulated cluster holds (bench/ S5).
const texts = new WeakMap<StoredObject, string>();

/**
 * A stored revision whose JSON text is written the first time a reader asks (a GET, a LIST, a
 * watch event over HTTP) and then kept for every later one. Objects only in-process readers
 * see — the pods, events and leases of a big simulated cluster — never pay for it: at 100,000
 * Running pods the texts were about a fifth of the heap and of each write's cost (bench/ S5, S3).
 * Its revision is read from the object's resourceVersion, which the store stamps.
 */
class LazyJsonStoredObject implements StoredObject {
  constructor(readonly object: Readonly<KubeObject>) {
    Object.freeze(this);
  }

  get revision(): number {
    return Number(this.object.metadata.resourceVersion);
  }

  get json(): string {
    let json = texts.get(this);
    if (json === undefined) texts.set(this, (json = JSON.stringify(this.object)));
    return json;
  }
}

/** A stored revision kept beside an object whose resourceVersion does not say it. */
class RevisionedStoredObject extends LazyJsonStoredObject {
  readonly #revision: number;

  constructor(object: Readonly<KubeObject>, revision: number) {
    super(object);
    this.#revision = revision;
  }

  override get revision(): number {
    return this.#revision;
  }
}

/** A stored revision of a frozen object, its JSON text serialised on first use. */
export function storedObject(object: Readonly<KubeObject>, revision: number): StoredObject {
  return object.metadata.resourceVersion === String(revision) ? new LazyJsonStoredObject(object) : new RevisionedStoredObject(object, revision);
}
