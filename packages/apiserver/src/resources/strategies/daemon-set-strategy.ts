import type { LabelSelector, PodTemplateSpec } from '@minik/types';
import { fieldErrors, GoValue, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { validateImmutableSelector } from './deployment-strategy.js';
import { uniqueErrors } from './field-error-list.js';
import { goQuote } from './go-syntax.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { nameIsDNSSubdomain } from './name-validation.js';
import { ensureObject, isJsonObject, type JsonObject } from './object-fields.js';
import { assertDecodableQuantities } from './pod-spec-decoding.js';
import { applyPodTemplateDefaults } from './pod-spec-defaults.js';
import { validateNonnegative, validateSelectorAndTemplate } from './replica-set-template-validation.js';
import { validateIntOrPercent } from './workload-int-or-percent.js';

/** The annotation apps/v1 carries the internal spec.templateGeneration in. */
export const daemonSetTemplateGenerationAnnotation = 'deprecated.daemonset.template.generation';

/**
 * apps/v1 DaemonSet: SetDefaults_DaemonSet (RollingUpdate with maxUnavailable 1 and maxSurge 0,
 * revisionHistoryLimit 10), the template generation annotation the strategy starts at 1, pod
 * template defaults, ValidateDaemonSet and the immutable selector.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/apps/v1/defaults.go
 */
export const daemonSetStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    const strategy = ensureObject(spec, 'updateStrategy');
    if (!strategy.type) strategy.type = 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      const rollingUpdate = ensureObject(strategy, 'rollingUpdate');
      if (rollingUpdate.maxUnavailable === undefined || rollingUpdate.maxUnavailable === null) rollingUpdate.maxUnavailable = 1;
      if (rollingUpdate.maxSurge === undefined || rollingUpdate.maxSurge === null) rollingUpdate.maxSurge = 0;
    }
    if (typeof spec.revisionHistoryLimit !== 'number') spec.revisionHistoryLimit = 10;
    const template = ensureObject(spec, 'template') as unknown as PodTemplateSpec;
    assertDecodableQuantities(template.spec, 'DaemonSet', 'v1');
    applyPodTemplateDefaults(template);
    // PrepareForCreate starts spec.templateGeneration at 1; apps/v1 shows it as this annotation.
    const annotations = (obj.metadata.annotations ??= {});
    annotations[daemonSetTemplateGenerationAnnotation] ??= '1';
    // Four DaemonSetStatus counters have no omitempty, so a new DaemonSet shows them as 0.
    const status = ensureObject(obj, 'status');
    for (const key of ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady']) {
      if (typeof status[key] !== 'number') status[key] = 0;
    }
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateDaemonSetSpec(obj.spec as JsonObject | undefined)];
  },
  validateUpdate(obj, old) {
    const spec = obj.spec as JsonObject | undefined;
    return uniqueErrors([
      ...validateObjectMetaUpdate(obj.metadata),
      ...validateDaemonSetSpec(spec),
      ...validateImmutableSelector(spec?.selector as LabelSelector | undefined, (old.spec as JsonObject | undefined)?.selector as LabelSelector | undefined),
    ]);
  },
};

/** ValidateDaemonSetSpec. */
function validateDaemonSetSpec(spec: JsonObject | undefined): FieldError[] {
  const s = spec ?? {};
  return [
    ...validateSelectorAndTemplate(s.selector as LabelSelector | undefined, s.template as PodTemplateSpec | undefined, 'spec', {
      selectorNoun: 'daemonset',
      restartPolicies: ['Always'],
      activeDeadlineKind: 'DaemonSet',
    }),
    ...validateNonnegative(s.minReadySeconds, 'spec.minReadySeconds'),
    ...validateNonnegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'),
    ...validateDaemonSetUpdateStrategy(s.updateStrategy),
  ];
}

function validateDaemonSetUpdateStrategy(value: unknown): FieldError[] {
  const path = 'spec.updateStrategy';
  const strategy = isJsonObject(value) ? value : {};
  switch (strategy.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate': {
      if (!isJsonObject(strategy.rollingUpdate)) return [fieldErrors.required(`${path}.rollingUpdate`)];
      const r = strategy.rollingUpdate;
      const errs = [...validateIntOrPercent(r.maxUnavailable, `${path}.rollingUpdate.maxUnavailable`), ...validateIntOrPercent(r.maxSurge, `${path}.rollingUpdate.maxSurge`)];
      if (isZero(r.maxUnavailable) && isZero(r.maxSurge)) {
        errs.push(fieldErrors.invalid(`${path}.rollingUpdate.maxUnavailable`, new GoValue(String(r.maxUnavailable)), 'may not be 0 when `maxSurge` is 0'));
      }
      return errs;
    }
    default:
      return [fieldErrors.notSupported(`${path}.type`, new GoValue(goQuote(String(strategy.type ?? ''))), ['OnDelete', 'RollingUpdate'])];
  }
}

function isZero(value: unknown): boolean {
  return value === 0 || value === '0%';
}
