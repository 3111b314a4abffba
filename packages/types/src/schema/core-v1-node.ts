import { bool, coreV1, field, int32, int64, list, map, metaV1, object, quantity, ref, str, time } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** core/v1 Node. */
export const coreV1NodeSchemas: readonly ObjectDefinition[] = [
  object(coreV1('AttachedVolume'), 'AttachedVolume describes a volume attached to a node', {
    devicePath: field(str, 'DevicePath represents the device path where the volume should be available', { required: true }),
    name: field(str, 'Name of the attached volume', { required: true }),
  }),
  object(coreV1('ConfigMapNodeConfigSource'), 'ConfigMapNodeConfigSource contains the information to reference a ConfigMap as a config source for the Node. This API is deprecated since 1.22: https://git.k8s.io/enhancements/keps/sig-node/281-dynamic-kubelet-configuration', {
    kubeletConfigKey: field(str, 'KubeletConfigKey declares which key of the referenced ConfigMap corresponds to the KubeletConfiguration structure This field is required in all cases.', { required: true }),
    name: field(str, 'Name is the metadata.name of the referenced ConfigMap. This field is required in all cases.', { required: true }),
    namespace: field(str, 'Namespace is the metadata.namespace of the referenced ConfigMap. This field is required in all cases.', { required: true }),
    resourceVersion: field(str, 'ResourceVersion is the metadata.ResourceVersion of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status.'),
    uid: field(str, 'UID is the metadata.UID of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status.'),
  }),
  object(coreV1('ContainerImage'), 'Describe a container image', {
    names: field(list(str, { listType: 'atomic' }), 'Names by which this image is known. e.g. ["kubernetes.example/hyperkube:v1.0.7", "cloud-vendor.registry.example/cloud-vendor/hyperkube:v1.0.7"]'),
    sizeBytes: field(int64, 'The size of the image in bytes.'),
  }),
  object(coreV1('DaemonEndpoint'), 'DaemonEndpoint contains information about a single Daemon endpoint.', {
    Port: field(int32, 'Port number of the given endpoint.', { required: true }),
  }),
  object(coreV1('Node'), 'Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
    spec: field(ref(coreV1('NodeSpec')), 'Spec defines the behavior of a node. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
    status: field(ref(coreV1('NodeStatus')), 'Most recently observed status of the node. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
  }, { gvk: { group: '', version: 'v1', kind: 'Node' } }),
  object(coreV1('NodeAddress'), 'NodeAddress contains information for the node\'s address.', {
    address: field(str, 'The node address.', { required: true }),
    type: field(str, 'Node address type, one of Hostname, ExternalIP or InternalIP.', { required: true }),
  }),
  object(coreV1('NodeCondition'), 'NodeCondition contains condition information for a node.', {
    lastHeartbeatTime: field(time, 'Last time we got an update on a given condition.'),
    lastTransitionTime: field(time, 'Last time the condition transit from one status to another.'),
    message: field(str, 'Human readable message indicating details about last transition.'),
    reason: field(str, '(brief) reason for the condition\'s last transition.'),
    status: field(str, 'Status of the condition, one of True, False, Unknown.', { required: true }),
    type: field(str, 'Type of node condition.', { required: true }),
  }),
  object(coreV1('NodeConfigSource'), 'NodeConfigSource specifies a source of node configuration. Exactly one subfield (excluding metadata) must be non-nil. This API is deprecated since 1.22', {
    configMap: field(ref(coreV1('ConfigMapNodeConfigSource')), 'ConfigMap is a reference to a Node\'s ConfigMap'),
  }),
  object(coreV1('NodeConfigStatus'), 'NodeConfigStatus describes the status of the config assigned by Node.Spec.ConfigSource.', {
    active: field(ref(coreV1('NodeConfigSource')), 'Active reports the checkpointed config the node is actively using.'),
    assigned: field(ref(coreV1('NodeConfigSource')), 'Assigned reports the checkpointed config the node will try to use. When Node.Spec.ConfigSource is updated, the node checkpoints the associated config payload to local disk, along with a record indicating intended config.'),
    error: field(str, 'Error describes any problems reconciling the Spec.ConfigSource to the Active config.'),
    lastKnownGood: field(ref(coreV1('NodeConfigSource')), 'LastKnownGood reports the checkpointed config the node will fall back to when it encounters an error attempting to use the Assigned config.'),
  }),
  object(coreV1('NodeDaemonEndpoints'), 'NodeDaemonEndpoints lists ports opened by daemons running on the Node.', {
    kubeletEndpoint: field(ref(coreV1('DaemonEndpoint')), 'Endpoint on which Kubelet is listening.'),
  }),
  object(coreV1('NodeFeatures'), 'NodeFeatures describes the set of features implemented by the CRI implementation. The features contained in the NodeFeatures should depend only on the cri implementation independent of runtime handlers.', {
    supplementalGroupsPolicy: field(bool, 'SupplementalGroupsPolicy is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser.'),
  }),
  object(coreV1('NodeList'), 'NodeList is the whole list of all Nodes which have been registered with master.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(coreV1('Node'))), 'List of nodes', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
  }, { gvk: { group: '', version: 'v1', kind: 'NodeList' } }),
  object(coreV1('NodeRuntimeHandler'), 'NodeRuntimeHandler is a set of runtime handler information.', {
    features: field(ref(coreV1('NodeRuntimeHandlerFeatures')), 'Supported features.'),
    name: field(str, 'Runtime handler name. Empty for the default runtime handler.'),
  }),
  object(coreV1('NodeRuntimeHandlerFeatures'), 'NodeRuntimeHandlerFeatures is a set of features implemented by the runtime handler.', {
    recursiveReadOnlyMounts: field(bool, 'RecursiveReadOnlyMounts is set to true if the runtime handler supports RecursiveReadOnlyMounts.'),
    userNamespaces: field(bool, 'UserNamespaces is set to true if the runtime handler supports UserNamespaces, including for volumes.'),
  }),
  object(coreV1('NodeSpec'), 'NodeSpec describes the attributes that a node is created with.', {
    configSource: field(ref(coreV1('NodeConfigSource')), 'Deprecated: Previously used to specify the source of the node\'s configuration for the DynamicKubeletConfig feature. This feature is removed.'),
    externalID: field(str, 'Deprecated. Not all kubelets will set this field. Remove field after 1.13. see: https://issues.k8s.io/61966'),
    podCIDR: field(str, 'PodCIDR represents the pod IP range assigned to the node.'),
    podCIDRs: field(list(str, { listType: 'set', patchStrategy: 'merge' }), 'podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node. If this field is specified, the 0th entry must match the podCIDR field. It may contain at most 1 value for each of IPv4 and IPv6.'),
    providerID: field(str, 'ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>'),
    taints: field(list(ref(coreV1('Taint')), { listType: 'atomic' }), 'If specified, the node\'s taints.'),
    unschedulable: field(bool, 'Unschedulable controls node schedulability of new pods. By default, node is schedulable. More info: https://kubernetes.io/docs/concepts/nodes/node/#manual-node-administration'),
  }),
  object(coreV1('NodeStatus'), 'NodeStatus is information about the current status of a node.', {
    addresses: field(list(ref(coreV1('NodeAddress')), { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }), 'List of addresses reachable to the node. Queried from cloud provider, if available.'),
    allocatable: field(map(quantity), 'Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity.'),
    capacity: field(map(quantity), 'Capacity represents the total resources of a node. More info: https://kubernetes.io/docs/reference/node/node-status/#capacity'),
    conditions: field(list(ref(coreV1('NodeCondition')), { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }), 'Conditions is an array of current observed node conditions. More info: https://kubernetes.io/docs/reference/node/node-status/#condition'),
    config: field(ref(coreV1('NodeConfigStatus')), 'Status of the config assigned to the node via the dynamic Kubelet config feature.'),
    daemonEndpoints: field(ref(coreV1('NodeDaemonEndpoints')), 'Endpoints of daemons running on the Node.'),
    features: field(ref(coreV1('NodeFeatures')), 'Features describes the set of features implemented by the CRI implementation.'),
    images: field(list(ref(coreV1('ContainerImage')), { listType: 'atomic' }), 'List of container images on this node'),
    nodeInfo: field(ref(coreV1('NodeSystemInfo')), 'Set of ids/uuids to uniquely identify the node. More info: https://kubernetes.io/docs/concepts/nodes/node/#info'),
    phase: field(str, 'NodePhase is the recently observed lifecycle phase of the node. More info: https://kubernetes.io/docs/concepts/nodes/node/#phase The field is never populated, and now is deprecated.'),
    runtimeHandlers: field(list(ref(coreV1('NodeRuntimeHandler')), { listType: 'atomic' }), 'The available runtime handlers.'),
    volumesAttached: field(list(ref(coreV1('AttachedVolume')), { listType: 'atomic' }), 'List of volumes that are attached to the node.'),
    volumesInUse: field(list(str, { listType: 'atomic' }), 'List of attachable volumes in use (mounted) by the node.'),
  }),
  object(coreV1('NodeSwapStatus'), 'NodeSwapStatus represents swap memory information.', {
    capacity: field(int64, 'Total amount of swap memory in bytes.'),
  }),
  object(coreV1('NodeSystemInfo'), 'NodeSystemInfo is a set of ids/uuids to uniquely identify the node.', {
    architecture: field(str, 'The Architecture reported by the node', { required: true }),
    bootID: field(str, 'Boot ID reported by the node.', { required: true }),
    containerRuntimeVersion: field(str, 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', { required: true }),
    kernelVersion: field(str, 'Kernel Version reported by the node from \'uname -r\' (e.g. 3.16.0-0.bpo.4-amd64).', { required: true }),
    kubeProxyVersion: field(str, 'Deprecated: KubeProxy Version reported by the node.', { required: true }),
    kubeletVersion: field(str, 'Kubelet Version reported by the node.', { required: true }),
    machineID: field(str, 'MachineID reported by the node. For unique machine identification in the cluster this field is preferred. Learn more from man(5) machine-id: http://man7.org/linux/man-pages/man5/machine-id.5.html', { required: true }),
    operatingSystem: field(str, 'The Operating System reported by the node', { required: true }),
    osImage: field(str, 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', { required: true }),
    swap: field(ref(coreV1('NodeSwapStatus')), 'Swap Info reported by the node.'),
    systemUUID: field(str, 'SystemUUID reported by the node. For unique machine identification MachineID is preferred. This field is specific to Red Hat hosts https://access.redhat.com/documentation/en-us/red_hat_subscription_management/1/html/rhsm/uuid', { required: true }),
  }),
  object(coreV1('Taint'), 'The node this Taint is attached to has the "effect" on any pod that does not tolerate the Taint.', {
    effect: field(str, 'Required. The effect of the taint on pods that do not tolerate the taint. Valid effects are NoSchedule, PreferNoSchedule and NoExecute.', { required: true }),
    key: field(str, 'Required. The taint key to be applied to a node.', { required: true }),
    timeAdded: field(time, 'TimeAdded represents the time at which the taint was added. It is only written for NoExecute taints.'),
    value: field(str, 'The taint value corresponding to the taint key.'),
  }),
];
