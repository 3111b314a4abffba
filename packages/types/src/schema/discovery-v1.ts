import { bool, coreV1, discoveryV1, field, int32, list, map, metaV1, object, ref, str } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** discovery.k8s.io/v1: EndpointSlice. */
export const discoveryV1Schemas: readonly ObjectDefinition[] = [
  object(discoveryV1('Endpoint'), 'Endpoint represents a single logical "backend" implementing a service.', {
    addresses: field(list(str, { listType: 'set' }), 'addresses of this endpoint. For EndpointSlices of addressType "IPv4" or "IPv6", the values are IP addresses in canonical form. The syntax and semantics of other addressType values are not defined.', { required: true }),
    conditions: field(ref(discoveryV1('EndpointConditions')), 'conditions contains information about the current status of the endpoint.'),
    deprecatedTopology: field(map(str), 'deprecatedTopology contains topology information part of the v1beta1 API. This field is deprecated, and will be removed when the v1beta1 API is removed (no sooner than kubernetes v1.24).'),
    hints: field(ref(discoveryV1('EndpointHints')), 'hints contains information associated with how an endpoint should be consumed.'),
    hostname: field(str, 'hostname of this endpoint. This field may be used by consumers of endpoints to distinguish endpoints from each other (e.g. in DNS names). Multiple endpoints which use the same hostname should be considered fungible (e.g.'),
    nodeName: field(str, 'nodeName represents the name of the Node hosting this endpoint. This can be used to determine endpoints local to a Node.'),
    targetRef: field(ref(coreV1('ObjectReference')), 'targetRef is a reference to a Kubernetes object that represents this endpoint.'),
    zone: field(str, 'zone is the name of the Zone this endpoint exists in.'),
  }),
  object(discoveryV1('EndpointConditions'), 'EndpointConditions represents the current condition of an endpoint.', {
    ready: field(bool, 'ready indicates that this endpoint is ready to receive traffic, according to whatever system is managing the endpoint. A nil value should be interpreted as "true".'),
    serving: field(bool, 'serving indicates that this endpoint is able to receive traffic, according to whatever system is managing the endpoint.'),
    terminating: field(bool, 'terminating indicates that this endpoint is terminating. A nil value should be interpreted as "false".'),
  }),
  object(discoveryV1('EndpointHints'), 'EndpointHints provides hints describing how an endpoint should be consumed.', {
    forNodes: field(list(ref(discoveryV1('ForNode')), { listType: 'atomic' }), 'forNodes indicates the node(s) this endpoint should be consumed by when using topology aware routing. May contain a maximum of 8 entries.'),
    forZones: field(list(ref(discoveryV1('ForZone')), { listType: 'atomic' }), 'forZones indicates the zone(s) this endpoint should be consumed by when using topology aware routing. May contain a maximum of 8 entries.'),
  }),
  object(discoveryV1('EndpointPort'), 'EndpointPort represents a Port used by an EndpointSlice', {
    appProtocol: field(str, 'The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax.'),
    name: field(str, 'name represents the name of this port. All ports in an EndpointSlice must have a unique name. If the EndpointSlice is derived from a Kubernetes service, this corresponds to the Service.ports[].name.'),
    port: field(int32, 'port represents the port number of the endpoint. If the EndpointSlice is derived from a Kubernetes service, this must be set to the service\'s target port. EndpointSlices used for other purposes may have a nil port.'),
    protocol: field(str, 'protocol represents the IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.'),
  }, { mapType: 'atomic' }),
  object(discoveryV1('EndpointSlice'), 'EndpointSlice represents a set of service endpoints. Most EndpointSlices are created by the EndpointSlice controller to represent the Pods selected by Service objects.', {
    addressType: field(str, 'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation.', { required: true }),
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    endpoints: field(list(ref(discoveryV1('Endpoint')), { listType: 'atomic' }), 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata.'),
    ports: field(list(ref(discoveryV1('EndpointPort')), { listType: 'atomic' }), 'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. Each slice may include a maximum of 100 ports.'),
  }, { gvk: { group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice' } }),
  object(discoveryV1('EndpointSliceList'), 'EndpointSliceList represents a list of endpoint slices', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(discoveryV1('EndpointSlice'))), 'items is the list of endpoint slices', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata.'),
  }, { gvk: { group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSliceList' } }),
  object(discoveryV1('ForNode'), 'ForNode provides information about which nodes should consume this endpoint.', {
    name: field(str, 'name represents the name of the node.', { required: true }),
  }),
  object(discoveryV1('ForZone'), 'ForZone provides information about which zones should consume this endpoint.', {
    name: field(str, 'name represents the name of the zone.', { required: true }),
  }),
];
