import type { LabelSelector, PodTemplateSpec } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import { goValue } from './go-syntax.js';
import { isEmptySelector, selectorMatches, validateLabelSelector } from './label-selector.js';
import { isJsonObject, type JsonObject } from './object-fields.js';
import { validatePodTemplateSpec } from './pod-spec-validation.js';

/** What differs between the workload kinds in the shared selector and template rules. */
export interface WorkloadTemplateRules {
  /** The kind in `empty selector is invalid for <noun>`. */
  selectorNoun: string;
  /** The template restartPolicy values the kind accepts. */
  restartPolicies: readonly string[];
  /** The kind in `activeDeadlineSeconds in <kind> is not Supported`; unset where it is allowed (Jobs). */
  activeDeadlineKind?: string;
}

// Upstream's message says "deployment" for ReplicaSets too.
const replicaSetRules: WorkloadTemplateRules = { selectorNoun: 'deployment', restartPolicies: ['Always'], activeDeadlineKind: 'ReplicaSet' };

/**
 * The selector and pod template rules Deployments and ReplicaSets share (and, with their own
 * rules, DaemonSets, StatefulSets and Jobs)
 * (ValidateDeploymentSpec, ValidateReplicaSetSpec and ValidatePodTemplateSpecForReplicaSet in
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/apps/validation/validation.go).
 */
export function validateSelectorAndTemplate(
  selector: LabelSelector | null | undefined,
  template: PodTemplateSpec | undefined,
  path: string,
  options: WorkloadTemplateRules = replicaSetRules,
): FieldError[] {
  const errs: FieldError[] = [];
  let selectorErrors: FieldError[] = [];
  if (selector === null || selector === undefined) {
    errs.push(fieldErrors.required(`${path}.selector`));
  } else {
    selectorErrors = validateLabelSelector(selector, `${path}.selector`);
    errs.push(...selectorErrors);
    if (isEmptySelector(selector)) errs.push(fieldErrors.invalid(`${path}.selector`, goValue.labelSelector(selector), `empty selector is invalid for ${options.selectorNoun}`));
  }
  if (selectorErrors.length > 0) {
    errs.push(fieldErrors.invalid(`${path}.selector`, goValue.labelSelector(selector), 'invalid label selector'));
  } else {
    errs.push(...validatePodTemplateSpecForWorkload(template, selector, `${path}.template`, options));
  }
  return errs;
}

function validatePodTemplateSpecForWorkload(
  template: PodTemplateSpec | undefined,
  selector: LabelSelector | null | undefined,
  path: string,
  options: WorkloadTemplateRules,
): FieldError[] {
  const errs: FieldError[] = [];
  const t = (template ?? {}) as unknown as JsonObject;
  const metadata = isJsonObject(t.metadata) ? t.metadata : {};
  const labels = isJsonObject(metadata.labels) ? (metadata.labels as Record<string, string>) : undefined;
  // A missing selector matches nothing (labels.Nothing()), an empty one everything.
  if (!isEmptySelector(selector) && !selectorMatches(selector, labels)) {
    errs.push(fieldErrors.invalid(`${path}.metadata.labels`, goValue.stringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const spec = isJsonObject(t.spec) ? t.spec : {};
  const restartPolicy = typeof spec.restartPolicy === 'string' ? spec.restartPolicy : '';
  if (!options.restartPolicies.includes(restartPolicy)) errs.push(fieldErrors.notSupported(`${path}.spec.restartPolicy`, restartPolicy, options.restartPolicies));
  if (options.activeDeadlineKind && spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(fieldErrors.forbidden(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${options.activeDeadlineKind} is not Supported`));
  }
  return errs;
}

/** `must be greater than or equal to 0` for a negative number field. */
export function validateNonnegative(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [fieldErrors.invalid(path, value, 'must be greater than or equal to 0')] : [];
}
