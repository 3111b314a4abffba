/** One events.k8s.io event a recorder may grow a series on: its name and how often it was seen. */
export interface SeriesEntry {
  readonly name: string;
  count: number;
  /** When it was last seen (ms). */
  at: number;
}

/**
 * What makes a repeat the same event (client-go's eventKey: the reporting controller and instance,
 * the regarding and related objects, type, reason, action and note) as a number: a 53-bit hash
 * of those fields. As text the key was about 230 characters for every pod the scheduler bound,
 * kept 6 minutes (34 MB at 100,000 pods). A hit is to be confirmed against the stored event: a
 * collision then costs a new event, not a wrong series.
 */
export function seriesKey(parts: readonly string[]): number {
  return hash53(parts.join('\u0000'));
}

/** cyrb53 (public domain): a fast 53-bit string hash with good spread. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** client-go's finishTime: a series not seen for this long is over. */
export const seriesWindowMs = 6 * 60_000;

/**
 * The events an events.k8s.io recorder wrote, by what makes a repeat the same event (client-go's
 * eventBroadcasterImpl.eventCache). As upstream's finishSeries does every 6 minutes, entries not
 * seen for 6 minutes are dropped: the scheduler records an event for every pod it binds, and a
 * cache that kept them all would grow with every pod a cluster ever ran.
 */
export class EventSeriesCache {
  readonly #entries = new Map<number, SeriesEntry>();
  #nextSweep = 0;

  /** How many events are remembered. */
  get size(): number {
    return this.#entries.size;
  }

  /** The event a repeat at `now` continues, if it was seen within the window. */
  get(key: number, now: number): SeriesEntry | undefined {
    this.#sweep(now);
    const entry = this.#entries.get(key);
    return entry !== undefined && now - entry.at <= seriesWindowMs ? entry : undefined;
  }

  /** Remembers a newly written event. */
  start(key: number, name: string, now: number): void {
    this.#entries.set(key, { name, count: 1, at: now });
  }

  #sweep(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + seriesWindowMs;
    for (const [key, entry] of this.#entries) if (now - entry.at > seriesWindowMs) this.#entries.delete(key);
  }
}
