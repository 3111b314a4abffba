import { bool, coreV1, field, int32, intOrString, list, map, metaV1, object, ref, str } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** core/v1 Service and Endpoints. */
export const coreV1ServiceSchemas: readonly ObjectDefinition[] = [
  object(coreV1('ClientIPConfig'), 'ClientIPConfig represents the configurations of Client IP based session affinity.', {
    timeoutSeconds: field(int32, 'timeoutSeconds specifies the seconds of ClientIP type session sticky time. The value must be >0 && <=86400(for 1 day) if ServiceAffinity == "ClientIP". Default value is 10800(for 3 hours).'),
  }),
  object(coreV1('EndpointAddress'), 'EndpointAddress is a tuple that describes single IP address. Deprecated: This API is deprecated in v1.33+.', {
    hostname: field(str, 'The Hostname of this endpoint'),
    ip: field(str, 'The IP of this endpoint. May not be loopback (127.0.0.0/8 or ::1), link-local (169.254.0.0/16 or fe80::/10), or link-local multicast (224.0.0.0/24 or ff02::/16).', { required: true }),
    nodeName: field(str, 'Optional: Node hosting this endpoint. This can be used to determine endpoints local to a node.'),
    targetRef: field(ref(coreV1('ObjectReference')), 'Reference to object providing the endpoint.'),
  }, { mapType: 'atomic' }),
  object(coreV1('EndpointPort'), 'EndpointPort is a tuple that describes a single port. Deprecated: This API is deprecated in v1.33+.', {
    appProtocol: field(str, 'The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax.'),
    name: field(str, 'The name of this port. This must match the \'name\' field in the corresponding ServicePort. Must be a DNS_LABEL. Optional only if one port is defined.'),
    port: field(int32, 'The port number of the endpoint.', { required: true }),
    protocol: field(str, 'The IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.'),
  }, { mapType: 'atomic' }),
  object(coreV1('Endpoints'), 'Endpoints is a collection of endpoints that implement the actual service.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
    subsets: field(list(ref(coreV1('EndpointSubset')), { listType: 'atomic' }), 'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share.'),
  }, { gvk: { group: '', version: 'v1', kind: 'Endpoints' } }),
  object(coreV1('EndpointsList'), 'EndpointsList is a list of endpoints. Deprecated: This API is deprecated in v1.33+.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(coreV1('Endpoints'))), 'List of endpoints.', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
  }, { gvk: { group: '', version: 'v1', kind: 'EndpointsList' } }),
  object(coreV1('EndpointSubset'), 'EndpointSubset is a group of addresses with a common set of ports. The expanded set of endpoints is the Cartesian product of Addresses x Ports.', {
    addresses: field(list(ref(coreV1('EndpointAddress')), { listType: 'atomic' }), 'IP addresses which offer the related ports that are marked as ready. These endpoints should be considered safe for load balancers and clients to utilize.'),
    notReadyAddresses: field(list(ref(coreV1('EndpointAddress')), { listType: 'atomic' }), 'IP addresses which offer the related ports but are not currently marked as ready because they have not yet finished starting, have recently failed a readiness check, or have recently failed a liveness check.'),
    ports: field(list(ref(coreV1('EndpointPort')), { listType: 'atomic' }), 'Port numbers available on the related IP addresses.'),
  }),
  object(coreV1('LoadBalancerIngress'), 'LoadBalancerIngress represents the status of a load-balancer ingress point: traffic intended for the service should be sent to an ingress point.', {
    hostname: field(str, 'Hostname is set for load-balancer ingress points that are DNS based (typically AWS load-balancers)'),
    ip: field(str, 'IP is set for load-balancer ingress points that are IP based (typically GCE or OpenStack load-balancers)'),
    ipMode: field(str, 'IPMode specifies how the load-balancer IP behaves, and may only be specified when the ip field is specified. Setting this to "VIP" indicates that traffic is delivered to the node with the destination set to the load-balancer\'s IP and port.'),
    ports: field(list(ref(coreV1('PortStatus')), { listType: 'atomic' }), 'Ports is a list of records of service ports If used, every port defined in the service should have an entry in it'),
  }),
  object(coreV1('LoadBalancerStatus'), 'LoadBalancerStatus represents the status of a load-balancer.', {
    ingress: field(list(ref(coreV1('LoadBalancerIngress')), { listType: 'atomic' }), 'Ingress is a list containing ingress points for the load-balancer. Traffic intended for the service should be sent to these ingress points.'),
  }),
  object(coreV1('PortStatus'), 'PortStatus represents the error condition of a service port', {
    error: field(str, 'Error is to record the problem with the service port The format of the error shall comply with the following rules: - built-in error values shall be specified in this file and those shall use CamelCase names - cloud provider specific error values must have names that comply with the format foo.example.com/CamelCase.'),
    port: field(int32, 'Port is the port number of the service port of which status is recorded here', { required: true }),
    protocol: field(str, 'Protocol is the protocol of the service port of which status is recorded here The supported values are: "TCP", "UDP", "SCTP"', { required: true }),
  }),
  object(coreV1('Service'), 'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
    spec: field(ref(coreV1('ServiceSpec')), 'Spec defines the behavior of a service. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
    status: field(ref(coreV1('ServiceStatus')), 'Most recently observed status of the service. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
  }, { gvk: { group: '', version: 'v1', kind: 'Service' } }),
  object(coreV1('ServiceList'), 'ServiceList holds a list of services.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(coreV1('Service'))), 'List of services', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
  }, { gvk: { group: '', version: 'v1', kind: 'ServiceList' } }),
  object(coreV1('ServicePort'), 'ServicePort contains information on service\'s port.', {
    appProtocol: field(str, 'The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax.'),
    name: field(str, 'The name of this port within the service. This must be a DNS_LABEL. All ports within a ServiceSpec must have unique names. When considering the endpoints for a Service, this must match the \'name\' field in the EndpointPort.'),
    nodePort: field(int32, 'The port on each node on which this service is exposed when type is NodePort or LoadBalancer. Usually assigned by the system. If a value is specified, in-range, and not in use it will be used, otherwise the operation will fail.'),
    port: field(int32, 'The port that will be exposed by this service.', { required: true }),
    protocol: field(str, 'The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.'),
    targetPort: field(intOrString, 'Number or name of the port to access on the pods targeted by the service. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If this is a string, it will be looked up as a named port in the target Pod\'s container ports.'),
  }),
  object(coreV1('ServiceSpec'), 'ServiceSpec describes the attributes that a user creates on a service.', {
    allocateLoadBalancerNodePorts: field(bool, 'allocateLoadBalancerNodePorts defines if NodePorts will be automatically allocated for services with type LoadBalancer. Default is "true". It may be set to "false" if the cluster load-balancer does not rely on NodePorts.'),
    clusterIP: field(str, 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    clusterIPs: field(list(str, { listType: 'atomic' }), 'ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly.'),
    externalIPs: field(list(str, { listType: 'atomic' }), 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service. These IPs are not managed by Kubernetes. The user is responsible for ensuring that traffic arrives at a node with this IP.'),
    externalName: field(str, 'externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record). No proxying will be involved.'),
    externalTrafficPolicy: field(str, 'externalTrafficPolicy describes how nodes distribute service traffic they receive on one of the Service\'s "externally-facing" addresses (NodePorts, ExternalIPs, and LoadBalancer IPs).'),
    healthCheckNodePort: field(int32, 'healthCheckNodePort specifies the healthcheck nodePort for the service. This only applies when type is set to LoadBalancer and externalTrafficPolicy is set to Local. If a value is specified, is in-range, and is not in use, it will be used.'),
    internalTrafficPolicy: field(str, 'InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP.'),
    ipFamilies: field(list(str, { listType: 'atomic' }), 'IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service. This field is usually assigned automatically based on cluster configuration and the ipFamilyPolicy field.'),
    ipFamilyPolicy: field(str, 'IPFamilyPolicy represents the dual-stack-ness requested or required by this Service. If there is no value provided, then this field will be set to SingleStack.'),
    loadBalancerClass: field(str, 'loadBalancerClass is the class of the load balancer implementation this Service belongs to. If specified, the value of this field must be a label-style identifier, with an optional prefix, e.g. "internal-vip" or "example.com/internal-vip".'),
    loadBalancerIP: field(str, 'Only applies to Service Type: LoadBalancer. This feature depends on whether the underlying cloud-provider supports specifying the loadBalancerIP when a load balancer is created.'),
    loadBalancerSourceRanges: field(list(str, { listType: 'atomic' }), 'If specified and supported by the platform, this will restrict traffic through the cloud-provider load-balancer will be restricted to the specified client IPs.'),
    ports: field(list(ref(coreV1('ServicePort')), { listType: 'map', listMapKeys: ['port', 'protocol'], patchStrategy: 'merge', patchMergeKey: 'port' }), 'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies'),
    publishNotReadyAddresses: field(bool, 'publishNotReadyAddresses indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready.'),
    selector: field(map(str, 'atomic'), 'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify.'),
    sessionAffinity: field(str, 'Supports "ClientIP" and "None". Used to maintain session affinity. Enable client IP based session affinity. Must be ClientIP or None. Defaults to None.'),
    sessionAffinityConfig: field(ref(coreV1('SessionAffinityConfig')), 'sessionAffinityConfig contains the configurations of session affinity.'),
    trafficDistribution: field(str, 'TrafficDistribution offers a way to express preferences for how traffic is distributed to Service endpoints. Implementations can use this field as a hint, but are not required to guarantee strict adherence.'),
    type: field(str, 'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints.'),
  }),
  object(coreV1('ServiceStatus'), 'ServiceStatus represents the current status of a service.', {
    conditions: field(list(ref(metaV1('Condition')), { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }), 'Current service state'),
    loadBalancer: field(ref(coreV1('LoadBalancerStatus')), 'LoadBalancer contains the current status of the load-balancer, if one is present.'),
  }),
  object(coreV1('SessionAffinityConfig'), 'SessionAffinityConfig represents the configurations of session affinity.', {
    clientIP: field(ref(coreV1('ClientIPConfig')), 'clientIP contains the configurations of Client IP based session affinity.'),
  }),
];
