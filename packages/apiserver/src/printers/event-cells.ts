import type { Event, ObjectReference } from '@minik/types';
import { ageOf } from './human-duration.js';

/*
 * Event cells as upstream's printEvent. core/v1 and events.k8s.io/v1 Events are one internal type
 * upstream; the latter is mapped onto the former's field names first (the conversion in
 * pkg/apis/events/v1: regarding → involvedObject, note → message, deprecated* → the old fields).
 */

/** The fields of an events.k8s.io/v1 Event that differ from core/v1. */
interface EventsV1Fields {
  regarding?: ObjectReference;
  note?: string;
  reportingController?: string;
  deprecatedSource?: Event['source'];
  deprecatedFirstTimestamp?: string;
  deprecatedLastTimestamp?: string;
  deprecatedCount?: number;
}

/** The fields printEvent reads, named as the internal type names them. */
interface PrintedEvent {
  name: string;
  creationTimestamp: string | undefined;
  involvedObject: ObjectReference | undefined;
  type: string;
  reason: string;
  message: string;
  source: Event['source'];
  reportingController: string;
  reportingInstance: string;
  firstTimestamp: string | undefined;
  lastTimestamp: string | undefined;
  eventTime: string | undefined;
  count: number;
  series: Event['series'];
}

function isEventsV1(event: Event & EventsV1Fields): boolean {
  if (event.apiVersion !== undefined) return (event.apiVersion as string).startsWith('events.k8s.io/');
  return event.regarding !== undefined || event.note !== undefined || event.reportingController !== undefined;
}

function normalize(event: Event & EventsV1Fields): PrintedEvent {
  const v1 = isEventsV1(event);
  return {
    name: event.metadata?.name ?? '',
    creationTimestamp: event.metadata?.creationTimestamp,
    involvedObject: v1 ? event.regarding : event.involvedObject,
    type: event.type ?? '',
    reason: event.reason ?? '',
    message: (v1 ? event.note : event.message) ?? '',
    source: v1 ? event.deprecatedSource : event.source,
    // core/v1 calls the reporting controller `reportingComponent`.
    reportingController: (v1 ? event.reportingController : event.reportingComponent) ?? '',
    reportingInstance: event.reportingInstance ?? '',
    firstTimestamp: v1 ? event.deprecatedFirstTimestamp : event.firstTimestamp,
    lastTimestamp: v1 ? event.deprecatedLastTimestamp : event.lastTimestamp,
    eventTime: event.eventTime ?? undefined,
    count: (v1 ? event.deprecatedCount : event.count) ?? 0,
    series: event.series,
  };
}

function isZero(timestamp: string | null | undefined): boolean {
  return timestamp === undefined || timestamp === null || timestamp === '';
}

/** `component, host`, each falling back to the reporting controller and instance. */
function formatSource(event: PrintedEvent): string {
  const component = event.source?.component || event.reportingController;
  const instance = event.source?.host || event.reportingInstance;
  return instance === '' ? component : `${component}, ${instance}`;
}

/**
 * All cells of an event row: Last Seen, Type, Reason, Object, Subobject, Source, Message,
 * First Seen, Count, Name.
 */
export function eventCells(event: Event, now: number): unknown[] {
  const e = normalize(event);

  const firstSeen = isZero(e.firstTimestamp) ? ageOf(e.eventTime, now) : ageOf(e.firstTimestamp, now);
  let lastSeen = isZero(e.lastTimestamp) ? firstSeen : ageOf(e.lastTimestamp, now);
  let count = e.count;
  if (e.series !== undefined && e.series !== null) {
    lastSeen = ageOf(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events of the new API carry no count.
    count = 1;
  }

  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  const objectName = e.involvedObject?.name ?? '';
  const target = objectName.length > 0 ? `${kind}/${objectName}` : kind;

  return [
    lastSeen,
    e.type,
    e.reason,
    target,
    e.involvedObject?.fieldPath ?? '',
    formatSource(e),
    e.message.trim(),
    firstSeen,
    count,
    e.name,
  ];
}
