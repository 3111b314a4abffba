import type { KubeObject, ObjectReference, OwnerReference } from '@minik/types';
import type { KindRef } from '../../client/in-process-client.js';
import { cloneJson } from '../../util/clone-json.js';
import type { JobObject, JobSpec } from '../job/job-types.js';
import { formatRFC3339In } from './schedule-times.js';

/** batch/v1 CronJobStatus. */
export interface CronJobStatus {
  active?: ObjectReference[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

/** A batch/v1 CronJob as the controller reads it. */
export type CronJobObject = KubeObject & {
  spec: {
    schedule?: string;
    timeZone?: string | null;
    startingDeadlineSeconds?: number | null;
    concurrencyPolicy?: string;
    suspend?: boolean;
    jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: JobSpec };
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
  };
  status?: CronJobStatus;
};

/** How the in-process client names CronJobs. */
export const cronJobKind: KindRef = { apiVersion: 'batch/v1', kind: 'CronJob' };

/** The annotation with the time a Job was scheduled for (batchv1.CronJobScheduledTimestampAnnotation). */
export const scheduledTimestampAnnotation = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`, the same for the same time. */
export function jobName(cronJob: Readonly<CronJobObject>, scheduledTime: number): string {
  return `${cronJob.metadata.name}-${Math.floor(scheduledTime / 60_000)}`;
}

/**
 * getJobFromTemplate2: the template's labels, annotations and spec, the deterministic name, the
 * scheduled-timestamp annotation (in the CronJob's time zone) and the controller reference.
 */
export function jobFromTemplate(cronJob: Readonly<CronJobObject>, scheduledTime: number, controllerRef: OwnerReference): JobObject {
  const template = cronJob.spec.jobTemplate ?? {};
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cronJob, scheduledTime),
      namespace: cronJob.metadata.namespace,
      ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
      annotations: { ...template.metadata?.annotations, [scheduledTimestampAnnotation]: formatRFC3339In(scheduledTime, cronJob.spec.timeZone ?? undefined) },
      ownerReferences: [controllerRef],
    },
    spec: cloneJson(template.spec ?? {}),
  };
}
