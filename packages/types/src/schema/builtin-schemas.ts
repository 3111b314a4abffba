import { appsV1Schemas } from './apps-v1.js';
import { appsV1WorkloadSchemas } from './apps-v1-workloads.js';
import { authenticationV1Schemas } from './authentication-v1.js';
import { authorizationV1Schemas } from './authorization-v1.js';
import { autoscalingV1Schemas } from './autoscaling-v1.js';
import { batchV1Schemas } from './batch-v1.js';
import { coordinationV1Schemas } from './coordination-v1.js';
import { coreV1ConfigSchemas } from './core-v1-config.js';
import { coreV1ContainerSchemas } from './core-v1-container.js';
import { coreV1EventSchemas } from './core-v1-event.js';
import { coreV1NamespaceSchemas } from './core-v1-namespace.js';
import { coreV1NodeSchemas } from './core-v1-node.js';
import { coreV1PodSchemas } from './core-v1-pod.js';
import { coreV1ReplicationControllerSchemas } from './core-v1-replication-controller.js';
import { coreV1ServiceSchemas } from './core-v1-service.js';
import { coreV1VolumeSchemas } from './core-v1-volume.js';
import { discoveryV1Schemas } from './discovery-v1.js';
import { eventsV1Schemas } from './events-v1.js';
import { metaV1Schemas } from './meta-v1.js';
import { policyV1Schemas } from './policy-v1.js';
import { rbacV1Schemas } from './rbac-v1.js';
import { metaV1 } from './schema-builders.js';
import type { ObjectDefinition, SchemaDefinitions } from './schema-types.js';

const all: readonly ObjectDefinition[] = [
  ...metaV1Schemas,
  ...coreV1PodSchemas,
  ...coreV1ContainerSchemas,
  ...coreV1VolumeSchemas,
  ...coreV1NamespaceSchemas,
  ...coreV1NodeSchemas,
  ...coreV1ServiceSchemas,
  ...coreV1ConfigSchemas,
  ...coreV1EventSchemas,
  ...coreV1ReplicationControllerSchemas,
  ...appsV1Schemas,
  ...appsV1WorkloadSchemas,
  ...batchV1Schemas,
  ...authenticationV1Schemas,
  ...authorizationV1Schemas,
  ...autoscalingV1Schemas,
  ...policyV1Schemas,
  ...coordinationV1Schemas,
  ...discoveryV1Schemas,
  ...eventsV1Schemas,
  ...rbacV1Schemas,
];

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The schema of every built-in kind minik serves (and of the request kinds its subresources take),
 * by OpenAPI definition name, e.g. `io.k8s.api.core.v1.PodSpec`. Frozen: shared by every cluster.
 */
export const builtinSchemas: SchemaDefinitions = new Map(all.map((def) => [def.name, deepFreeze(def)]));

const byGvk = new Map<string, string>();
for (const def of all) if (def.gvk) byGvk.set(`${def.gvk.group}/${def.gvk.version}/${def.gvk.kind}`, def.name);

// Upstream registers these option and envelope kinds in every group-version (metav1.AddToGroupVersion).
const everyGroupVersion: Readonly<Record<string, string>> = {
  DeleteOptions: metaV1('DeleteOptions'),
  WatchEvent: metaV1('WatchEvent'),
};

/** The definition name of a kind, e.g. ('apps', 'v1', 'Deployment') → `io.k8s.api.apps.v1.Deployment`. */
export function schemaNameFor(group: string, version: string, kind: string): string | undefined {
  return byGvk.get(`${group}/${version}/${kind}`) ?? everyGroupVersion[kind];
}
