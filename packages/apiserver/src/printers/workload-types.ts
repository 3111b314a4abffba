import type { Container, LabelSelector, ObjectMeta, ObjectReference } from '@minik/types';

/*
 * The parts of apps/v1 StatefulSet and DaemonSet and batch/v1 Job and CronJob the printers read.
 * @minik/types does not re-export these models, so they are described structurally here.
 */

/** The pod template fields the printers read. */
interface PrintedPodTemplate {
  spec?: { containers?: Container[]; nodeSelector?: Record<string, string> };
}

/** apps/v1 StatefulSet, as far as its printer reads it. */
export interface StatefulSet {
  metadata?: ObjectMeta;
  spec?: { replicas?: number; template?: PrintedPodTemplate };
  status?: { readyReplicas?: number };
}

/** apps/v1 DaemonSet, as far as its printer reads it. */
export interface DaemonSet {
  metadata?: ObjectMeta;
  spec?: { selector?: LabelSelector; template?: PrintedPodTemplate };
  status?: {
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    numberReady?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
  };
}

/** batch/v1 JobSpec, as far as the Job and CronJob printers read it. */
interface PrintedJobSpec {
  completions?: number | null;
  parallelism?: number | null;
  selector?: LabelSelector;
  template?: PrintedPodTemplate;
}

/** batch/v1 Job, as far as its printer reads it. */
export interface Job {
  metadata?: ObjectMeta;
  spec?: PrintedJobSpec;
  status?: {
    succeeded?: number;
    startTime?: string;
    completionTime?: string;
    conditions?: { type: string; status: string }[];
  };
}

/** batch/v1 CronJob, as far as its printer reads it. */
export interface CronJob {
  metadata?: ObjectMeta;
  spec?: { schedule?: string; timeZone?: string | null; suspend?: boolean | null; jobTemplate?: { spec?: PrintedJobSpec } };
  status?: { active?: ObjectReference[]; lastScheduleTime?: string };
}
