import type { MessageDescriptor } from './message-schema.js';
import { intstrMessages, metaV1Messages, resourceMessages, runtimeMessages } from './schemas/apimachinery-messages.js';
import { appsV1Messages } from './schemas/apps-v1-messages.js';
import { authenticationV1Messages } from './schemas/authentication-v1-messages.js';
import { authorizationV1Messages } from './schemas/authorization-v1-messages.js';
import { autoscalingV1Messages, autoscalingV2Messages } from './schemas/autoscaling-messages.js';
import { batchV1Messages } from './schemas/batch-v1-messages.js';
import { coreV1Messages } from './schemas/core-v1-messages.js';
import { rbacV1Messages } from './schemas/rbac-v1-messages.js';

/** Every described message, by full name (`core.v1.Container`). */
export const messageRegistry: ReadonlyMap<string, MessageDescriptor> = new Map([
  ...runtimeMessages,
  ...metaV1Messages,
  ...intstrMessages,
  ...resourceMessages,
  ...coreV1Messages,
  ...appsV1Messages,
  ...batchV1Messages,
  ...authenticationV1Messages,
  ...authorizationV1Messages,
  ...autoscalingV1Messages,
  ...autoscalingV2Messages,
  ...rbacV1Messages,
]);

/** The descriptor of a message; a missing one is a bug in the schema tables. */
export function messageDescriptor(fullName: string): MessageDescriptor {
  const descriptor = messageRegistry.get(fullName);
  if (!descriptor) throw new Error(`protobuf schema: no message ${fullName}`);
  return descriptor;
}

/**
 * The message each apiVersion/kind's `raw` bytes hold, as upstream's scheme maps a kind to its
 * generated type (`k8s.io.api.<group>.<version>.<Kind>`).
 */
export const protobufKinds: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  v1: {
    Namespace: 'core.v1.Namespace',
    ConfigMap: 'core.v1.ConfigMap',
    Secret: 'core.v1.Secret',
    Service: 'core.v1.Service',
    ServiceAccount: 'core.v1.ServiceAccount',
    Pod: 'core.v1.Pod',
  },
  'apps/v1': { Deployment: 'apps.v1.Deployment' },
  'batch/v1': { Job: 'batch.v1.Job', CronJob: 'batch.v1.CronJob' },
  'authentication.k8s.io/v1': { TokenRequest: 'authentication.v1.TokenRequest', SelfSubjectReview: 'authentication.v1.SelfSubjectReview' },
  'authorization.k8s.io/v1': {
    SelfSubjectAccessReview: 'authorization.v1.SelfSubjectAccessReview',
    SelfSubjectRulesReview: 'authorization.v1.SelfSubjectRulesReview',
  },
  'autoscaling/v1': { HorizontalPodAutoscaler: 'autoscaling.v1.HorizontalPodAutoscaler' },
  'autoscaling/v2': { HorizontalPodAutoscaler: 'autoscaling.v2.HorizontalPodAutoscaler' },
  'rbac.authorization.k8s.io/v1': {
    Role: 'rbac.v1.Role',
    ClusterRole: 'rbac.v1.ClusterRole',
    RoleBinding: 'rbac.v1.RoleBinding',
    ClusterRoleBinding: 'rbac.v1.ClusterRoleBinding',
  },
};
