import { autoscalingV1, field, int32, metaV1, object, ref, str } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** autoscaling/v1: Scale, the body of the deployments/scale and replicasets/scale subresources. */
export const autoscalingV1Schemas: readonly ObjectDefinition[] = [
  object(autoscalingV1('Scale'), 'Scale represents a scaling request for a resource.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object metadata; More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata.'),
    spec: field(ref(autoscalingV1('ScaleSpec')), 'spec defines the behavior of the scale. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status.'),
    status: field(ref(autoscalingV1('ScaleStatus')), 'status is the current status of the scale. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status. Read-only.'),
  }, { gvk: { group: 'autoscaling', version: 'v1', kind: 'Scale' } }),
  object(autoscalingV1('ScaleSpec'), 'ScaleSpec describes the attributes of a scale subresource.', {
    replicas: field(int32, 'replicas is the desired number of instances for the scaled object.'),
  }),
  object(autoscalingV1('ScaleStatus'), 'ScaleStatus represents the current status of a scale subresource.', {
    replicas: field(int32, 'replicas is the actual number of observed instances of the scaled object.', { required: true }),
    selector: field(str, 'selector is the label query over pods that should match the replicas count. This is same as the label selector but in the string format to avoid introspection by clients. The string will be in the same format as the query-param syntax.'),
  }),
];
