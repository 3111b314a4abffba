import type { LabelSelector, PodTemplateSpec } from '@minik/types';
import { fieldErrors, GoValue, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { uniqueErrors } from './field-error-list.js';
import { goValue } from './go-syntax.js';
import { jobLabels, validateJobSelector, validateJobSpec } from './job-spec.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { nameIsDNSSubdomain } from './name-validation.js';
import { ensureObject, isJsonObject, objectsOf, type JsonObject } from './object-fields.js';
import { assertDecodableQuantities } from './pod-spec-decoding.js';
import { applyPodTemplateDefaults } from './pod-spec-defaults.js';
import { semanticallyEqual } from './semantic-equality.js';

/**
 * batch/v1 Job: SetDefaults_Job (completions and parallelism 1, backoffLimit 6, NonIndexed,
 * suspend false, podReplacementPolicy, manualSelector false), the strategy's generated selector
 * and pod labels (controller-uid, job-name and their batch.kubernetes.io forms), labels from the
 * template, ValidateJob and the immutable parts of ValidateJobUpdate.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/registry/batch/job/strategy.go
 */
export const jobStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    applyJobSpecDefaults(spec);
    if (spec.manualSelector !== true) generateSelector(obj.metadata.name ?? '', obj.metadata.uid ?? '', spec);
    // Defaulting on read from storage copies the (by now generated) template labels to the Job.
    const template = spec.template as PodTemplateSpec;
    if (template.metadata?.labels && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...template.metadata.labels };
    if (!isJsonObject(obj.status)) obj.status = {};
  },
  validateCreate(obj) {
    const spec = (obj.spec ?? {}) as JsonObject;
    return [
      ...validateObjectMeta(obj.metadata, nameIsDNSSubdomain),
      ...validateGeneratedSelector(obj.metadata.uid ?? '', spec),
      ...validateJobSelector(spec, 'spec'),
      ...validateJobSpec(spec, 'spec'),
    ];
  },
  validateUpdate(obj, old) {
    const spec = (obj.spec ?? {}) as JsonObject;
    const oldSpec = (old.spec ?? {}) as JsonObject;
    const errs = [...validateObjectMetaUpdate(obj.metadata), ...validateJobSelector(spec, 'spec'), ...validateJobSpec(spec, 'spec')];
    if (!semanticallyEqual(spec.selector, oldSpec.selector)) errs.push(fieldErrors.invalid('spec.selector', goValue.labelSelector(spec.selector as LabelSelector), 'field is immutable'));
    if (spec.completionMode !== oldSpec.completionMode) errs.push(fieldErrors.invalid('spec.completionMode', String(spec.completionMode ?? ''), 'field is immutable'));
    if (spec.completionMode !== 'Indexed' && spec.completions !== oldSpec.completions) errs.push(fieldErrors.invalid('spec.completions', spec.completions ?? null, 'field is immutable'));
    // The template may only change while the Job is suspended (mutable scheduling directives);
    // upstream prints the whole core.PodTemplateSpec struct as the value.
    if (oldSpec.suspend !== true && !semanticallyEqual(spec.template, oldSpec.template)) {
      errs.push(fieldErrors.invalid('spec.template', new GoValue('core.PodTemplateSpec{...}'), 'field is immutable'));
    }
    return uniqueErrors(errs);
  },
};

/** SetDefaults_Job on a JobSpec, plus the pod template defaults. */
export function applyJobSpecDefaults(spec: JsonObject): void {
  if (typeof spec.completions !== 'number' && typeof spec.parallelism !== 'number') spec.completions = 1;
  if (typeof spec.parallelism !== 'number') spec.parallelism = 1;
  if (typeof spec.backoffLimit !== 'number') spec.backoffLimit = typeof spec.backoffLimitPerIndex === 'number' ? 2147483647 : 6;
  if (!spec.completionMode) spec.completionMode = 'NonIndexed';
  if (typeof spec.suspend !== 'boolean') spec.suspend = false;
  if (typeof spec.manualSelector !== 'boolean') spec.manualSelector = false;
  if (isJsonObject(spec.podFailurePolicy)) {
    for (const rule of objectsOf(spec.podFailurePolicy.rules)) {
      for (const pattern of objectsOf(rule.onPodConditions)) if (!pattern.status) pattern.status = 'True';
    }
  }
  if (!spec.podReplacementPolicy) spec.podReplacementPolicy = isJsonObject(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed';
  const template = ensureObject(spec, 'template') as unknown as PodTemplateSpec;
  assertDecodableQuantities(template.spec, 'Job', 'v1');
  applyPodTemplateDefaults(template);
}

// generateSelector: job-name and controller-uid labels (both forms) unless set, selector on the uid.
function generateSelector(name: string, uid: string, spec: JsonObject): void {
  const template = ensureObject(spec, 'template');
  const labels = ensureObject(ensureObject(template, 'metadata'), 'labels');
  labels[jobLabels.legacyJobName] ??= name;
  labels[jobLabels.jobName] ??= name;
  labels[jobLabels.legacyControllerUid] ??= uid;
  labels[jobLabels.controllerUid] ??= uid;
  const matchLabels = ensureObject(ensureObject(spec, 'selector'), 'matchLabels');
  matchLabels[jobLabels.controllerUid] ??= uid;
}

// validateGeneratedSelector: a generated selector must be exactly the Job's uid.
function validateGeneratedSelector(uid: string, spec: JsonObject): FieldError[] {
  if (spec.manualSelector === true) return [];
  const selector = spec.selector as LabelSelector | undefined;
  const template = isJsonObject(spec.template) ? spec.template : {};
  const labels = (isJsonObject(template.metadata) && isJsonObject(template.metadata.labels) ? template.metadata.labels : {}) as Record<string, string>;
  const errs: FieldError[] = [];
  if (labels[jobLabels.controllerUid] !== uid) {
    errs.push(fieldErrors.invalid(`spec.template.metadata.labels`, goValue.stringMap(labels), `must be '${jobLabels.controllerUid}=${uid}'`));
  }
  if (selector?.matchLabels?.[jobLabels.controllerUid] !== uid) {
    errs.push(fieldErrors.invalid('spec.selector', goValue.labelSelector(selector), `\`selector\` not auto-generated`));
  }
  return errs;
}
