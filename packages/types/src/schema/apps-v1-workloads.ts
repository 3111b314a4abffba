import { appsV1, coreV1, field, int32, int64, intOrString, list, metaV1, object, ref, str, time } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api.

/** apps/v1: DaemonSet and StatefulSet. */
export const appsV1WorkloadSchemas: readonly ObjectDefinition[] = [
  object(appsV1('DaemonSet'), 'DaemonSet represents the configuration of a daemon set.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
    spec: field(ref(appsV1('DaemonSetSpec')), 'The desired behavior of this daemon set. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
    status: field(ref(appsV1('DaemonSetStatus')), 'The current status of this daemon set. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
  }, { gvk: { group: 'apps', version: 'v1', kind: 'DaemonSet' } }),
  object(appsV1('DaemonSetCondition'), 'DaemonSetCondition describes the state of a DaemonSet at a certain point.', {
    lastTransitionTime: field(time, 'Last time the condition transitioned from one status to another.'),
    message: field(str, 'A human readable message indicating details about the transition.'),
    reason: field(str, 'The reason for the condition\'s last transition.'),
    status: field(str, 'Status of the condition, one of True, False, Unknown.', { required: true }),
    type: field(str, 'Type of DaemonSet condition.', { required: true }),
  }),
  object(appsV1('DaemonSetList'), 'DaemonSetList is a collection of daemon sets.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources'),
    items: field(list(ref(appsV1('DaemonSet'))), 'A list of daemon sets.', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
  }, { gvk: { group: 'apps', version: 'v1', kind: 'DaemonSetList' } }),
  object(appsV1('DaemonSetSpec'), 'DaemonSetSpec is the specification of a daemon set.', {
    minReadySeconds: field(int32, 'The minimum number of seconds for which a newly created DaemonSet pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready).'),
    revisionHistoryLimit: field(int32, 'The number of old history to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.'),
    selector: field(ref(metaV1('LabelSelector')), 'A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', { required: true }),
    template: field(ref(coreV1('PodTemplateSpec')), 'An object that describes the pod that will be created. The DaemonSet will create exactly one copy of this pod on every node that matches the template\'s node selector (or on every node if no node selector is specified). The only allowed template.spec.restartPolicy value is "Always". More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template', { required: true }),
    updateStrategy: field(ref(appsV1('DaemonSetUpdateStrategy')), 'An update strategy to replace existing DaemonSet pods with new pods.'),
  }),
  object(appsV1('DaemonSetStatus'), 'DaemonSetStatus represents the current status of a daemon set.', {
    collisionCount: field(int32, 'Count of hash collisions for the DaemonSet. The DaemonSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision.'),
    conditions: field(list(ref(appsV1('DaemonSetCondition')), { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }), 'Represents the latest available observations of a DaemonSet\'s current state.'),
    currentNumberScheduled: field(int32, 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/', { required: true }),
    desiredNumberScheduled: field(int32, 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/', { required: true }),
    numberAvailable: field(int32, 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
    numberMisscheduled: field(int32, 'The number of nodes that are running the daemon pod, but are not supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/', { required: true }),
    numberReady: field(int32, 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.', { required: true }),
    numberUnavailable: field(int32, 'The number of nodes that should be running the daemon pod and have none of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
    observedGeneration: field(int64, 'The most recent generation observed by the daemon set controller.'),
    updatedNumberScheduled: field(int32, 'The total number of nodes that are running updated daemon pod'),
  }),
  object(appsV1('DaemonSetUpdateStrategy'), 'DaemonSetUpdateStrategy is a struct used to control the update strategy for a DaemonSet.', {
    rollingUpdate: field(ref(appsV1('RollingUpdateDaemonSet')), 'Rolling update config params. Present only if type = "RollingUpdate".'),
    type: field(str, 'Type of daemon set update. Can be "RollingUpdate" or "OnDelete". Default is RollingUpdate.'),
  }),
  object(appsV1('RollingUpdateDaemonSet'), 'Spec to control the desired behavior of daemon set rolling update.', {
    maxSurge: field(intOrString, 'The maximum number of nodes with an existing available DaemonSet pod that can have an updated DaemonSet pod during during an update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up to a minimum of 1. Default value is 0. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their a new pod created before the old pod is marked as deleted. The update starts by launching new pods on 30% of nodes. Once an updated pod is available (Ready for at least minReadySeconds) the old DaemonSet pod on that node is marked deleted. If the old pod becomes unavailable for any reason (Ready transitions to false, is evicted, or is drained) an updated pod is immediatedly created on that node without considering surge limits. Allowing surge implies the possibility that the resources consumed by the daemonset on any given node can double if the readiness check fails, and so resource intensive daemonsets should take into account that they may cause evictions during disruption.'),
    maxUnavailable: field(intOrString, 'The maximum number of DaemonSet pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of total number of DaemonSet pods at the start of the update (ex: 10%). Absolute number is calculated from percentage by rounding up. This cannot be 0 if MaxSurge is 0 Default value is 1. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their pods stopped for an update at any given time. The update starts by stopping at most 30% of those DaemonSet pods and then brings up new DaemonSet pods in their place. Once the new pods are available, it then proceeds onto other DaemonSet pods, thus ensuring that at least 70% of original number of DaemonSet pods are available at all times during the update.'),
  }),
  object(appsV1('RollingUpdateStatefulSetStrategy'), 'RollingUpdateStatefulSetStrategy is used to communicate parameter for RollingUpdateStatefulSetStrategyType.', {
    maxUnavailable: field(intOrString, 'The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding up. This can not be 0. Defaults to 1. This field is alpha-level and is only honored by servers that enable the MaxUnavailableStatefulSet feature. The field applies to all pods in the range 0 to Replicas-1. That means if there is any unavailable pod in the range 0 to Replicas-1, it will be counted towards MaxUnavailable.'),
    partition: field(int32, 'Partition indicates the ordinal at which the StatefulSet should be partitioned for updates. During a rolling update, all pods from ordinal Replicas-1 to Partition are updated. All pods from ordinal Partition-1 to 0 remain untouched. This is helpful in being able to do a canary based deployment. The default value is 0.'),
  }),
  object(appsV1('StatefulSet'), 'StatefulSet represents a set of pods with consistent identities. Identities are defined as: - Network: A single stable DNS and hostname. - Storage: As many VolumeClaims as requested. The StatefulSet guarantees that a given network identity will always map to the same storage identity.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
    spec: field(ref(appsV1('StatefulSetSpec')), 'Spec defines the desired identities of pods in this set.'),
    status: field(ref(appsV1('StatefulSetStatus')), 'Status is the current status of Pods in this StatefulSet. This data may be out of date by some window of time.'),
  }, { gvk: { group: 'apps', version: 'v1', kind: 'StatefulSet' } }),
  object(appsV1('StatefulSetCondition'), 'StatefulSetCondition describes the state of a statefulset at a certain point.', {
    lastTransitionTime: field(time, 'Last time the condition transitioned from one status to another.'),
    message: field(str, 'A human readable message indicating details about the transition.'),
    reason: field(str, 'The reason for the condition\'s last transition.'),
    status: field(str, 'Status of the condition, one of True, False, Unknown.', { required: true }),
    type: field(str, 'Type of statefulset condition.', { required: true }),
  }),
  object(appsV1('StatefulSetList'), 'StatefulSetList is a collection of StatefulSets.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources'),
    items: field(list(ref(appsV1('StatefulSet'))), 'Items is the list of stateful sets.', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
  }, { gvk: { group: 'apps', version: 'v1', kind: 'StatefulSetList' } }),
  object(appsV1('StatefulSetOrdinals'), 'StatefulSetOrdinals describes the policy used for replica ordinal assignment in this StatefulSet.', {
    start: field(int32, 'start is the number representing the first replica\'s index. It may be used to number replicas from an alternate index (eg: 1-indexed) over the default 0-indexed names, or to orchestrate progressive movement of replicas from one StatefulSet to another. If set, replica indices will be in the range: [.spec.ordinals.start, .spec.ordinals.start + .spec.replicas). If unset, defaults to 0. Replica indices will be in the range: [0, .spec.replicas).'),
  }),
  object(appsV1('StatefulSetPersistentVolumeClaimRetentionPolicy'), 'StatefulSetPersistentVolumeClaimRetentionPolicy describes the policy used for PVCs created from the StatefulSet VolumeClaimTemplates.', {
    whenDeleted: field(str, 'WhenDeleted specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is deleted. The default policy of `Retain` causes PVCs to not be affected by StatefulSet deletion. The `Delete` policy causes those PVCs to be deleted.'),
    whenScaled: field(str, 'WhenScaled specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is scaled down. The default policy of `Retain` causes PVCs to not be affected by a scaledown. The `Delete` policy causes the associated PVCs for any excess pods above the replica count to be deleted.'),
  }),
  object(appsV1('StatefulSetSpec'), 'A StatefulSetSpec is the specification of a StatefulSet.', {
    minReadySeconds: field(int32, 'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)'),
    ordinals: field(ref(appsV1('StatefulSetOrdinals')), 'ordinals controls the numbering of replica indices in a StatefulSet. The default ordinals behavior assigns a "0" index to the first replica and increments the index by one for each additional replica requested. Using the ordinals field requires the StatefulSetStartOrdinal feature gate to be enabled, which is beta.'),
    persistentVolumeClaimRetentionPolicy: field(ref(appsV1('StatefulSetPersistentVolumeClaimRetentionPolicy')), 'persistentVolumeClaimRetentionPolicy describes the lifecycle of persistent volume claims created from volumeClaimTemplates. By default, all persistent volume claims are created as needed and retained until manually deleted. This policy allows the lifecycle to be altered, for example by deleting persistent volume claims when their stateful set is deleted, or when their pod is scaled down. This requires the StatefulSetAutoDeletePVC feature gate to be enabled, which is alpha. +optional'),
    podManagementPolicy: field(str, 'podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down. The default policy is `OrderedReady`, where pods are created in increasing order (pod-0, then pod-1, etc) and the controller will wait until each pod is ready before continuing. When scaling down, the pods are removed in the opposite order. The alternative policy is `Parallel` which will create pods in parallel to match the desired scale without waiting, and on scale down will delete all pods at once.'),
    replicas: field(int32, 'replicas is the desired number of replicas of the given Template. These are replicas in the sense that they are instantiations of the same Template, but individual replicas also have a consistent identity. If unspecified, defaults to 1.'),
    revisionHistoryLimit: field(int32, 'revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet\'s revision history. The revision history consists of all revisions not represented by a currently applied StatefulSetSpec version. The default value is 10.'),
    selector: field(ref(metaV1('LabelSelector')), 'selector is a label query over pods that should match the replica count. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', { required: true }),
    serviceName: field(str, 'serviceName is the name of the service that governs this StatefulSet. This service must exist before the StatefulSet, and is responsible for the network identity of the set. Pods get DNS/hostnames that follow the pattern: pod-specific-string.serviceName.default.svc.cluster.local where "pod-specific-string" is managed by the StatefulSet controller.', { required: true }),
    template: field(ref(coreV1('PodTemplateSpec')), 'template is the object that describes the pod that will be created if insufficient replicas are detected. Each pod stamped out by the StatefulSet will fulfill this Template, but have a unique identity from the rest of the StatefulSet. Each pod will be named with the format <statefulsetname>-<podindex>. For example, a pod in a StatefulSet named "web" with index number "3" would be named "web-3". The only allowed template.spec.restartPolicy value is "Always".', { required: true }),
    updateStrategy: field(ref(appsV1('StatefulSetUpdateStrategy')), 'updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template.'),
    volumeClaimTemplates: field(list(ref(coreV1('PersistentVolumeClaim')), { listType: 'atomic' }), 'volumeClaimTemplates is a list of claims that pods are allowed to reference. The StatefulSet controller is responsible for mapping network identities to claims in a way that maintains the identity of a pod. Every claim in this list must have at least one matching (by name) volumeMount in one container in the template. A claim in this list takes precedence over any volumes in the template, with the same name.'),
  }),
  object(appsV1('StatefulSetStatus'), 'StatefulSetStatus represents the current state of a StatefulSet.', {
    availableReplicas: field(int32, 'Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset.'),
    collisionCount: field(int32, 'collisionCount is the count of hash collisions for the StatefulSet. The StatefulSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision.'),
    conditions: field(list(ref(appsV1('StatefulSetCondition')), { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }), 'Represents the latest available observations of a statefulset\'s current state.'),
    currentReplicas: field(int32, 'currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision.'),
    currentRevision: field(str, 'currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas).'),
    observedGeneration: field(int64, 'observedGeneration is the most recent generation observed for this StatefulSet. It corresponds to the StatefulSet\'s generation, which is updated on mutation by the API Server.'),
    readyReplicas: field(int32, 'readyReplicas is the number of pods created for this StatefulSet with a Ready Condition.'),
    replicas: field(int32, 'replicas is the number of Pods created by the StatefulSet controller.', { required: true }),
    updateRevision: field(str, 'updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)'),
    updatedReplicas: field(int32, 'updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision.'),
  }),
  object(appsV1('StatefulSetUpdateStrategy'), 'StatefulSetUpdateStrategy indicates the strategy that the StatefulSet controller will use to perform updates. It includes any additional parameters necessary to perform the update for the indicated strategy.', {
    rollingUpdate: field(ref(appsV1('RollingUpdateStatefulSetStrategy')), 'RollingUpdate is used to communicate parameters when Type is RollingUpdateStatefulSetStrategyType.'),
    type: field(str, 'Type indicates the type of the StatefulSetUpdateStrategy. Default is RollingUpdate.'),
  }),
];
