import type { ObjectReference } from '@minik/types';

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
  readonly #aggregates = new Map<string, AggregateRecord>();
  readonly #observed = new Map<string, ObservedEvent>();
  readonly #buckets = new Map<string, TokenBucket>();

  /** Decides the fate of a new event at `now` (ms); `newName` names a combined event. */
  correlate(event: CorrelatedEvent, now: number, newName: () => string): Correlation {
    const { event: aggregated, key } = this.#aggregate(event, now, newName);
    const observed = this.#observe(aggregated, key);
    if (!this.#allow(observed.event, now)) return { action: 'skip' };
    return observed.repeat ? { action: 'update', event: observed.event } : { action: 'create', event: observed.event };
  }

  /** Remembers the resourceVersion and name the server gave an event, for the next bump. */
  recordWritten(event: CorrelatedEvent): void {
    for (const entry of this.#observed.values()) {
      if (entry.name === event.metadata.name) entry.resourceVersion = event.metadata.resourceVersion;
    }
  }

  /** Forgets an event the server no longer has (the next occurrence is created afresh). */
  forget(event: CorrelatedEvent): void {
    for (const [key, entry] of this.#observed) if (entry.name === event.metadata.name) this.#observed.delete(key);
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
