import type { PodTemplateSpec } from '@minik/types';
import { fieldErrors, type FieldError } from '../../errors/index.js';
import type { ResourceStrategy } from '../resource-strategy.js';
import { isKnownTimeZone, parseCronSchedule } from './cron-schedule.js';
import { validateJobSpec } from './job-spec.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './metadata-validation.js';
import { ensureObject, isJsonObject, type JsonObject } from './object-fields.js';
import { assertDecodableQuantities } from './pod-spec-decoding.js';
import { applyPodTemplateDefaults } from './pod-spec-defaults.js';
import { validateNonnegative } from './replica-set-template-validation.js';
import { nameIsDNSSubdomain } from './name-validation.js';

// A CronJob's Jobs are named `<cronjob>-<minutes since epoch>`: the name must leave room (52 chars).
const maxCronJobNameLength = 52;

/**
 * batch/v1 CronJob: SetDefaults_CronJob (concurrencyPolicy Allow, suspend false, history limits
 * 3 and 1), the job template's pod defaults (SetDefaults_Job is not applied to templates), and
 * ValidateCronJob (schedule, time zone, policies, the job template).
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/apis/batch/v1/defaults.go
 */
export const cronJobStrategy: ResourceStrategy = {
  applyDefaults(obj) {
    const spec = ensureObject(obj, 'spec');
    if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
    if (typeof spec.suspend !== 'boolean') spec.suspend = false;
    if (typeof spec.successfulJobsHistoryLimit !== 'number') spec.successfulJobsHistoryLimit = 3;
    if (typeof spec.failedJobsHistoryLimit !== 'number') spec.failedJobsHistoryLimit = 1;
    const jobTemplate = ensureObject(spec, 'jobTemplate');
    const jobMeta = ensureObject(jobTemplate, 'metadata');
    if (!('creationTimestamp' in jobMeta)) jobMeta.creationTimestamp = null;
    const template = ensureObject(ensureObject(jobTemplate, 'spec'), 'template') as unknown as PodTemplateSpec;
    assertDecodableQuantities(template.spec, 'CronJob', 'v1');
    applyPodTemplateDefaults(template);
    if (!isJsonObject(obj.status)) obj.status = {};
  },
  validateCreate(obj) {
    return [...validateObjectMeta(obj.metadata, nameIsDNSSubdomain), ...validateCronJobNameLength(obj.metadata.name ?? ''), ...validateCronJobSpec(obj.spec as JsonObject | undefined)];
  },
  validateUpdate(obj) {
    return [...validateObjectMetaUpdate(obj.metadata), ...validateCronJobSpec(obj.spec as JsonObject | undefined)];
  },
};

function validateCronJobNameLength(name: string): FieldError[] {
  return name.length > maxCronJobNameLength ? [fieldErrors.invalid('metadata.name', name, `must be no more than ${maxCronJobNameLength} characters`)] : [];
}

/** ValidateCronJobSpec. */
function validateCronJobSpec(spec: JsonObject | undefined): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  const schedule = typeof s.schedule === 'string' ? s.schedule : '';
  if (schedule === '') {
    errs.push(fieldErrors.required('spec.schedule'));
  } else if (/^(CRON_)?TZ=/.test(schedule.trim())) {
    errs.push(fieldErrors.invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  } else {
    try {
      parseCronSchedule(schedule);
    } catch (error) {
      errs.push(fieldErrors.invalid('spec.schedule', schedule, (error as Error).message));
    }
  }
  if (typeof s.timeZone === 'string') {
    if (s.timeZone === '' || !isKnownTimeZone(s.timeZone)) errs.push(fieldErrors.invalid('spec.timeZone', s.timeZone, `unknown time zone ${s.timeZone}`));
  }
  if (!['Allow', 'Forbid', 'Replace'].includes(String(s.concurrencyPolicy))) {
    errs.push(fieldErrors.notSupported('spec.concurrencyPolicy', String(s.concurrencyPolicy ?? ''), ['Allow', 'Forbid', 'Replace']));
  }
  errs.push(...validateNonnegative(s.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  errs.push(...validateNonnegative(s.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...validateNonnegative(s.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  const jobTemplate = isJsonObject(s.jobTemplate) ? s.jobTemplate : {};
  errs.push(...validateJobSpec(isJsonObject(jobTemplate.spec) ? jobTemplate.spec : {}, 'spec.jobTemplate.spec'));
  return errs;
}
