import { coreV1, eventsV1, field, int32, list, metaV1, microTime, object, ref, str, time } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** events.k8s.io/v1: Event. */
export const eventsV1Schemas: readonly ObjectDefinition[] = [
  object(eventsV1('Event'), 'Event is a report of an event somewhere in the cluster. It generally denotes some state change in the system. Events have a limited retention time and triggers and messages may evolve with time.', {
    action: field(str, 'action is what action was taken/failed regarding to the regarding object. It is machine-readable. This field cannot be empty for new Events and it can have at most 128 characters.'),
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    deprecatedCount: field(int32, 'deprecatedCount is the deprecated field assuring backward compatibility with core.v1 Event type.'),
    deprecatedFirstTimestamp: field(time, 'deprecatedFirstTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type.'),
    deprecatedLastTimestamp: field(time, 'deprecatedLastTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type.'),
    deprecatedSource: field(ref(coreV1('EventSource')), 'deprecatedSource is the deprecated field assuring backward compatibility with core.v1 Event type.'),
    eventTime: field(microTime, 'eventTime is the time when this Event was first observed. It is required.', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
    note: field(str, 'note is a human-readable description of the status of this operation. Maximal length of the note is 1kB, but libraries should be prepared to handle values up to 64kB.'),
    reason: field(str, 'reason is why the action was taken. It is human-readable. This field cannot be empty for new Events and it can have at most 128 characters.'),
    regarding: field(ref(coreV1('ObjectReference')), 'regarding contains the object this Event is about. In most cases it\'s an Object reporting controller implements, e.g.'),
    related: field(ref(coreV1('ObjectReference')), 'related is the optional secondary object for more complex actions. E.g. when regarding object triggers a creation or deletion of related object.'),
    reportingController: field(str, 'reportingController is the name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`. This field cannot be empty for new Events.'),
    reportingInstance: field(str, 'reportingInstance is the ID of the controller instance, e.g. `kubelet-xyzf`. This field cannot be empty for new Events and it can have at most 128 characters.'),
    series: field(ref(eventsV1('EventSeries')), 'series is data about the Event series this event represents or nil if it\'s a singleton Event.'),
    type: field(str, 'type is the type of this event (Normal, Warning), new types could be added in the future. It is machine-readable. This field cannot be empty for new Events.'),
  }, { gvk: { group: 'events.k8s.io', version: 'v1', kind: 'Event' } }),
  object(eventsV1('EventList'), 'EventList is a list of Event objects.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(eventsV1('Event'))), 'items is a list of schema objects.', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
  }, { gvk: { group: 'events.k8s.io', version: 'v1', kind: 'EventList' } }),
  object(eventsV1('EventSeries'), 'EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time. How often to update the EventSeries is up to the event reporters.', {
    count: field(int32, 'count is the number of occurrences in this series up to the last heartbeat time.', { required: true }),
    lastObservedTime: field(microTime, 'lastObservedTime is the time when last Event from the series was seen before last heartbeat.', { required: true }),
  }),
];
