import type { ReplicaSetStatus } from '@minik/types';
import { labelSelectorFromObject } from '../../selectors/index.js';
import type { PodObject, ReplicaSetObject } from '../shared/object-types.js';
import { isPodAvailable, isPodReady } from '../shared/pod-conditions.js';

type ReplicaSetCondition = NonNullable<ReplicaSetStatus['conditions']>[number];

/**
 * calculateStatus of the ReplicaSet controller: counts of the active pods it owns, fully labelled
 * (matching the template's labels), ready, and available after minReadySeconds; a ReplicaFailure
 * condition while creating or deleting pods fails. Zero counts are left out, as Go's omitempty
 * writes them (only `replicas` is always present).
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/replicaset/replica_set_utils.go
 */
export function replicaSetStatus(rs: Readonly<ReplicaSetObject>, pods: readonly Readonly<PodObject>[], manageError: Error | undefined, now: number, nowString: string): ReplicaSetStatus {
  const templateLabels = rs.spec.template?.metadata?.labels ?? {};
  const templateSelector = labelSelectorFromObject({ matchLabels: templateLabels });
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (templateSelector.matches(pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, rs.spec.minReadySeconds ?? 0, now)) available++;
    }
  }
  const status: ReplicaSetStatus = { replicas: pods.length };
  if (fullyLabeled > 0) status.fullyLabeledReplicas = fullyLabeled;
  if (ready > 0) status.readyReplicas = ready;
  if (available > 0) status.availableReplicas = available;
  let conditions: ReplicaSetCondition[] = [...(rs.status?.conditions ?? [])];
  const failure = conditions.find((c) => c.type === 'ReplicaFailure');
  if (manageError && !failure) {
    const diff = pods.length - (rs.spec.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions.push({ type: 'ReplicaFailure', status: 'True', lastTransitionTime: nowString, reason, message: manageError.message });
  } else if (!manageError && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  if (conditions.length > 0) status.conditions = conditions;
  return status;
}
