import { anyValue, bool, field, int32, int64, list, map, metaV1, object, ref, str, time } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** meta/v1 (k8s.io/apimachinery): object and list metadata, Status, DeleteOptions, selectors and the watch event envelope. */
export const metaV1Schemas: readonly ObjectDefinition[] = [
  object(metaV1('APIResource'), 'APIResource specifies the name of a resource and whether it is namespaced.', {
    categories: field(list(str, { listType: 'atomic' }), 'categories is a list of the grouped resources this resource belongs to (e.g. \'all\')'),
    group: field(str, 'group is the preferred group of the resource. Empty implies the group of the containing resource list. For subresources, this may have a different value, for example: Scale".'),
    kind: field(str, 'kind is the kind for the resource (e.g. \'Foo\' is the kind for a resource \'foo\')', { required: true }),
    name: field(str, 'name is the plural name of the resource.', { required: true }),
    namespaced: field(bool, 'namespaced indicates if a resource is namespaced or not.', { required: true }),
    shortNames: field(list(str, { listType: 'atomic' }), 'shortNames is a list of suggested short names of the resource.'),
    singularName: field(str, 'singularName is the singular name of the resource. This allows clients to handle plural and singular opaquely.', { required: true }),
    storageVersionHash: field(str, 'The hash value of the storage version, the version this resource is converted to when written to the data store. Value must be treated as opaque by clients. Only equality comparison on the value is valid.'),
    verbs: field(list(str), 'verbs is a list of supported kube verbs (this includes get, list, watch, create, update, patch, delete, deletecollection, and proxy)', { required: true }),
    version: field(str, 'version is the preferred version of the resource. Empty implies the version of the containing resource list For subresources, this may have a different value, for example: v1 (while inside a v1beta1 version of the core resource\'s group)".'),
  }),
  object(metaV1('APIResourceList'), 'APIResourceList is a list of APIResource, it is used to expose the name of the resources supported in a specific group and version, and if the resource is namespaced.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    groupVersion: field(str, 'groupVersion is the group and version this APIResourceList is for.', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    resources: field(list(ref(metaV1('APIResource')), { listType: 'atomic' }), 'resources contains the name of the resources and if they are namespaced.', { required: true }),
  }),
  object(metaV1('Condition'), 'Condition contains details for one aspect of the current state of this API Resource.', {
    lastTransitionTime: field(time, 'lastTransitionTime is the last time the condition transitioned from one status to another. This should be when the underlying condition changed. If that is not known, then using the time when the API field changed is acceptable.', { required: true }),
    message: field(str, 'message is a human readable message indicating details about the transition. This may be an empty string.', { required: true }),
    observedGeneration: field(int64, 'observedGeneration represents the .metadata.generation that the condition was set based upon.'),
    reason: field(str, 'reason contains a programmatic identifier indicating the reason for the condition\'s last transition.', { required: true }),
    status: field(str, 'status of the condition, one of True, False, Unknown.', { required: true }),
    type: field(str, 'type of condition in CamelCase or in foo.example.com/CamelCase.', { required: true }),
  }),
  object(metaV1('DeleteOptions'), 'DeleteOptions may be provided when deleting an API object.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    dryRun: field(list(str, { listType: 'atomic' }), 'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request.'),
    gracePeriodSeconds: field(int64, 'The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately. If this value is nil, the default grace period for the specified type will be used.'),
    ignoreStoreReadErrorWithClusterBreakingPotential: field(bool, 'if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    orphanDependents: field(bool, 'Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7. Should the dependent objects be orphaned. If true/false, the "orphan" finalizer will be added to/removed from the object\'s finalizers list.'),
    preconditions: field(ref(metaV1('Preconditions')), 'Must be fulfilled before a deletion is carried out. If not possible, a 409 Conflict status will be returned.'),
    propagationPolicy: field(str, 'Whether and how garbage collection will be performed. Either this field or OrphanDependents may be set, but not both.'),
  }),
  object(metaV1('LabelSelector'), 'A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty label selector matches all objects. A null label selector matches no objects.', {
    matchExpressions: field(list(ref(metaV1('LabelSelectorRequirement')), { listType: 'atomic' }), 'matchExpressions is a list of label selector requirements. The requirements are ANDed.'),
    matchLabels: field(map(str), 'matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to an element of matchExpressions, whose key field is "key", the operator is "In", and the values array contains only "value".'),
  }, { mapType: 'atomic' }),
  object(metaV1('LabelSelectorRequirement'), 'A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.', {
    key: field(str, 'key is the label key that the selector applies to.', { required: true }),
    operator: field(str, 'operator represents a key\'s relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist.', { required: true }),
    values: field(list(str, { listType: 'atomic' }), 'values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch.'),
  }),
  object(metaV1('FieldSelectorRequirement'), 'FieldSelectorRequirement is a selector that contains values, a key, and an operator that relates the key and values.', {
    key: field(str, 'key is the field selector key that the requirement applies to.', { required: true }),
    operator: field(str, "operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist.", { required: true }),
    values: field(list(str, { listType: 'atomic' }), 'values is an array of string values.'),
  }),
  object(metaV1('ListMeta'), 'ListMeta describes metadata that synthetic resources must have, including lists and various status objects. A resource may have only one of {ObjectMeta, ListMeta}.', {
    continue: field(str, 'continue may be set if the user set a limit on the number of items returned, and indicates that the server has more data available.'),
    remainingItemCount: field(int64, 'remainingItemCount is the number of subsequent items in the list which are not included in this list response.'),
    resourceVersion: field(str, 'String that identifies the server\'s internal version of this object that can be used by clients to determine when objects have changed. Value must be treated as opaque by clients and passed unmodified back to the server.'),
    selfLink: field(str, 'Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
  }),
  object(metaV1('ManagedFieldsEntry'), 'ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.', {
    apiVersion: field(str, 'APIVersion defines the version of this resource that this field set applies to. The format is "group/version" just like the top-level APIVersion field.'),
    fieldsType: field(str, 'FieldsType is the discriminator for the different fields format and version. There is currently only one possible value: "FieldsV1"'),
    fieldsV1: field(anyValue, 'FieldsV1 holds the first JSON version format as described in the "FieldsV1" type.'),
    manager: field(str, 'Manager is an identifier of the workflow managing these fields.'),
    operation: field(str, 'Operation is the type of operation which lead to this ManagedFieldsEntry being created. The only valid values for this field are \'Apply\' and \'Update\'.'),
    subresource: field(str, 'Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource. The value of this field is used to distinguish between managers, even if they share the same name.'),
    time: field(time, 'Time is the timestamp of when the ManagedFields entry was added. The timestamp will also be updated if a field is added, the manager changes any of the owned fields value or removes a field.'),
  }),
  object(metaV1('ObjectMeta'), 'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.', {
    annotations: field(map(str), 'Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects.'),
    creationTimestamp: field(time, 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value.'),
    deletionGracePeriodSeconds: field(int64, 'Number of seconds allowed for this object to gracefully terminate before it will be removed from the system. Only set when deletionTimestamp is also set. May only be shortened. Read-only.'),
    deletionTimestamp: field(time, 'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. This field is set by the server when a graceful deletion is requested by the user, and is not directly settable by a client.'),
    finalizers: field(list(str, { listType: 'set', patchStrategy: 'merge' }), 'Must be empty before the object is deleted from the registry. Each entry is an identifier for the responsible component that will remove the entry from the list.'),
    generateName: field(str, 'GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided. If this field is used, the name returned to the client will be different than the name passed.'),
    generation: field(int64, 'A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.'),
    labels: field(map(str), 'Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services.'),
    managedFields: field(list(ref(metaV1('ManagedFieldsEntry')), { listType: 'atomic' }), 'ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow. This is mostly for internal housekeeping, and users typically shouldn\'t need to set or understand this field.'),
    name: field(str, 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically.'),
    namespace: field(str, 'Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "default" namespace, but "default" is the canonical representation.'),
    ownerReferences: field(list(ref(metaV1('OwnerReference')), { listType: 'map', listMapKeys: ['uid'], patchStrategy: 'merge', patchMergeKey: 'uid' }), 'List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected.'),
    resourceVersion: field(str, 'An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed.'),
    selfLink: field(str, 'Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
    uid: field(str, 'UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations. Populated by the system. Read-only.'),
  }),
  object(metaV1('OwnerReference'), 'OwnerReference contains enough information to let you identify an owning object. An owning object must be in the same namespace as the dependent, or be cluster-scoped, so there is no namespace field.', {
    apiVersion: field(str, 'API version of the referent.', { required: true }),
    blockOwnerDeletion: field(bool, 'If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed.'),
    controller: field(bool, 'If true, this reference points to the managing controller.'),
    kind: field(str, 'Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds', { required: true }),
    name: field(str, 'Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names', { required: true }),
    uid: field(str, 'UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids', { required: true }),
  }, { mapType: 'atomic' }),
  object(metaV1('Preconditions'), 'Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.', {
    resourceVersion: field(str, 'Specifies the target ResourceVersion'),
    uid: field(str, 'Specifies the target UID.'),
  }),
  object(metaV1('Status'), 'Status is a return value for calls that don\'t return other objects.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    code: field(int32, 'Suggested HTTP return code for this status, 0 if not set.'),
    details: field(ref(metaV1('StatusDetails')), 'Extended data associated with the reason. Each reason may define its own extended details. This field is optional and the data returned is not guaranteed to conform to any schema except that defined by the reason type.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    message: field(str, 'A human-readable description of the status of this operation.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
    reason: field(str, 'A machine-readable description of why this operation is in the "Failure" status. If this value is empty there is no information available. A Reason clarifies an HTTP status code but does not override it.'),
    status: field(str, 'Status of the operation. One of: "Success" or "Failure". More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
  }, { gvk: { group: '', version: 'v1', kind: 'Status' } }),
  object(metaV1('StatusCause'), 'StatusCause provides more information about an api.Status failure, including cases when multiple errors are encountered.', {
    field: field(str, 'The field of the resource that has caused this error, as named by its JSON serialization. May include dot and postfix notation for nested attributes. Arrays are zero-indexed.'),
    message: field(str, 'A human-readable description of the cause of the error. This field may be presented as-is to a reader.'),
    reason: field(str, 'A machine-readable description of the cause of the error. If this value is empty there is no information available.'),
  }),
  object(metaV1('StatusDetails'), 'StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response. The Reason field of a Status object defines what attributes will be set.', {
    causes: field(list(ref(metaV1('StatusCause')), { listType: 'atomic' }), 'The Causes array includes more details associated with the StatusReason failure. Not all StatusReasons may provide detailed causes.'),
    group: field(str, 'The group attribute of the resource associated with the status StatusReason.'),
    kind: field(str, 'The kind attribute of the resource associated with the status StatusReason. On some operations may differ from the requested resource Kind.'),
    name: field(str, 'The name attribute of the resource associated with the status StatusReason (when there is a single name which can be described).'),
    retryAfterSeconds: field(int32, 'If specified, the time in seconds before the operation should be retried. Some errors may indicate the client must take an alternate action - for those errors this field may indicate how long to wait before taking the alternate action.'),
    uid: field(str, 'UID of the resource. (when there is a single resource which can be described). More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids'),
  }),
  object(metaV1('WatchEvent'), 'Event represents a single event to a watched resource.', {
    object: field(anyValue, 'Object is: * If Type is Added or Modified: the new state of the object. * If Type is Deleted: the state of the object immediately before deletion. * If Type is Error: *Status is recommended; other types may make sense depending on context.', { required: true }),
    type: field(str, undefined, { required: true }),
  }),
];
