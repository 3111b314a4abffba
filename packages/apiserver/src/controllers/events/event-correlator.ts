import type { ObjectReference } from '@minik/types';
import { LruMap } from './lru-map.js';

/** The fields of a core/v1 Event the correlator looks at. */
export interface CorrelatedEvent {
  metadata: { name: string; namespace: string; resourceVersion?: string };
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  type: string;
  source: { component?: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  reportingComponent?: string;
  reportingInstance?: string;
}

/** What to do with an event: skip it, create it, or bump the count of an earlier one. */
export type Correlation = { action: 'skip' } | { action: 'create' | 'update'; event: CorrelatedEvent };

interface AggregateRecord {
  messages: Set<string>;
  lastTimestamp: number;
}

interface ObservedEvent {
  name: string;
  count: number;
  firstTimestamp: string;
  resourceVersion?: string;
}

interface TokenBucket {
  tokens: number;
  at: number;
}

const maxSimilarEvents = 10;
const maxLruCacheEntries = 4096;
const aggregateIntervalMs = 600_000;
const spamBurst = 25;
const spamRefillMs = 300_000;

const refKey = (ref: ObjectReference): string[] => [ref.kind ?? '', ref.namespace ?? '', ref.name ?? '', ref.uid ?? '', ref.apiVersion ?? ''];

/**
 * client-go's EventCorrelator (tools/record/events_cache.go): similar events (same source, object,
 * type and reason) beyond 10 within 10 minutes are combined under one message; a repeated event
 * bumps `count` and `lastTimestamp` of the first instead of creating another; and each source and
 * object pair may emit 25 events, then one per 5 minutes.
 */
export class EventCorrelator {
  // Each cache keeps client-go's 4096 most recent keys (maxLruCacheEntries), so a long-running
  // cluster's correlator does not grow with every event it ever saw.
  readonly #aggregates = new LruMap<string, AggregateRecord>(maxLruCacheEntries);
  readonly #observed = new LruMap<string, ObservedEvent>(maxLruCacheEntries, (key, entry) => this.#unindex(entry.name, key));
  readonly #buckets = new LruMap<string, TokenBucket>(maxLruCacheEntries);
  /** Keys of #observed by event name, so a write's answer finds its entries without a scan. */
  readonly #keysByName = new Map<string, Set<string>>();

  /** Decides the fate of a new event at `now` (ms); `newName` names a combined event. */
  correlate(event: CorrelatedEvent, now: number, newName: () => string): Correlation {
    const { event: aggregated, key } = this.#aggregate(event, now, newName);
    const observed = this.#observe(aggregated, key);
    if (!this.#allow(observed.event, now)) return { action: 'skip' };
    return observed.repeat ? { action: 'update', event: observed.event } : { action: 'create', event: observed.event };
  }

  /** Remembers the resourceVersion and name the server gave an event, for the next bump. */
  recordWritten(event: CorrelatedEvent): void {
    for (const key of this.#keysByName.get(event.metadata.name) ?? []) {
      const entry = this.#observed.get(key);
      if (entry) entry.resourceVersion = event.metadata.resourceVersion;
    }
  }

  /** Forgets an event the server no longer has (the next occurrence is created afresh). */
  forget(event: CorrelatedEvent): void {
    const keys = this.#keysByName.get(event.metadata.name);
    if (!keys) return;
    this.#keysByName.delete(event.metadata.name);
    for (const key of keys) this.#observed.delete(key);
  }

  #index(name: string, key: string): void {
    let keys = this.#keysByName.get(name);
    if (!keys) this.#keysByName.set(name, (keys = new Set()));
    keys.add(key);
  }

  #unindex(name: string, key: string): void {
    const keys = this.#keysByName.get(name);
    if (!keys) return;
    keys.delete(key);
    if (keys.size === 0) this.#keysByName.delete(name);
  }

  #aggregate(event: CorrelatedEvent, now: number, newName: () => string): { event: CorrelatedEvent; key: string } {
    const aggregateKey = [
      event.source.component ?? '',
      event.source.host ?? '',
      ...refKey(event.involvedObject),
      event.type,
      event.reason,
      event.reportingComponent ?? '',
      event.reportingInstance ?? '',
    ].join('');
    let record = this.#aggregates.get(aggregateKey);
    if (!record || record.lastTimestamp < now - aggregateIntervalMs) {
      record = { messages: new Set(), lastTimestamp: now };
      this.#aggregates.set(aggregateKey, record);
    }
    record.lastTimestamp = now;
    record.messages.add(event.message);
    if (record.messages.size < maxSimilarEvents) return { event, key: eventKey(event) };
    // Keep the set from growing; from here on one combined event counts every similar one.
    const first = record.messages.values().next().value;
    if (first !== undefined) record.messages.delete(first);
    const combined: CorrelatedEvent = {
      metadata: { name: newName(), namespace: event.metadata.namespace },
      involvedObject: event.involvedObject,
      reason: event.reason,
      message: `(combined from similar events): ${event.message}`,
      type: event.type,
      source: event.source,
      firstTimestamp: event.firstTimestamp,
      lastTimestamp: event.lastTimestamp,
      count: 1,
    };
    return { event: combined, key: aggregateKey };
  }

  #observe(event: CorrelatedEvent, key: string): { event: CorrelatedEvent; repeat: boolean } {
    const last = this.#observed.get(key);
    const next = { ...event, metadata: { ...event.metadata } };
    let repeat = false;
    if (last) {
      next.metadata.name = last.name;
      if (last.resourceVersion !== undefined) next.metadata.resourceVersion = last.resourceVersion;
      next.firstTimestamp = last.firstTimestamp;
      next.count = last.count + 1;
      repeat = true;
    }
    this.#observed.set(key, { name: next.metadata.name, count: next.count, firstTimestamp: next.firstTimestamp, resourceVersion: next.metadata.resourceVersion });
    this.#index(next.metadata.name, key);
    return { event: next, repeat };
  }

  #allow(event: CorrelatedEvent, now: number): boolean {
    const key = [event.source.component ?? '', event.source.host ?? '', ...refKey(event.involvedObject)].join('');
    const bucket = this.#buckets.get(key) ?? { tokens: spamBurst, at: now };
    bucket.tokens = Math.min(spamBurst, bucket.tokens + (now - bucket.at) / spamRefillMs);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

function eventKey(event: CorrelatedEvent): string {
  return [
    event.source.component ?? '',
    event.source.host ?? '',
    ...refKey(event.involvedObject),
    event.involvedObject.fieldPath ?? '',
    event.type,
    event.reason,
    event.message,
  ].join('');
}
