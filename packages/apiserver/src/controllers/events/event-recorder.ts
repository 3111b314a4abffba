import type { KubeObject, ObjectReference } from '@minik/types';
import { ApiError } from '../../errors/index.js';
import type { InProcessClient } from '../../client/in-process-client.js';
import type { Clock } from '../../util/clock.js';
import { rfc3339 } from '../../util/time.js';
import { EventCorrelator, type CorrelatedEvent } from './event-correlator.js';
import { EventSeriesCache, seriesKey } from './event-series.js';
import { referenceOf } from './object-reference.js';
import { cloneJson } from '../../util/clone-json.js';

const eventKind = { apiVersion: 'v1', kind: 'Event' } as const;

/** Normal or Warning, the two event types upstream allows. */
export type EventType = 'Normal' | 'Warning';

/** Who emits events: `source.component` (e.g. `deployment-controller`, `kubelet`) and host. */
export interface EventSource {
  component: string;
  /** The node name, for kubelet events. */
  host?: string;
}

/** What an event is about: an object read from the API, or a reference built by hand. */
export type EventSubject = Readonly<KubeObject> | ObjectReference;

/**
 * client-go's record.EventRecorder: writes core/v1 Events with involvedObject, source,
 * reportingComponent, count and first/last timestamps, correlated like upstream (repeats bump
 * `count`, floods are combined or dropped). Never throws: events are best effort.
 */
export interface EventRecorder {
  event(subject: EventSubject, type: EventType, reason: string, message: string): void;
}

/**
 * client-go's tools/events recorder (events.k8s.io/v1), used by the scheduler: events carry
 * `eventTime`, `action`, `reportingComponent`/`reportingInstance` and no count or source, as they
 * read through core/v1. A repeat within 6 minutes grows `series` instead of adding an event.
 */
export interface EventsV1Recorder {
  event(regarding: EventSubject, related: EventSubject | undefined, type: EventType, reason: string, action: string, note: string): void;
}

/** Options of the broadcaster all of a cluster's components share. */
export interface EventBroadcasterOptions {
  /** Where failed event writes are reported; they are dropped either way. */
  onError?: (error: unknown) => void;
}


/**
 * The event sink of one cluster (client-go's EventBroadcaster): one correlator for every
 * recorder, and names `<object>.<hex nanoseconds>` that never repeat even when the clock stands
 * still.
 */
export class EventBroadcaster {
  readonly #correlator = new EventCorrelator();
  readonly #series = new EventSeriesCache();
  #lastNanos = 0n;

  constructor(
    readonly client: InProcessClient,
    readonly clock: Clock,
    readonly options: EventBroadcasterOptions = {},
  ) {}

  /**
   * A core/v1 recorder for one component (`deployment-controller`, `kubelet` on a host, …). Its
   * events are written with `client`, the component's own, so managedFields name the component
   * (`kubelet`) as upstream's do.
   */
  newRecorder(source: EventSource, client: InProcessClient = this.client): EventRecorder {
    return { event: (subject, type, reason, message) => this.#record(client, source, subject, type, reason, message) };
  }

  /** An events.k8s.io-style recorder (`default-scheduler`, instance `default-scheduler-<host>`), writing with `client`. */
  newEventsV1Recorder(reportingController: string, reportingInstance: string, client: InProcessClient = this.client): EventsV1Recorder {
    return {
      event: (regarding, related, type, reason, action, note) =>
        this.#recordV1(client, reportingController, reportingInstance, regarding, related, type, reason, action, note),
    };
  }

  /** A unique event name for an object: upstream's `%v.%x` of the name and UnixNano. */
  #name(objectName: string): string {
    let nanos = BigInt(this.clock.now()) * 1_000_000n;
    if (nanos <= this.#lastNanos) nanos = this.#lastNanos + 1n;
    this.#lastNanos = nanos;
    return `${objectName}.${nanos.toString(16)}`;
  }

  #record(client: InProcessClient, source: EventSource, subject: EventSubject, type: EventType, reason: string, message: string): void {
    const now = this.clock.now();
    const stamp = rfc3339(now);
    const ref = referenceOf(subject);
    const event: CorrelatedEvent = {
      metadata: { name: this.#name(ref.name ?? ''), namespace: ref.namespace || 'default' },
      involvedObject: ref,
      reason,
      message,
      type,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: stamp,
      lastTimestamp: stamp,
      count: 1,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    const result = this.#correlator.correlate(event, now, () => this.#name(ref.name ?? ''));
    if (result.action === 'skip') return;
    try {
      const written = result.action === 'update' ? this.#bump(client, result.event) : this.#create(client, result.event);
      if (written) this.#correlator.recordWritten(written);
    } catch (error) {
      this.#report(error);
    }
  }

  #create(client: InProcessClient, event: CorrelatedEvent): CorrelatedEvent | undefined {
    // Go's field order, as `kubectl get events -o json` shows it.
    const body: KubeObject = {
      kind: 'Event',
      apiVersion: 'v1',
      metadata: { name: event.metadata.name, namespace: event.metadata.namespace },
      involvedObject: { ...event.involvedObject },
      reason: event.reason,
      message: event.message,
      source: { ...event.source },
      firstTimestamp: event.firstTimestamp,
      lastTimestamp: event.lastTimestamp,
      count: event.count,
      type: event.type,
      eventTime: null,
      reportingComponent: event.reportingComponent ?? '',
      reportingInstance: event.reportingInstance ?? '',
    };
    try {
      return client.create(eventKind, body) as unknown as CorrelatedEvent;
    } catch (error) {
      // Upstream drops an event whose name is taken rather than retrying it.
      if (error instanceof ApiError && error.reason === 'AlreadyExists') return undefined;
      throw error;
    }
  }

  // Upstream patches count, lastTimestamp and message; a vanished event is created again.
  #bump(client: InProcessClient, event: CorrelatedEvent): CorrelatedEvent | undefined {
    const current = client.get(eventKind, event.metadata.namespace, event.metadata.name);
    if (!current) {
      this.#correlator.forget(event);
      return this.#create(client, event);
    }
    const next = cloneJson(current) as KubeObject;
    next.count = event.count;
    next.lastTimestamp = event.lastTimestamp;
    next.message = event.message;
    return client.update(eventKind, next) as unknown as CorrelatedEvent;
  }

  #recordV1(
    client: InProcessClient,
    controller: string,
    instance: string,
    regardingSubject: EventSubject,
    relatedSubject: EventSubject | undefined,
    type: EventType,
    reason: string,
    action: string,
    note: string,
  ): void {
    const now = this.clock.now();
    const regarding = referenceOf(regardingSubject);
    const related = relatedSubject ? referenceOf(relatedSubject) : undefined;
    const key = seriesKey([controller, instance, ...referenceParts(regarding), ...(related ? referenceParts(related) : []), type, reason, action, note]);
    try {
      const previous = this.#series.get(key, now);
      if (previous) {
        const current = client.get(eventKind, regarding.namespace || 'default', previous.name);
        if (current && continues(current, regarding, related, reason, action, note)) {
          previous.count += 1;
          previous.at = now;
          const next = cloneJson(current) as KubeObject;
          next.series = { count: previous.count, lastObservedTime: microTime(now) };
          client.update(eventKind, next);
          return;
        }
      }
      const name = this.#name(regarding.name ?? '');
      const body: KubeObject = {
        kind: 'Event',
        apiVersion: 'v1',
        metadata: { name, namespace: regarding.namespace || 'default' },
        involvedObject: regarding,
        reason,
        message: note,
        source: {},
        firstTimestamp: null,
        lastTimestamp: null,
        type,
        eventTime: microTime(now),
        action,
        ...(related ? { related } : {}),
        reportingComponent: controller,
        reportingInstance: instance,
      };
      client.create(eventKind, body);
      this.#series.start(key, name, now);
    } catch (error) {
      this.#report(error);
    }
  }

  #report(error: unknown): void {
    // Events into a namespace being deleted are refused (NamespaceLifecycle); upstream drops them too.
    if (error instanceof ApiError && (error.reason === 'Forbidden' || error.reason === 'NotFound')) return;
    this.options.onError?.(error);
  }
}

/** metav1.MicroTime as JSON: RFC 3339 with six fractional digits. */
function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** The fields of an object reference, in a fixed order (a key must not depend on how it was built). */
function referenceParts(ref: ObjectReference): string[] {
  return [ref.kind ?? '', ref.namespace ?? '', ref.name ?? '', ref.uid ?? '', ref.apiVersion ?? '', ref.resourceVersion ?? '', ref.fieldPath ?? ''];
}

/** Whether a stored event is the one a series key named (and not another whose key hashed alike). */
function continues(stored: Readonly<KubeObject>, regarding: ObjectReference, related: ObjectReference | undefined, reason: string, action: string, note: string): boolean {
  const event = stored as { involvedObject?: ObjectReference; related?: ObjectReference; reason?: string; action?: string; message?: string };
  return event.involvedObject?.uid === regarding.uid && event.involvedObject?.name === regarding.name && event.related?.uid === related?.uid && event.reason === reason && event.action === action && event.message === note;
}
