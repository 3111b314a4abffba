/**
 * Object models, generated upstream from the official OpenAPI (package `kubernetes-types`).
 * Type-only re-exports: they cost nothing at run time.
 */
export type { Pod, PodSpec, PodStatus, Container, ContainerStatus, PodCondition, PodTemplateSpec } from 'kubernetes-types/core/v1.js';
export type { Node, NodeSpec, NodeStatus, NodeCondition, Taint, Toleration } from 'kubernetes-types/core/v1.js';
export type { Namespace, Service, ServicePort, Endpoints, EndpointSubset, ConfigMap, Secret } from 'kubernetes-types/core/v1.js';
export type { ServiceAccount, Event, ObjectReference, Binding, ReplicationController } from 'kubernetes-types/core/v1.js';
export type { Deployment, DeploymentSpec, DeploymentStatus, DeploymentCondition } from 'kubernetes-types/apps/v1.js';
export type { ReplicaSet, ReplicaSetSpec, ReplicaSetStatus } from 'kubernetes-types/apps/v1.js';
export type { Lease } from 'kubernetes-types/coordination/v1.js';
export type { EndpointSlice } from 'kubernetes-types/discovery/v1.js';
export type { Eviction } from 'kubernetes-types/policy/v1.js';
export type {
  APIGroup,
  APIGroupList,
  APIResource,
  APIResourceList,
  APIVersions,
  DeleteOptions,
  LabelSelector,
  LabelSelectorRequirement,
  OwnerReference,
  StatusDetails,
} from 'kubernetes-types/meta/v1.js';
