import type { Clock } from '../util/clock.js';

/** One served request, as a test or an audit log sees it. */
export interface RequestRecord {
  /** When the request arrived (RFC 3339 with milliseconds). */
  time: string;
  method: string;
  path: string;
  /** The Kubernetes verb (get, list, watch, create, update, patch, delete, deletecollection), or undefined for non-resource paths. */
  verb: string | undefined;
  group: string | undefined;
  resource: string | undefined;
  subresource: string | undefined;
  namespace: string | undefined;
  name: string | undefined;
  userAgent: string | undefined;
  /** The HTTP status answered (for streams: the status the stream opened with). */
  status: number;
  /** Milliseconds until the response (or the stream's head) was ready. */
  durationMs: number;
}

/** Options of the log. */
export interface RequestLogOptions {
  /** How many records are kept (oldest dropped first); default 10 000. */
  capacity?: number;
}

/** Every request the cluster served, newest last, with ways to wait for one. */
export class RequestLog {
  // A ring: dropping the oldest of 10,000 records must not shift the other 9,999 on every request.
  readonly #ring: (RequestRecord | undefined)[] = [];
  #start = 0;
  #length = 0;
  readonly #capacity: number;
  readonly #listeners = new Set<(record: RequestRecord) => void>();

  constructor(options: RequestLogOptions = {}) {
    this.#capacity = Math.max(1, options.capacity ?? 10_000);
  }

  /** The retained records, oldest first. */
  get entries(): readonly RequestRecord[] {
    const out: RequestRecord[] = new Array<RequestRecord>(this.#length);
    for (let i = 0; i < this.#length; i++) out[i] = this.#ring[(this.#start + i) % this.#capacity]!;
    return out;
  }

  clear(): void {
    this.#ring.length = 0;
    this.#start = 0;
    this.#length = 0;
  }

  /** Records matching a predicate. */
  filter(predicate: (record: RequestRecord) => boolean): RequestRecord[] {
    return this.entries.filter(predicate);
  }

  /** Calls `listener` for each new record; returns an unsubscribe function. */
  subscribe(listener: (record: RequestRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Resolves with the first record (already logged or still to come) matching `predicate`; rejects
   * after `timeoutMs` (default 5 s) on the given clock.
   */
  waitFor(predicate: (record: RequestRecord) => boolean, options: { timeoutMs?: number; clock?: Clock } = {}): Promise<RequestRecord> {
    const existing = this.entries.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? 5000;
      const timer = options.clock
        ? options.clock.setTimeout(() => fail(), timeoutMs)
        : { id: setTimeout(() => fail(), timeoutMs) };
      const unsubscribe = this.subscribe((record) => {
        if (!predicate(record)) return;
        unsubscribe();
        if (options.clock) options.clock.clearTimeout(timer);
        else clearTimeout(timer.id as NodeJS.Timeout);
        resolve(record);
      });
      const fail = (): void => {
        unsubscribe();
        reject(new Error(`no request matched within ${timeoutMs} ms`));
      };
    });
  }

  /** Adds a record (called by the request pipeline). */
  record(record: RequestRecord): void {
    if (this.#length === this.#capacity) {
      this.#ring[this.#start] = record;
      this.#start = (this.#start + 1) % this.#capacity;
    } else {
      this.#ring[(this.#start + this.#length) % this.#capacity] = record;
      this.#length++;
    }
    for (const listener of this.#listeners) listener(record);
  }
}
