import { defineMessages } from '../message-schema.js';

/** k8s.io/api/apps/v1 Deployment. */
export const appsV1Messages = defineMessages('apps.v1', {
  Deployment: `
    1 metadata meta.v1.ObjectMeta?
    2 spec DeploymentSpec?
    3 status DeploymentStatus?
  `,
  DeploymentSpec: `
    1 replicas *int32?
    2 selector *meta.v1.LabelSelector
    3 template core.v1.PodTemplateSpec
    4 strategy DeploymentStrategy?
    5 minReadySeconds int32?
    6 revisionHistoryLimit *int32?
    7 paused bool?
    9 progressDeadlineSeconds *int32?
  `,
  DeploymentStrategy: `
    1 type string?
    2 rollingUpdate *RollingUpdateDeployment?
  `,
  RollingUpdateDeployment: `
    1 maxUnavailable *intstr.IntOrString?
    2 maxSurge *intstr.IntOrString?
  `,
  DeploymentStatus: `
    1 observedGeneration int64?
    2 replicas int32?
    3 updatedReplicas int32?
    7 readyReplicas int32?
    4 availableReplicas int32?
    5 unavailableReplicas int32?
    9 terminatingReplicas *int32?
    6 conditions []DeploymentCondition?
    8 collisionCount *int32?
  `,
  DeploymentCondition: `
    1 type string
    2 status string
    6 lastUpdateTime meta.v1.Time?
    7 lastTransitionTime meta.v1.Time?
    4 reason string?
    5 message string?
  `,
});
