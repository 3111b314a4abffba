import type { KubeObject, LabelSelector, PodTemplateSpec } from '@minik/types';
import type { KindRef } from '../../client/in-process-client.js';

/** A batch/v1 JobCondition. */
export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
  reason?: string;
  message?: string;
}

/** batch/v1 JobStatus, as the controller writes it. */
export interface JobStatus {
  conditions?: JobCondition[];
  startTime?: string;
  completionTime?: string;
  active?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  ready?: number;
  completedIndexes?: string;
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
}

/** batch/v1 JobSpec, the fields the controllers read. */
export interface JobSpec {
  parallelism?: number;
  completions?: number | null;
  activeDeadlineSeconds?: number;
  backoffLimit?: number;
  selector?: LabelSelector;
  manualSelector?: boolean;
  template?: PodTemplateSpec;
  ttlSecondsAfterFinished?: number;
  completionMode?: string;
  suspend?: boolean;
  podReplacementPolicy?: string;
}

/** A batch/v1 Job as the controllers read it. */
export type JobObject = KubeObject & { spec: JobSpec; status?: JobStatus };

/** How the in-process client names Jobs. */
export const jobKind: KindRef = { apiVersion: 'batch/v1', kind: 'Job' };

/** The finalizer that keeps a Job's finished pods until the Job has counted them (batch.JobTrackingFinalizer). */
export const jobTrackingFinalizer = 'batch.kubernetes.io/job-tracking';

/** The annotation (and, from 1.28, label) carrying an Indexed Job pod's completion index. */
export const completionIndexKey = 'batch.kubernetes.io/job-completion-index';

/** Whether a condition of the type is True. */
export function hasCondition(job: Readonly<JobObject>, type: string): boolean {
  return job.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
}

/** util.IsJobFinished: Complete or Failed is True. */
export function isJobFinished(job: Readonly<JobObject>): boolean {
  return hasCondition(job, 'Complete') || hasCondition(job, 'Failed');
}

/** When a finished Job finished: the lastTransitionTime of its Complete or Failed condition (ms). */
export function jobFinishTime(job: Readonly<JobObject>): number | undefined {
  const done = job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  const at = done?.lastTransitionTime ? Date.parse(done.lastTransitionTime) : NaN;
  return Number.isNaN(at) ? undefined : at;
}
