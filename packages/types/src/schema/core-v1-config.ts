import { bool, bytes, coreV1, field, list, map, metaV1, object, ref, str } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** core/v1 ConfigMap, Secret, ServiceAccount and the object references they share. */
export const coreV1ConfigSchemas: readonly ObjectDefinition[] = [
  object(coreV1('ConfigMap'), 'ConfigMap holds configuration data for pods to consume.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    binaryData: field(map(bytes), 'BinaryData contains the binary data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. BinaryData can contain byte sequences that are not in the UTF-8 range.'),
    data: field(map(str), 'Data contains the configuration data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. Values with non-UTF-8 byte sequences must use the BinaryData field.'),
    immutable: field(bool, 'Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified). If not set to true, the field can be modified at any time. Defaulted to nil.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
  }, { gvk: { group: '', version: 'v1', kind: 'ConfigMap' } }),
  object(coreV1('ConfigMapList'), 'ConfigMapList is a resource containing a list of ConfigMap objects.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(coreV1('ConfigMap'))), 'Items is the list of ConfigMaps.', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
  }, { gvk: { group: '', version: 'v1', kind: 'ConfigMapList' } }),
  object(coreV1('LocalObjectReference'), 'LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.', {
    name: field(str, 'Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong.'),
  }, { mapType: 'atomic' }),
  object(coreV1('ObjectReference'), 'ObjectReference contains enough information to let you inspect or modify the referred object.', {
    apiVersion: field(str, 'API version of the referent.'),
    fieldPath: field(str, 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].'),
    kind: field(str, 'Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
    name: field(str, 'Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
    namespace: field(str, 'Namespace of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'),
    resourceVersion: field(str, 'Specific resourceVersion to which this reference is made, if any. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency'),
    uid: field(str, 'UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#uids'),
  }, { mapType: 'atomic' }),
  object(coreV1('Secret'), 'Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    data: field(map(bytes), 'Data contains the secret data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here.'),
    immutable: field(bool, 'Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified). If not set to true, the field can be modified at any time. Defaulted to nil.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
    stringData: field(map(str), 'stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience. All keys and values are merged into the data field on write, overwriting any existing values.'),
    type: field(str, 'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types'),
  }, { gvk: { group: '', version: 'v1', kind: 'Secret' } }),
  object(coreV1('SecretList'), 'SecretList is a list of Secret.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(coreV1('Secret'))), 'Items is a list of secret objects. More info: https://kubernetes.io/docs/concepts/configuration/secret', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
  }, { gvk: { group: '', version: 'v1', kind: 'SecretList' } }),
  object(coreV1('ServiceAccount'), 'ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and authorized * a set of secrets', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    automountServiceAccountToken: field(bool, 'AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted. Can be overridden at the pod level.'),
    imagePullSecrets: field(list(ref(coreV1('LocalObjectReference')), { listType: 'atomic' }), 'ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
    secrets: field(list(ref(coreV1('ObjectReference')), { listType: 'map', listMapKeys: ['name'], patchStrategy: 'merge', patchMergeKey: 'name' }), 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'),
  }, { gvk: { group: '', version: 'v1', kind: 'ServiceAccount' } }),
  object(coreV1('ServiceAccountList'), 'ServiceAccountList is a list of ServiceAccount objects', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(coreV1('ServiceAccount'))), 'List of ServiceAccounts. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
  }, { gvk: { group: '', version: 'v1', kind: 'ServiceAccountList' } }),
];
