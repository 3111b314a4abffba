import type { ObjectReference } from '@minik/types';
import { ApiError } from '../../errors/index.js';
import { isKnownTimeZone, nextCronTime, parseCronSchedule, type CronSchedule } from '../../resources/strategies/cron-schedule.js';
import { cloneJson } from '../../util/clone-json.js';
import { deepEqual } from '../../util/deep-equal.js';
import { rfc3339 } from '../../util/time.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { isJobFinished, jobKind, type JobObject } from '../job/job-types.js';
import type { ReconcileResult } from '../runtime/index.js';
import { objectKey, splitKey } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { controllerRefOf, newControllerRef, refersToKind } from '../shared/controller-ref.js';
import { cronJobKind, jobName, jobFromTemplate, type CronJobObject, type CronJobStatus } from './cron-job-template.js';
import { formatRFC1123Z, mostRecentScheduleTime } from './schedule-times.js';

// nextScheduleDelta: wake a little after the scheduled time, so the time has surely come.
const nextScheduleDeltaMs = 100;

/**
 * The CronJob controller (v2): on the cluster clock, creates a Job `<cronjob>-<minutes since
 * epoch>` from the job template at each scheduled time, honouring suspend,
 * startingDeadlineSeconds, concurrencyPolicy and timeZone; tracks the active Jobs, the last
 * schedule and the last success; deletes finished Jobs beyond the history limits.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/cronjob/cronjob_controllerv2.go
 */
export class CronJobController extends ControllerBase {
  readonly #recorder: EventRecorder;

  constructor(ctx: ControllerContext) {
    super('cronjob-controller', ctx);
    this.#recorder = ctx.events.newRecorder({ component: 'cronjob-controller' });
  }

  protected setup(): void {
    this.watchPrimary(cronJobKind);
    this.watch(jobKind, (job, event) => {
      for (const obj of [job, event.previous?.object]) {
        const ref = controllerRefOf(obj);
        if (ref && refersToKind(ref, cronJobKind)) this.queue.enqueue(objectKey(job.metadata.namespace, ref.name));
      }
    });
  }

  reconcile(key: string): ReconcileResult | void {
    const { client } = this.ctx;
    const { namespace, name } = splitKey(key);
    const cronJob = client.get<CronJobObject>(cronJobKind, namespace, name);
    if (!cronJob) return;
    const jobs = client.list<JobObject>(jobKind, namespace, (j) => controllerRefOf(j)?.uid === cronJob.metadata.uid);
    const status: CronJobStatus = cloneJson(cronJob.status ?? {});
    const requeueAfterMs = this.#sync(cronJob, jobs, status);
    this.#cleanupFinishedJobs(cronJob, status);
    if (!deepEqual(status, cronJob.status ?? {})) {
      const next = { ...cloneJson(cronJob), status } as CronJobObject;
      if (next.status?.active?.length === 0) delete next.status.active;
      client.updateStatus(cronJobKind, next);
    }
    return requeueAfterMs === undefined ? undefined : { requeueAfterMs };
  }

  // syncCronJob: returns when to look again.
  #sync(cronJob: Readonly<CronJobObject>, jobs: readonly Readonly<JobObject>[], status: CronJobStatus): number | undefined {
    const { client } = this.ctx;
    const active = (status.active ??= []);
    const children = new Set(jobs.map((j) => j.metadata.uid));
    for (const job of jobs) {
      const index = active.findIndex((ref) => ref.uid === job.metadata.uid);
      if (index < 0 && !isJobFinished(job)) {
        this.#recorder.event(cronJob, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata.name}`);
      } else if (index >= 0 && isJobFinished(job)) {
        const condition = job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
        active.splice(index, 1);
        this.#recorder.event(cronJob, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${condition?.type ?? ''}`);
      } else if (isJobFinished(job)) {
        // A finished Job need not be active to count for the last success.
        const completed = job.status?.completionTime;
        if (completed && (!status.lastSuccessfulTime || Date.parse(completed) > Date.parse(status.lastSuccessfulTime))) status.lastSuccessfulTime = completed;
      }
    }
    // Active Jobs that are gone.
    for (const ref of [...active]) {
      if (children.has(ref.uid)) continue;
      const job = client.get<JobObject>(jobKind, ref.namespace ?? '', ref.name ?? '');
      if (!job || job.metadata.uid !== ref.uid) {
        this.#recorder.event(cronJob, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
        active.splice(active.indexOf(ref), 1);
      }
    }
    if (cronJob.metadata.deletionTimestamp !== undefined) return undefined;
    const timeZone = cronJob.spec.timeZone ?? undefined;
    if (timeZone !== undefined && !isKnownTimeZone(timeZone)) {
      this.#recorder.event(cronJob, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${timeZone}": unknown time zone ${timeZone}`);
      return undefined;
    }
    if (cronJob.spec.suspend === true) return undefined;
    let schedule: CronSchedule;
    try {
      schedule = parseCronSchedule(cronJob.spec.schedule ?? '');
    } catch (error) {
      this.#recorder.event(cronJob, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cronJob.spec.schedule}" : ${(error as Error).message}`);
      return undefined;
    }
    const now = this.ctx.clock.now();
    const recent = mostRecentScheduleTime(cronJob, status, schedule, now);
    if (recent.missed > 100) {
      this.#recorder.event(cronJob, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${recent.missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
    }
    const untilNext = (): number | undefined => {
      const next = nextCronTime(schedule, Math.max(now, recent.time ?? now), timeZone);
      return next === undefined ? undefined : next + nextScheduleDeltaMs - now;
    };
    const scheduledTime = recent.time;
    if (scheduledTime === undefined) return untilNext();
    const deadline = cronJob.spec.startingDeadlineSeconds;
    // Rare: the search above already starts no earlier than the deadline allows.
    if (typeof deadline === 'number' && scheduledTime + deadline * 1000 < now) {
      this.#recorder.event(cronJob, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRFC1123Z(scheduledTime, undefined)}`);
      return untilNext();
    }
    const name = jobName(cronJob, scheduledTime);
    if (active.some((ref) => ref.name === name) || (status.lastScheduleTime !== undefined && Date.parse(status.lastScheduleTime) === scheduledTime)) return untilNext();
    if (cronJob.spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
      this.#recorder.event(cronJob, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return untilNext();
    }
    if (cronJob.spec.concurrencyPolicy === 'Replace') {
      for (const ref of [...active]) {
        const job = client.get<JobObject>(jobKind, ref.namespace ?? '', ref.name ?? '');
        if (job && job.metadata.uid === ref.uid) this.#deleteJob(cronJob, job);
        active.splice(active.indexOf(ref), 1);
      }
    }
    let created: Readonly<JobObject>;
    try {
      created = client.create(jobKind, jobFromTemplate(cronJob, scheduledTime, newControllerRef(cronJob, cronJobKind)));
    } catch (error) {
      // The Job of this time exists already: someone else created it and updated the status.
      if (error instanceof ApiError && error.reason === 'AlreadyExists') return untilNext();
      if (error instanceof ApiError && error.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return undefined;
      this.#recorder.event(cronJob, 'Warning', 'FailedCreate', `Error creating job: ${(error as Error).message}`);
      throw error;
    }
    this.#recorder.event(cronJob, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
    const ref: ObjectReference = {
      kind: 'Job',
      namespace: created.metadata.namespace,
      name: created.metadata.name,
      uid: created.metadata.uid,
      apiVersion: 'batch/v1',
      resourceVersion: created.metadata.resourceVersion,
    };
    active.push(ref);
    status.lastScheduleTime = rfc3339(scheduledTime);
    return untilNext();
  }

  // cleanupFinishedJobs: the oldest finished Jobs beyond each history limit go.
  #cleanupFinishedJobs(cronJob: Readonly<CronJobObject>, status: CronJobStatus): void {
    if (cronJob.metadata.deletionTimestamp !== undefined) return;
    const jobs = this.ctx.client.list<JobObject>(jobKind, cronJob.metadata.namespace ?? '', (j) => controllerRefOf(j)?.uid === cronJob.metadata.uid && !j.metadata.deletionTimestamp);
    const succeeded = (j: Readonly<JobObject>): boolean => j.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True') ?? false;
    const failed = (j: Readonly<JobObject>): boolean => j.status?.conditions?.some((c) => c.type === 'Failed' && c.status === 'True') ?? false;
    const limits: [(j: Readonly<JobObject>) => boolean, number | undefined][] = [
      [succeeded, cronJob.spec.successfulJobsHistoryLimit],
      [failed, cronJob.spec.failedJobsHistoryLimit],
    ];
    for (const [matches, limit] of limits) {
      if (typeof limit !== 'number') continue;
      // byJobStartTime: oldest start first, unstarted last, then by name.
      const finished = jobs.filter(matches).sort((a, b) => startOf(a) - startOf(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
      for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
        this.#deleteJob(cronJob, job);
        status.active = (status.active ?? []).filter((ref) => ref.uid !== job.metadata.uid);
      }
    }
  }

  #deleteJob(cronJob: Readonly<CronJobObject>, job: Readonly<JobObject>): void {
    try {
      this.ctx.client.delete(jobKind, job.metadata.namespace ?? '', job.metadata.name ?? '', { propagationPolicy: 'Background' });
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'NotFound') return;
      this.#recorder.event(cronJob, 'Warning', 'FailedDelete', `Deleted job: ${(error as Error).message}`);
      throw error;
    }
    this.#recorder.event(cronJob, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
  }
}

function startOf(job: Readonly<JobObject>): number {
  const start = job.status?.startTime ? Date.parse(job.status.startTime) : NaN;
  return Number.isNaN(start) ? Infinity : start;
}
