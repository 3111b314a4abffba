import type { DeploymentSpec, LabelSelector, PodTemplateSpec } from '@minik/types';
import { fieldErrors, GoValue, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { uniqueErrors } from './field-error-list.js';
import { goQuote, goValue } from './go-syntax.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { nameIsDNSSubdomain } from './name-validation.js';
import { ensureObject, isJsonObject, type JsonObject } from './object-fields.js';
import { assertDecodableQuantities } from './pod-spec-decoding.js';
import { applyPodTemplateDefaults } from './pod-spec-defaults.js';
import { validateNonnegative, validateSelectorAndTemplate } from './replica-set-template-validation.js';
import { semanticallyEqual } from './semantic-equality.js';
import { validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './workload-int-or-percent.js';

/**
 * apps/v1 Deployment: SetDefaults_Deployment (replicas 1, RollingUpdate 25%/25% even for a
 * `strategy: {}`, revisionHistoryLimit 10, progressDeadlineSeconds 600), pod template defaults,
 * ValidateDeployment and the apps/v1 rule that `spec.selector` is immutable.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/apps/v1/defaults.go
 */
export const deploymentStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    if (typeof spec.replicas !== 'number') spec.replicas = 1;
    const strategy = ensureObject(spec, 'strategy');
    if (!strategy.type) strategy.type = 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const rollingUpdate = ensureObject(strategy, 'rollingUpdate');
      if (rollingUpdate.maxUnavailable === undefined || rollingUpdate.maxUnavailable === null) rollingUpdate.maxUnavailable = '25%';
      if (rollingUpdate.maxSurge === undefined || rollingUpdate.maxSurge === null) rollingUpdate.maxSurge = '25%';
    }
    if (typeof spec.revisionHistoryLimit !== 'number') spec.revisionHistoryLimit = 10;
    if (typeof spec.progressDeadlineSeconds !== 'number') spec.progressDeadlineSeconds = 600;
    const template = ensureObject(spec, 'template') as unknown as PodTemplateSpec;
    assertDecodableQuantities(template.spec, 'Deployment', 'v1');
    applyPodTemplateDefaults(template);
    // DeploymentStatus has only omitempty fields: a new Deployment shows `status: {}`.
    if (!isJsonObject(obj.status)) obj.status = {};
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateDeploymentSpec(obj.spec as DeploymentSpec | undefined)];
  },
  validateUpdate(obj, old) {
    const spec = obj.spec as DeploymentSpec | undefined;
    const oldSpec = old.spec as DeploymentSpec | undefined;
    return uniqueErrors([
      ...validateObjectMetaUpdate(obj.metadata),
      ...validateDeploymentSpec(spec),
      ...validateImmutableSelector(spec?.selector, oldSpec?.selector),
    ]);
  },
};

/** apps/v1 (unlike extensions/v1beta1) never lets a workload's selector change. */
export function validateImmutableSelector(selector: LabelSelector | undefined, oldSelector: LabelSelector | undefined): FieldError[] {
  if (semanticallyEqual(selector, oldSelector)) return [];
  return [fieldErrors.invalid('spec.selector', goValue.labelSelector(selector), 'field is immutable')];
}

function validateDeploymentSpec(spec: DeploymentSpec | undefined): FieldError[] {
  const s = (spec ?? {}) as unknown as JsonObject;
  const errs = [
    ...validateNonnegative(s.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(spec?.selector, spec?.template, 'spec'),
    ...validateDeploymentStrategy(s.strategy),
    ...validateNonnegative(s.minReadySeconds, 'spec.minReadySeconds'),
    ...validateNonnegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'),
  ];
  if (typeof s.progressDeadlineSeconds === 'number') {
    errs.push(...validateNonnegative(s.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    const minReady = typeof s.minReadySeconds === 'number' ? s.minReadySeconds : 0;
    if (s.progressDeadlineSeconds <= minReady) {
      errs.push(fieldErrors.invalid('spec.progressDeadlineSeconds', s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

function validateDeploymentStrategy(strategy: unknown): FieldError[] {
  const path = 'spec.strategy';
  const s = isJsonObject(strategy) ? strategy : {};
  switch (s.type) {
    case 'Recreate':
      return s.rollingUpdate !== undefined && s.rollingUpdate !== null
        ? [fieldErrors.forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")]
        : [];
    case 'RollingUpdate':
      if (!isJsonObject(s.rollingUpdate)) return [fieldErrors.required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
      return validateRollingUpdate(s.rollingUpdate, `${path}.rollingUpdate`);
    default: {
      const rendered = `apps.DeploymentStrategy{Type:${goQuote(String(s.type ?? ''))}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`;
      return [fieldErrors.notSupported(path, new GoValue(rendered), ['Recreate', 'RollingUpdate'])];
    }
  }
}

function validateRollingUpdate(rollingUpdate: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const maxUnavailable = rollingUpdate.maxUnavailable as number | string | undefined;
  const maxSurge = rollingUpdate.maxSurge as number | string | undefined;
  errs.push(...validatePositiveIntOrPercent(maxUnavailable, `${path}.maxUnavailable`));
  errs.push(...validatePositiveIntOrPercent(maxSurge, `${path}.maxSurge`));
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    errs.push(fieldErrors.invalid(`${path}.maxUnavailable`, goValue.intOrString(maxUnavailable ?? 0), 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...validateNotMoreThan100Percent(maxUnavailable, `${path}.maxUnavailable`));
  return errs;
}

// getIntOrPercentValue: the number, or the percentage's number; unparseable counts as 0.
function intOrPercentValue(value: number | string | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+%$/.test(value)) return parseInt(value, 10);
  return 0;
}
