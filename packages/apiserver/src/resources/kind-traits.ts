/**
 * Facts about kinds that the generic verbs need and that upstream encodes in each kind's registry
 * strategy (pkg/registry/<group>/<kind>/strategy.go).
 */

/** Kinds whose metadata.generation starts at 1 and bumps on every spec change. */
export const kindsWithGeneration: ReadonlySet<string> = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
]);

/** Kinds whose create keeps the status the client sent (a kubelet registers its Node with status). */
export const kindsKeepingStatusOnCreate: ReadonlySet<string> = new Set(['Node', 'Event']);

/** Kinds whose DELETE answers with the object rather than a Success Status (ReturnDeletedObject). */
export const kindsReturningDeletedObject: ReadonlySet<string> = new Set(['Pod', 'Service', 'Namespace', 'ServiceAccount', 'PersistentVolume', 'PersistentVolumeClaim']);

/** Whether a kind has a status that only the /status subresource may write. */
export function hasStatusSubresource(def: { subresources?: readonly { name: string }[] }): boolean {
  return def.subresources?.some((s) => s.name === 'status') ?? false;
}
