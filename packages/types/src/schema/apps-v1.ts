import { appsV1, bool, coreV1, field, int32, int64, intOrString, list, metaV1, object, ref, str, time } from './schema-builders.js';
import type { ObjectDefinition } from './schema-types.js';

// Field sets, types and required fields follow the Kubernetes 1.33 OpenAPI definitions; patch and
// list annotations follow the +patchStrategy/+patchMergeKey/+listType/+listMapKey markers of
// k8s.io/api. Descriptions are shortened to their opening sentences.

/** apps/v1: Deployment and ReplicaSet. */
export const appsV1Schemas: readonly ObjectDefinition[] = [
  object(appsV1('Deployment'), 'Deployment enables declarative updates for Pods and ReplicaSets.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
    spec: field(ref(appsV1('DeploymentSpec')), 'Specification of the desired behavior of the Deployment.'),
    status: field(ref(appsV1('DeploymentStatus')), 'Most recently observed status of the Deployment.'),
  }, { gvk: { group: 'apps', version: 'v1', kind: 'Deployment' } }),
  object(appsV1('DeploymentCondition'), 'DeploymentCondition describes the state of a deployment at a certain point.', {
    lastTransitionTime: field(time, 'Last time the condition transitioned from one status to another.'),
    lastUpdateTime: field(time, 'The last time this condition was updated.'),
    message: field(str, 'A human readable message indicating details about the transition.'),
    reason: field(str, 'The reason for the condition\'s last transition.'),
    status: field(str, 'Status of the condition, one of True, False, Unknown.', { required: true }),
    type: field(str, 'Type of deployment condition.', { required: true }),
  }),
  object(appsV1('DeploymentList'), 'DeploymentList is a list of Deployments.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(appsV1('Deployment'))), 'Items is the list of Deployments.', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata.'),
  }, { gvk: { group: 'apps', version: 'v1', kind: 'DeploymentList' } }),
  object(appsV1('DeploymentSpec'), 'DeploymentSpec is the specification of the desired behavior of the Deployment.', {
    minReadySeconds: field(int32, 'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)'),
    paused: field(bool, 'Indicates that the deployment is paused.'),
    progressDeadlineSeconds: field(int32, 'The maximum time in seconds for a deployment to make progress before it is considered to be failed.'),
    replicas: field(int32, 'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.'),
    revisionHistoryLimit: field(int32, 'The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.'),
    selector: field(ref(metaV1('LabelSelector')), 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template\'s labels.', { required: true }),
    strategy: field(ref(appsV1('DeploymentStrategy')), 'The deployment strategy to use to replace existing pods with new ones.', { patchStrategy: 'retainKeys' }),
    template: field(ref(coreV1('PodTemplateSpec')), 'Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is "Always".', { required: true }),
  }),
  object(appsV1('DeploymentStatus'), 'DeploymentStatus is the most recently observed status of the Deployment.', {
    availableReplicas: field(int32, 'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.'),
    collisionCount: field(int32, 'Count of hash collisions for the Deployment. The Deployment controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ReplicaSet.'),
    conditions: field(list(ref(appsV1('DeploymentCondition')), { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }), 'Represents the latest available observations of a deployment\'s current state.'),
    observedGeneration: field(int64, 'The generation observed by the deployment controller.'),
    readyReplicas: field(int32, 'Total number of non-terminating pods targeted by this Deployment with a Ready Condition.'),
    replicas: field(int32, 'Total number of non-terminating pods targeted by this deployment (their labels match the selector).'),
    terminatingReplicas: field(int32, 'Total number of terminating pods targeted by this deployment. Terminating pods have a non-null .metadata.deletionTimestamp and have not yet reached the Failed or Succeeded .status.phase. This is an alpha field.'),
    unavailableReplicas: field(int32, 'Total number of unavailable pods targeted by this deployment. This is the total number of pods that are still required for the deployment to have 100% available capacity.'),
    updatedReplicas: field(int32, 'Total number of non-terminating pods targeted by this deployment that have the desired template spec.'),
  }),
  object(appsV1('DeploymentStrategy'), 'DeploymentStrategy describes how to replace existing pods with new ones.', {
    rollingUpdate: field(ref(appsV1('RollingUpdateDeployment')), 'Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.'),
    type: field(str, 'Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.'),
  }),
  object(appsV1('ReplicaSet'), 'ReplicaSet ensures that a specified number of pod replicas are running at any given time.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ObjectMeta')), 'If the Labels of a ReplicaSet are empty, they are defaulted to be the same as the Pod(s) that the ReplicaSet manages. Standard object\'s metadata.'),
    spec: field(ref(appsV1('ReplicaSetSpec')), 'Spec defines the specification of the desired behavior of the ReplicaSet. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
    status: field(ref(appsV1('ReplicaSetStatus')), 'Status is the most recently observed status of the ReplicaSet. This data may be out of date by some window of time. Populated by the system. Read-only.'),
  }, { gvk: { group: 'apps', version: 'v1', kind: 'ReplicaSet' } }),
  object(appsV1('ReplicaSetCondition'), 'ReplicaSetCondition describes the state of a replica set at a certain point.', {
    lastTransitionTime: field(time, 'The last time the condition transitioned from one status to another.'),
    message: field(str, 'A human readable message indicating details about the transition.'),
    reason: field(str, 'The reason for the condition\'s last transition.'),
    status: field(str, 'Status of the condition, one of True, False, Unknown.', { required: true }),
    type: field(str, 'Type of replica set condition.', { required: true }),
  }),
  object(appsV1('ReplicaSetList'), 'ReplicaSetList is a collection of ReplicaSets.', {
    apiVersion: field(str, 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.'),
    items: field(list(ref(appsV1('ReplicaSet'))), 'List of ReplicaSets. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset', { required: true }),
    kind: field(str, 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.'),
    metadata: field(ref(metaV1('ListMeta')), 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
  }, { gvk: { group: 'apps', version: 'v1', kind: 'ReplicaSetList' } }),
  object(appsV1('ReplicaSetSpec'), 'ReplicaSetSpec is the specification of a ReplicaSet.', {
    minReadySeconds: field(int32, 'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)'),
    replicas: field(int32, 'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset'),
    selector: field(ref(metaV1('LabelSelector')), 'Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template\'s labels.', { required: true }),
    template: field(ref(coreV1('PodTemplateSpec')), 'Template is the object that describes the pod that will be created if insufficient replicas are detected. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template'),
  }),
  object(appsV1('ReplicaSetStatus'), 'ReplicaSetStatus represents the current status of a ReplicaSet.', {
    availableReplicas: field(int32, 'The number of available non-terminating pods (ready for at least minReadySeconds) for this replica set.'),
    conditions: field(list(ref(appsV1('ReplicaSetCondition')), { listType: 'map', listMapKeys: ['type'], patchStrategy: 'merge', patchMergeKey: 'type' }), 'Represents the latest available observations of a replica set\'s current state.'),
    fullyLabeledReplicas: field(int32, 'The number of non-terminating pods that have labels matching the labels of the pod template of the replicaset.'),
    observedGeneration: field(int64, 'ObservedGeneration reflects the generation of the most recently observed ReplicaSet.'),
    readyReplicas: field(int32, 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.'),
    replicas: field(int32, 'Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset', { required: true }),
    terminatingReplicas: field(int32, 'The number of terminating pods for this replica set. Terminating pods have a non-null .metadata.deletionTimestamp and have not yet reached the Failed or Succeeded .status.phase. This is an alpha field.'),
  }),
  object(appsV1('RollingUpdateDeployment'), 'Spec to control the desired behavior of rolling update.', {
    maxSurge: field(intOrString, 'The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0.'),
    maxUnavailable: field(intOrString, 'The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding down.'),
  }),
];
