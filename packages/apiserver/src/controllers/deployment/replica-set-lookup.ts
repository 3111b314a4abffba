import type { PodTemplateSpec } from '@minik/types';
import { semanticallyEqual } from '../../resources/strategies/semantic-equality.js';
import type { DeploymentObject, ReplicaSetObject } from '../shared/object-types.js';
import { podTemplateHashLabel } from './pod-template-hash.js';
import { byCreationTimestamp, specReplicas } from './rollout-math.js';

type RS = Readonly<ReplicaSetObject>;

/**
 * deploymentutil.EqualIgnoreHash: two pod templates are the same rollout when they are
 * semantically equal once the pod-template-hash label is ignored.
 */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return semanticallyEqual(withoutHash(a), withoutHash(b));
}

function withoutHash(template: PodTemplateSpec | undefined): PodTemplateSpec | undefined {
  if (!template?.metadata?.labels || !(podTemplateHashLabel in template.metadata.labels)) return template;
  const { [podTemplateHashLabel]: _hash, ...labels } = template.metadata.labels;
  return { ...template, metadata: { ...template.metadata, labels } };
}

/**
 * deploymentutil.FindNewReplicaSet: the oldest ReplicaSet whose template matches the Deployment's
 * (the oldest wins if several do, as after a hash collision).
 */
export function findNewReplicaSet(d: Readonly<DeploymentObject>, rsList: readonly RS[]): RS | undefined {
  return [...rsList].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** deploymentutil.FindOldReplicaSets: every ReplicaSet but the new one, and those of them with replicas. */
export function findOldReplicaSets(d: Readonly<DeploymentObject>, rsList: readonly RS[]): { required: RS[]; all: RS[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
  return { required: all.filter((rs) => specReplicas(rs) !== 0), all };
}
