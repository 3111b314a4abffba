import { field, metaV1, object, policyV1, ref, str } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** policy/v1: Eviction, the body of the pods/eviction subresource. */
export const policyV1Schemas: readonly ObjectDefinition[] = [
  object(policyV1('Eviction'), 'Eviction evicts a pod from its node subject to certain policies and safety constraints. This is a subresource of Pod. A request to cause such an eviction is created by POSTing to .../pods/<pod name>/evictions.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    deleteOptions: field(ref(metaV1('DeleteOptions')), 'DeleteOptions may be provided'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'ObjectMeta describes the pod that is being evicted.'),
  }, { gvk: { group: 'policy', version: 'v1', kind: 'Eviction' } }),
];
