import type { LabelSelector, PodTemplateSpec } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import { goValue } from './go-syntax.js';
import { selectorMatches, validateLabelSelector } from './label-selector.js';
import { isJsonObject, type JsonObject } from './object-fields.js';
import { validatePodTemplateSpec } from './pod-spec-validation.js';
import { validateNonnegative } from './replica-set-template-validation.js';

/** The labels a Job's pods carry (batch.kubernetes.io/job-name and friends), and their legacy forms. */
export const jobLabels = {
  controllerUid: 'batch.kubernetes.io/controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
  legacyControllerUid: 'controller-uid',
  legacyJobName: 'job-name',
} as const;

/**
 * The batch/v1 JobSpec rules a Job and a CronJob's job template share (validateJobSpec in
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/batch/validation/validation.go).
 */
export function validateJobSpec(spec: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [
    ...validateNonnegative(spec.parallelism, `${path}.parallelism`),
    ...validateNonnegative(spec.completions, `${path}.completions`),
    ...validateNonnegative(spec.backoffLimit, `${path}.backoffLimit`),
    ...validateNonnegative(spec.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`),
  ];
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) {
    errs.push(fieldErrors.invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be greater than 0'));
  }
  if (spec.completionMode !== undefined && spec.completionMode !== null) {
    if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
      errs.push(fieldErrors.notSupported(`${path}.completionMode`, String(spec.completionMode), ['NonIndexed', 'Indexed']));
    } else if (spec.completionMode === 'Indexed' && typeof spec.completions !== 'number') {
      errs.push(fieldErrors.required(`${path}.completions`, 'when completion mode is Indexed'));
    }
  }
  if (spec.podReplacementPolicy !== undefined && spec.podReplacementPolicy !== null) {
    if (spec.podReplacementPolicy !== 'TerminatingOrFailed' && spec.podReplacementPolicy !== 'Failed') {
      errs.push(fieldErrors.notSupported(`${path}.podReplacementPolicy`, String(spec.podReplacementPolicy), ['Failed', 'TerminatingOrFailed']));
    }
  }
  if (spec.selector !== undefined && spec.selector !== null) errs.push(...validateLabelSelector(spec.selector as LabelSelector, `${path}.selector`));
  const template = isJsonObject(spec.template) ? spec.template : {};
  errs.push(...validatePodTemplateSpec(template as unknown as PodTemplateSpec, `${path}.template`));
  const podSpec = isJsonObject(template.spec) ? template.spec : {};
  const restartPolicy = typeof podSpec.restartPolicy === 'string' ? podSpec.restartPolicy : '';
  if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    errs.push(fieldErrors.notSupported(`${path}.template.spec.restartPolicy`, restartPolicy, ['OnFailure', 'Never']));
  }
  // A pod failure policy needs every failure to surface as a pod failure: Never only.
  if (isJsonObject(spec.podFailurePolicy) && restartPolicy !== 'Never') {
    errs.push(fieldErrors.invalid(`${path}.template.spec.restartPolicy`, restartPolicy, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

/** A Job's own selector rules: required, and matching its template's labels. */
export function validateJobSelector(spec: JsonObject, path: string): FieldError[] {
  const selector = spec.selector as LabelSelector | null | undefined;
  if (selector === undefined || selector === null) return [fieldErrors.required(`${path}.selector`)];
  if (validateLabelSelector(selector, `${path}.selector`).length > 0) return [];
  const template = isJsonObject(spec.template) ? spec.template : {};
  const metadata = isJsonObject(template.metadata) ? template.metadata : {};
  const labels = isJsonObject(metadata.labels) ? (metadata.labels as Record<string, string>) : undefined;
  return selectorMatches(selector, labels)
    ? []
    : [fieldErrors.invalid(`${path}.template.metadata.labels`, goValue.stringMap(labels), '`selector` does not match template `labels`')];
}
