import type { KubeObject } from '@minik/types';
import type { ResourceAlias } from '../store/converting-store.js';

/*
 * core/v1 and events.k8s.io/v1 Events are one internal type and one etcd prefix upstream; each API
 * reads and writes it through a conversion (pkg/apis/events/v1/conversion.go):
 *   regarding ↔ involvedObject, note ↔ message, reportingController ↔ reportingComponent,
 *   deprecatedSource ↔ source, deprecatedFirstTimestamp ↔ firstTimestamp,
 *   deprecatedLastTimestamp ↔ lastTimestamp, deprecatedCount ↔ count;
 *   eventTime, series, action, reason, type, related and reportingInstance keep their names.
 * Each direction renders its result as Go's encoder prints the target struct, so a converted
 * event reads exactly as it would from a real server: omitempty strings and counts vanish when
 * empty, the non-pointer structs (involvedObject/regarding, source/deprecatedSource) are `{}` at
 * least, zero timestamps print as `null`, and core/v1 always carries reportingComponent and
 * reportingInstance.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/staging/src/k8s.io/api/events/v1/types.go
 */

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);
/** A non-pointer struct field: absent reads as its zero value, `{}`. */
const struct = (value: unknown): JsonObject => (isObject(value) ? value : {});
/** A metav1.Time / MicroTime: the zero time prints as `null`. */
const time = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const int = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** Sets an `omitempty` string field: left out when empty. */
function putText(out: JsonObject, key: string, value: unknown): void {
  if (typeof value === 'string' && value !== '') out[key] = value;
}

/** Sets an `omitempty` int32 field: left out when zero. */
function putInt(out: JsonObject, key: string, value: unknown): void {
  if (typeof value === 'number' && value !== 0) out[key] = value;
}

/** Sets an optional pointer field (series, related): left out when nil. */
function putPointer(out: JsonObject, key: string, value: unknown): void {
  if (isObject(value)) out[key] = value;
}

/**
 * A core/v1 Event as events.k8s.io/v1 shows it (Convert_core_Event_To_v1_Event). Metadata is
 * passed through untouched; only apiVersion and kind change.
 */
export function coreEventToEventsV1(event: Readonly<KubeObject>): KubeObject {
  const out: KubeObject = { kind: 'Event', apiVersion: 'events.k8s.io/v1', metadata: event.metadata };
  // Field order of the events.k8s.io/v1 struct, as Go serialises it.
  out.eventTime = time(event.eventTime);
  if (isObject(event.series)) {
    // events.k8s.io/v1 EventSeries has no omitempty: count and lastObservedTime always print.
    out.series = { count: int(event.series.count), lastObservedTime: time(event.series.lastObservedTime) };
  }
  putText(out, 'reportingController', event.reportingComponent);
  putText(out, 'reportingInstance', event.reportingInstance);
  putText(out, 'action', event.action);
  putText(out, 'reason', event.reason);
  out.regarding = struct(event.involvedObject);
  putPointer(out, 'related', event.related);
  putText(out, 'note', event.message);
  putText(out, 'type', event.type);
  out.deprecatedSource = struct(event.source);
  out.deprecatedFirstTimestamp = time(event.firstTimestamp);
  out.deprecatedLastTimestamp = time(event.lastTimestamp);
  putInt(out, 'deprecatedCount', event.count);
  return out;
}

/**
 * An events.k8s.io/v1 Event as core/v1 stores and shows it (Convert_v1_Event_To_core_Event).
 * Metadata is passed through untouched; only apiVersion and kind change.
 */
export function eventsV1EventToCore(event: Readonly<KubeObject>): KubeObject {
  const out: KubeObject = { kind: 'Event', apiVersion: 'v1', metadata: event.metadata };
  // Field order of the core/v1 struct, as Go serialises it.
  out.involvedObject = struct(event.regarding);
  putText(out, 'reason', event.reason);
  putText(out, 'message', event.note);
  out.source = struct(event.deprecatedSource);
  out.firstTimestamp = time(event.deprecatedFirstTimestamp);
  out.lastTimestamp = time(event.deprecatedLastTimestamp);
  putInt(out, 'count', event.deprecatedCount);
  putText(out, 'type', event.type);
  out.eventTime = time(event.eventTime);
  if (isObject(event.series)) {
    // core/v1 EventSeries: count is omitempty, a zero lastObservedTime prints as null.
    const series: JsonObject = {};
    putInt(series, 'count', event.series.count);
    series.lastObservedTime = time(event.series.lastObservedTime);
    out.series = series;
  }
  putText(out, 'action', event.action);
  putPointer(out, 'related', event.related);
  // No omitempty on these two in core/v1: they print as "" when unset.
  out.reportingComponent = text(event.reportingController);
  out.reportingInstance = text(event.reportingInstance);
  return out;
}

/** events.k8s.io/v1 Events, kept in the store as core/v1 Events, as upstream keeps one storage for both. */
export const eventsV1EventAlias: ResourceAlias = {
  alias: { group: 'events.k8s.io', plural: 'events' },
  storage: { group: '', plural: 'events' },
  toStorage: eventsV1EventToCore,
  fromStorage: coreEventToEventsV1,
};
