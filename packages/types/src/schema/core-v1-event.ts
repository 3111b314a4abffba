import { coreV1, field, int32, list, metaV1, microTime, object, ref, str, time } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** core/v1 Event. */
export const coreV1EventSchemas: readonly ObjectDefinition[] = [
  object(coreV1('Event'), 'Event is a report of an event somewhere in the cluster. Events have a limited retention time and triggers and messages may evolve with time.', {
    action: field(str, 'What action was taken/failed regarding to the Regarding object.'),
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    count: field(int32, 'The number of times this event has occurred.'),
    eventTime: field(microTime, 'Time when this Event was first observed.'),
    firstTimestamp: field(time, 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
    involvedObject: field(ref(coreV1('ObjectReference')), 'The object that this event is about.', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    lastTimestamp: field(time, 'The time at which the most recent occurrence of this event was recorded.'),
    message: field(str, 'A human-readable description of the status of this operation.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata', { required: true }),
    reason: field(str, 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.'),
    related: field(ref(coreV1('ObjectReference')), 'Optional secondary object for more complex actions.'),
    reportingComponent: field(str, 'Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.'),
    reportingInstance: field(str, 'ID of the controller instance, e.g. `kubelet-xyzf`.'),
    series: field(ref(coreV1('EventSeries')), 'Data about the Event series this event represents or nil if it\'s a singleton Event.'),
    source: field(ref(coreV1('EventSource')), 'The component reporting this event. Should be a short machine understandable string.'),
    type: field(str, 'Type of this event (Normal, Warning), new types could be added in the future'),
  }, { gvk: { group: '', version: 'v1', kind: 'Event' } }),
  object(coreV1('EventList'), 'EventList is a list of events.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(coreV1('Event'))), 'List of events', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
  }, { gvk: { group: '', version: 'v1', kind: 'EventList' } }),
  object(coreV1('EventSeries'), 'EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time.', {
    count: field(int32, 'Number of occurrences in this series up to the last heartbeat time'),
    lastObservedTime: field(microTime, 'Time of the last occurrence observed'),
  }),
  object(coreV1('EventSource'), 'EventSource contains information for an event.', {
    component: field(str, 'Component from which the event is generated.'),
    host: field(str, 'Node name on which the event is generated.'),
  }),
];
