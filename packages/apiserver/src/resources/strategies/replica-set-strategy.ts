import type { PodTemplateSpec, ReplicaSetSpec } from '@minik/types';
import type { ResourceStrategy } from '../resource-strategy.js';
import { validateImmutableSelector } from './deployment-strategy.js';
import { uniqueErrors } from './field-error-list.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { nameIsDNSSubdomain } from './name-validation.js';
import { ensureObject, type JsonObject } from './object-fields.js';
import { assertDecodableQuantities } from './pod-spec-decoding.js';
import { applyPodTemplateDefaults } from './pod-spec-defaults.js';
import { validateNonnegative, validateSelectorAndTemplate } from './replica-set-template-validation.js';

/**
 * apps/v1 ReplicaSet: SetDefaults_ReplicaSet (replicas 1), pod template defaults,
 * ValidateReplicaSet, and the apps/v1 immutable selector.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/registry/apps/replicaset/strategy.go
 */
export const replicaSetStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    if (typeof spec.replicas !== 'number') spec.replicas = 1;
    const template = ensureObject(spec, 'template') as unknown as PodTemplateSpec;
    assertDecodableQuantities(template.spec, 'ReplicaSet', 'v1');
    applyPodTemplateDefaults(template);
    // ReplicaSetStatus.replicas has no omitempty: a new ReplicaSet shows `status: {replicas: 0}`.
    const status = ensureObject(obj, 'status');
    if (typeof status.replicas !== 'number') status.replicas = 0;
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateReplicaSetSpec(obj.spec as ReplicaSetSpec | undefined)];
  },
  validateUpdate(obj, old) {
    const spec = obj.spec as ReplicaSetSpec | undefined;
    return uniqueErrors([
      ...validateObjectMetaUpdate(obj.metadata),
      ...validateReplicaSetSpec(spec),
      ...validateImmutableSelector(spec?.selector, (old.spec as ReplicaSetSpec | undefined)?.selector),
    ]);
  },
};

function validateReplicaSetSpec(spec: ReplicaSetSpec | undefined): ReturnType<typeof validateNonnegative> {
  const s = (spec ?? {}) as unknown as JsonObject;
  return [
    ...validateNonnegative(s.replicas, 'spec.replicas'),
    ...validateNonnegative(s.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(spec?.selector, spec?.template, 'spec'),
  ];
}
