/** One events.k8s.io event a recorder may grow a series on: its name and how often it was seen. */
export interface SeriesEntry {
  readonly name: string;
  count: number;
  /** When it was last seen (ms). */
  at: number;
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
  readonly #entries = new Map<string, SeriesEntry>();
  #nextSweep = 0;

  /** How many events are remembered. */
  get size(): number {
    return this.#entries.size;
  }

  /** The event a repeat at `now` continues, if it was seen within the window. */
  get(key: string, now: number): SeriesEntry | undefined {
    this.#sweep(now);
    const entry = this.#entries.get(key);
    return entry !== undefined && now - entry.at <= seriesWindowMs ? entry : undefined;
  }

  /** Remembers a newly written event. */
  start(key: string, name: string, now: number): void {
    this.#entries.set(key, { name, count: 1, at: now });
  }

  #sweep(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + seriesWindowMs;
    for (const [key, entry] of this.#entries) if (now - entry.at > seriesWindowMs) this.#entries.delete(key);
  }
}
