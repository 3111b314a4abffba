import { coreV1, field, list, metaV1, object, ref, str, time } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** core/v1 Namespace. */
export const coreV1NamespaceSchemas: readonly ObjectDefinition[] = [
  object(coreV1('Namespace'), 'Namespace provides a scope for Names. Use of multiple namespaces is optional.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
    spec: field(ref(coreV1('NamespaceSpec')), 'Spec defines the behavior of the Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
    status: field(ref(coreV1('NamespaceStatus')), 'Status describes the current status of a Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
  }, { gvk: { group: '', version: 'v1', kind: 'Namespace' } }),
  object(coreV1('NamespaceCondition'), 'NamespaceCondition contains details about state of namespace.', {
    lastTransitionTime: field(time, 'Last time the condition transitioned from one status to another.'),
    message: field(str, 'Human-readable message indicating details about last transition.'),
    reason: field(str, 'Unique, one-word, CamelCase reason for the condition\'s last transition.'),
    status: field(str, 'Status of the condition, one of True, False, Unknown.', { required: true }),
    type: field(str, 'Type of namespace controller condition.', { required: true }),
  }),
  object(coreV1('NamespaceList'), 'NamespaceList is a list of Namespaces.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(coreV1('Namespace'))), 'Items is the list of Namespace objects in the list. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
  }, { gvk: { group: '', version: 'v1', kind: 'NamespaceList' } }),
  object(coreV1('NamespaceSpec'), 'NamespaceSpec describes the attributes on a Namespace.', {
    finalizers: field(list(str, { listType: 'atomic' }), 'Finalizers is an opaque list of values that must be empty to permanently remove object from storage. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/'),
  }),
  object(coreV1('NamespaceStatus'), 'NamespaceStatus is information about the current status of a Namespace.', {
    conditions: field(list(ref(coreV1('NamespaceCondition')), { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }), 'Represents the latest available observations of a namespace\'s current state.'),
    phase: field(str, 'Phase is the current lifecycle phase of the namespace. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/'),
  }),
];
