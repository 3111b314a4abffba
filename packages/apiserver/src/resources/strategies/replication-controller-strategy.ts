import type { PodTemplateSpec } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { goValue } from './go-syntax.js';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { nameIsDNSSubdomain } from './name-validation.js';
import { ensureObject, isJsonObject, type JsonObject } from './object-fields.js';
import { assertDecodableQuantities } from './pod-spec-decoding.js';
import { applyPodTemplateDefaults } from './pod-spec-defaults.js';
import { validatePodTemplateSpec } from './pod-spec-validation.js';
import { validateNonnegative } from './replica-set-template-validation.js';

type StringMap = Record<string, string>;

/**
 * core/v1 ReplicationController: SetDefaults_ReplicationController (selector and labels from the
 * template's labels, replicas 1), pod template defaults and ValidateReplicationController. Unlike
 * apps/v1 workloads its selector is a plain label map, and it may change.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/core/v1/defaults.go
 */
export const replicationControllerStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    const template = isJsonObject(spec.template) ? (spec.template as unknown as PodTemplateSpec) : undefined;
    const labels = template?.metadata?.labels;
    if (labels) {
      if (!isJsonObject(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
      if (Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels };
    }
    if (typeof spec.replicas !== 'number') spec.replicas = 1;
    if (template) {
      assertDecodableQuantities(template.spec, 'ReplicationController', 'v1');
      applyPodTemplateDefaults(template);
    }
    // ReplicationControllerStatus.replicas has no omitempty: a new one shows `status: {replicas: 0}`.
    const status = ensureObject(obj, 'status');
    if (typeof status.replicas !== 'number') status.replicas = 0;
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateReplicationControllerSpec(obj.spec as JsonObject | undefined)];
  },
  validateUpdate(obj) {
    return [...validateObjectMetaUpdate(obj.metadata), ...validateReplicationControllerSpec(obj.spec as JsonObject | undefined)];
  },
};

/** ValidateReplicationControllerSpec and ValidatePodTemplateSpecForRC. */
function validateReplicationControllerSpec(spec: JsonObject | undefined): FieldError[] {
  const s = spec ?? {};
  const selector = isJsonObject(s.selector) ? (s.selector as StringMap) : {};
  const errs: FieldError[] = [...validateNonnegative(s.minReadySeconds, 'spec.minReadySeconds')];
  if (Object.keys(selector).length === 0) errs.push(fieldErrors.required('spec.selector'));
  errs.push(...validateLabels(selector, 'spec.selector'));
  errs.push(...validateNonnegative(s.replicas, 'spec.replicas'));
  if (!isJsonObject(s.template)) {
    errs.push(fieldErrors.required('spec.template'));
    return errs;
  }
  const template = s.template as unknown as PodTemplateSpec;
  const labels = template.metadata?.labels ?? {};
  // labels.Set(selector).AsSelector(): every selector pair must be among the template's labels.
  if (Object.keys(selector).length > 0 && !Object.entries(selector).every(([k, v]) => labels[k] === v)) {
    errs.push(fieldErrors.invalid('spec.template.metadata.labels', goValue.stringMap(template.metadata?.labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const podSpec = (template.spec ?? {}) as unknown as JsonObject;
  const restartPolicy = typeof podSpec.restartPolicy === 'string' ? podSpec.restartPolicy : '';
  if (restartPolicy !== 'Always') errs.push(fieldErrors.notSupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(fieldErrors.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}
