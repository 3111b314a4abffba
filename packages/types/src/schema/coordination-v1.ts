import { coordinationV1, field, int32, list, metaV1, microTime, object, ref, str } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** coordination.k8s.io/v1: Lease (node heartbeats, leader election). */
export const coordinationV1Schemas: readonly ObjectDefinition[] = [
  object(coordinationV1('Lease'), 'Lease defines a lease concept.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
    spec: field(ref(coordinationV1('LeaseSpec')), 'spec contains the specification of the Lease. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
  }, { gvk: { group: 'coordination.k8s.io', version: 'v1', kind: 'Lease' } }),
  object(coordinationV1('LeaseList'), 'LeaseList is a list of Lease objects.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(coordinationV1('Lease'))), 'items is a list of schema objects.', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
  }, { gvk: { group: 'coordination.k8s.io', version: 'v1', kind: 'LeaseList' } }),
  object(coordinationV1('LeaseSpec'), 'LeaseSpec is a specification of a Lease.', {
    acquireTime: field(microTime, 'acquireTime is a time when the current lease was acquired.'),
    holderIdentity: field(str, 'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.'),
    leaseDurationSeconds: field(int32, 'leaseDurationSeconds is a duration that candidates for a lease need to wait to force acquire it. This is measured against the time of last observed renewTime.'),
    leaseTransitions: field(int32, 'leaseTransitions is the number of transitions of a lease between holders.'),
    preferredHolder: field(str, 'PreferredHolder signals to a lease holder that the lease has a more optimal holder and should be given up. This field can only be set if Strategy is also set.'),
    renewTime: field(microTime, 'renewTime is a time when the current holder of a lease has last updated the lease.'),
    strategy: field(str, 'Strategy indicates the strategy for picking the leader for coordinated leader election. If the field is not specified, there is no active coordination for this lease.'),
  }),
];
