import { ApiError } from '../../errors/index.js';
import { cloneJson } from '../../util/clone-json.js';
import { deepEqual } from '../../util/deep-equal.js';
import { rfc3339 } from '../../util/time.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { ReconcileResult } from '../runtime/index.js';
import { splitKey } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { claimObjects, controllerRefOf, refersToKind } from '../shared/controller-ref.js';
import { kinds } from '../shared/kinds.js';
import type { PodObject } from '../shared/object-types.js';
import { isPodActive, isPodReady } from '../shared/pod-conditions.js';
import { formatIndexes, parseIndexes } from './completion-indexes.js';
import { completionIndexOf, hasTrackingFinalizer, isPodFailed, isPodTerminating, jobPod, removalOrder, restartCount } from './job-pods.js';
import { hasCondition, isJobFinished, jobKind, jobTrackingFinalizer, type JobCondition, type JobObject, type JobStatus } from './job-types.js';
import { PodBackoffStore, remainingBackoffMs, type BackoffRecord } from './pod-failure-backoff.js';
import { selectorSelects } from '../shared/selector-selects.js';
import { ownerEventsListener } from '../shared/owner-events.js';

/** What one sync learnt about a Job's pods. */
interface SyncState {
  readonly job: Readonly<JobObject>;
  readonly key: string;
  readonly pods: readonly Readonly<PodObject>[];
  active: number;
  ready: number;
  terminating: number;
  succeeded: number;
  /** Indexed Jobs: the succeeded indexes (previous ones and new). */
  succeededIndexes?: Set<number>;
  record: BackoffRecord;
  requeueAfterMs?: number;
}

const successReason = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' } as const;

/**
 * The Job controller (v1.33): runs a Job's pods from its template, up to `parallelism` at a
 * time until `completions` succeeded (NonIndexed or Indexed), replacing failed ones after the
 * pod failure back-off until `backoffLimit` or `activeDeadlineSeconds` is passed; honours
 * `suspend`. Pods carry the `batch.kubernetes.io/job-tracking` finalizer until counted (through
 * `status.uncountedTerminatedPods`). A finishing Job gets the interim SuccessCriteriaMet or
 * FailureTarget condition first, then Complete or Failed once no pod is terminating.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/job/job_controller.go
 */
export class JobController extends ControllerBase {
  readonly #recorder: EventRecorder;
  readonly #backoff = new PodBackoffStore();

  constructor(ctx: ControllerContext) {
    super('job-controller', ctx);
    this.#recorder = ctx.events.newRecorder({ component: 'job-controller' });
  }

  protected setup(): void {
    this.watchPrimary(jobKind);
    this.watch(kinds.pod, ownerEventsListener({ client: this.ctx.client, queue: this.queue, ownerKind: jobKind, selectorOf: (job) => (job as Readonly<JobObject>).spec.selector }));
  }

  reconcile(key: string): ReconcileResult | void {
    const { client } = this.ctx;
    const { namespace, name } = splitKey(key);
    const job = client.get<JobObject>(jobKind, namespace, name);
    // Pods of a Job that is gone (or was replaced) keep no finalizer (cleanupPodFinalizers).
    this.#releaseOrphans(namespace, name, job?.metadata.uid);
    if (!job) {
      this.#backoff.remove(key);
      return;
    }
    if (isJobFinished(job)) {
      this.#backoff.remove(key);
      for (const pod of this.#ownedPods(job)) if (hasTrackingFinalizer(pod)) this.#removeFinalizer(pod);
      return;
    }
    return this.#sync(key, job);
  }

  // syncJob.
  #sync(key: string, job: Readonly<JobObject>): ReconcileResult | void {
    const now = this.ctx.clock.now();
    const nowString = rfc3339(now);
    const pods = this.#podsForJob(job);
    const status: JobStatus = cloneJson(job.status ?? {});
    const uncounted = { succeeded: [...(status.uncountedTerminatedPods?.succeeded ?? [])], failed: [...(status.uncountedTerminatedPods?.failed ?? [])] };
    const indexed = job.spec.completionMode === 'Indexed';
    const completions = typeof job.spec.completions === 'number' ? job.spec.completions : undefined;
    const validIndex = (p: Readonly<PodObject>): boolean => !indexed || ((completionIndexOf(p) ?? Infinity) < (completions ?? 0));
    const counting = pods.filter((p) => hasTrackingFinalizer(p) && validIndex(p));
    const newSucceeded = counting.filter((p) => p.status?.phase === 'Succeeded' && !uncounted.succeeded.includes(p.metadata.uid ?? ''));
    const newFailed = counting.filter((p) => isPodFailed(p, job) && !uncounted.failed.includes(p.metadata.uid ?? ''));
    const activePods = pods.filter((p) => isPodActive(p));
    const state: SyncState = {
      job,
      key,
      pods,
      active: activePods.length,
      ready: activePods.filter((p) => isPodReady(p)).length,
      terminating: pods.filter(isPodTerminating).length,
      succeeded: (status.succeeded ?? 0) + newSucceeded.length + uncounted.succeeded.length,
      record: this.#backoff.next(key, newSucceeded, newFailed, now),
    };
    const failed = (status.failed ?? 0) + newFailed.length + uncounted.failed.length;
    const previousIndexes = indexed ? parseIndexes(status.completedIndexes, completions ?? 0) : undefined;
    if (previousIndexes) {
      state.succeededIndexes = new Set(previousIndexes);
      for (const p of pods) if (p.status?.phase === 'Succeeded' && hasTrackingFinalizer(p) && validIndex(p)) state.succeededIndexes.add(completionIndexOf(p)!);
      state.succeeded = state.succeededIndexes.size;
    }
    const suspended = job.spec.suspend === true;
    if (status.startTime === undefined && !suspended) status.startTime = nowString;

    let finished: JobCondition | undefined = status.conditions?.find((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True');
    if (!finished) {
      const target = status.conditions?.find((c) => c.type === 'FailureTarget' && c.status === 'True');
      if (target) finished = newCondition('Failed', target.reason ?? '', target.message ?? '', nowString);
      else if (failed > (job.spec.backoffLimit ?? 6) || this.#pastBackoffLimitOnFailure(job, pods)) {
        finished = newCondition('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', nowString);
      } else if (pastActiveDeadline(job, status, now)) {
        finished = newCondition('FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline', nowString);
      } else if (job.spec.activeDeadlineSeconds !== undefined && !suspended && status.startTime) {
        state.requeueAfterMs = Date.parse(status.startTime) + job.spec.activeDeadlineSeconds * 1000 - now;
      }
    }

    if (finished) {
      // deleteActivePods: the finalizers stay, so the deleted pods are counted below.
      for (const pod of activePods) {
        if (this.#deletePod(job, pod)) {
          state.active--;
          state.terminating++;
          if (isPodReady(pod)) state.ready--;
        }
      }
    } else {
      const managed = job.metadata.deletionTimestamp === undefined;
      if (managed) this.#manage(state, activePods);
      const complete = completions === undefined ? state.succeeded > 0 && state.active === 0 : state.succeeded >= completions && state.active === 0;
      if (complete) finished = newCondition('SuccessCriteriaMet', successReason.reason, successReason.message, nowString);
      else if (managed) this.#suspendCondition(job, status, nowString);
    }
    status.active = state.active;
    status.ready = state.ready;
    status.terminating = state.terminating;

    // trackJobStatusAndRemoveFinalizers: record finished pods as uncounted, drop their finalizers, count them.
    const toRelease: Readonly<PodObject>[] = [];
    for (const pod of pods) {
      if (!hasTrackingFinalizer(pod)) continue;
      const uid = pod.metadata.uid ?? '';
      const considerFailed = isPodFailed(pod, job);
      if (!(job.metadata.deletionTimestamp !== undefined || finished || pod.status?.phase === 'Succeeded' || considerFailed)) continue;
      toRelease.push(pod);
      if (pod.status?.phase === 'Succeeded' && !uncounted.failed.includes(uid)) {
        if (!indexed && !uncounted.succeeded.includes(uid)) uncounted.succeeded.push(uid);
      } else if (considerFailed || (finished && finished.type !== 'SuccessCriteriaMet')) {
        // When the Job is finishing, every pod not yet succeeded counts as failed.
        if (!uncounted.failed.includes(uid) && validIndex(pod)) uncounted.failed.push(uid);
      }
    }
    if (state.succeededIndexes) {
      status.completedIndexes = formatIndexes(state.succeededIndexes);
      status.succeeded = state.succeededIndexes.size;
    }
    if (finished?.type === 'FailureTarget') {
      status.conditions = [...(status.conditions ?? []), finished];
      finished = newCondition('Failed', finished.reason ?? '', finished.message ?? '', nowString);
    }
    if (finished?.type === 'SuccessCriteriaMet') {
      if (!hasCondition({ ...job, status }, 'SuccessCriteriaMet')) status.conditions = [...(status.conditions ?? []), finished];
      finished = newCondition('Complete', finished.reason ?? '', finished.message ?? '', nowString);
    }
    status.uncountedTerminatedPods = uncountedField(uncounted);
    let current = this.#writeStatus(job, status);
    this.#backoff.update(key, state.record);

    for (const pod of toRelease) this.#removeFinalizer(pod);
    const next: JobStatus = cloneJson(current.status ?? {});
    next.succeeded = (next.succeeded ?? 0) + (indexed ? 0 : uncounted.succeeded.length);
    next.failed = (next.failed ?? 0) + uncounted.failed.length;
    next.uncountedTerminatedPods = {};
    // enactJobFinished: only once everything is counted and no pod is terminating.
    let done = false;
    const final = finished;
    if (final && state.terminating === 0) {
      done = true;
      next.conditions = [...(next.conditions ?? []).filter((c) => c.type !== final.type), final];
      if (final.type === 'Complete') next.completionTime = final.lastTransitionTime ?? nowString;
    }
    current = this.#writeStatus(current, next);
    if (done && finished) {
      if (finished.type === 'Complete') {
        if (completions !== undefined && (current.status?.succeeded ?? 0) > completions) {
          this.#recorder.event(current, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
        }
        this.#recorder.event(current, 'Normal', 'Completed', 'Job completed');
      } else {
        this.#recorder.event(current, 'Warning', finished.reason ?? '', finished.message ?? '');
      }
    }
    return state.requeueAfterMs !== undefined ? { requeueAfterMs: Math.max(0, state.requeueAfterMs) } : undefined;
  }

  // manageJob: delete what is too much (or everything, when suspended), create what is missing.
  #manage(state: SyncState, activePods: readonly Readonly<PodObject>[]): void {
    const { job } = state;
    const now = this.ctx.clock.now();
    if (job.spec.suspend === true) {
      this.#deleteJobPods(state, [...activePods].sort(removalOrder));
      return;
    }
    const parallelism = job.spec.parallelism ?? 1;
    const completions = typeof job.spec.completions === 'number' ? job.spec.completions : undefined;
    let wantActive: number;
    if (completions === undefined) wantActive = state.succeeded > 0 ? state.active : parallelism;
    else wantActive = Math.max(0, Math.min(completions - state.succeeded, parallelism));
    const toDelete = this.#podsForRemoval(state, activePods, Math.max(0, state.active - wantActive));
    if (toDelete.length > 0) {
      this.#deleteJobPods(state, toDelete);
      return;
    }
    const terminating = job.spec.podReplacementPolicy === 'Failed' ? state.terminating : 0;
    let diff = wantActive - terminating - state.active;
    if (diff <= 0) return;
    const remaining = remainingBackoffMs(state.record, now);
    if (remaining > 0) {
      state.requeueAfterMs = Math.min(state.requeueAfterMs ?? Infinity, remaining);
      return;
    }
    let indexes: (number | undefined)[] = Array.from({ length: diff }, () => undefined);
    if (state.succeededIndexes) {
      indexes = firstPendingIndexes(state.succeededIndexes, activePods, diff, completions ?? 0);
      diff = indexes.length;
    }
    for (const index of indexes) {
      const pod = jobPod(job, index);
      try {
        const created = this.ctx.client.create(kinds.pod, pod);
        state.active++;
        this.#recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
      } catch (error) {
        if (error instanceof ApiError && error.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return;
        this.#recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
        throw error;
      }
    }
  }

  // activePodsForRemoval: for Indexed Jobs first pods without a valid index and duplicates of an index.
  #podsForRemoval(state: SyncState, activePods: readonly Readonly<PodObject>[], rmAtLeast: number): Readonly<PodObject>[] {
    const rm: Readonly<PodObject>[] = [];
    let left = [...activePods];
    if (state.succeededIndexes) {
      const completions = typeof state.job.spec.completions === 'number' ? state.job.spec.completions : 0;
      const seen = new Set<number>();
      left = [];
      // The pod furthest along in each index stays.
      for (const pod of [...activePods].sort((a, b) => removalOrder(b, a))) {
        const index = completionIndexOf(pod);
        if (index === undefined || index >= completions || seen.has(index)) rm.push(pod);
        else {
          seen.add(index);
          left.push(pod);
        }
      }
    }
    if (rm.length < rmAtLeast) rm.push(...left.sort(removalOrder).slice(0, rmAtLeast - rm.length));
    return rm;
  }

  // deleteJobPods: the finalizer goes first, so a pod removed on purpose does not count as failed.
  #deleteJobPods(state: SyncState, pods: readonly Readonly<PodObject>[]): void {
    for (const pod of pods) {
      if (hasTrackingFinalizer(pod)) this.#removeFinalizer(pod);
      if (this.#deletePod(state.job, pod)) {
        state.active--;
        state.terminating++;
        if (isPodReady(pod)) state.ready--;
      }
    }
  }

  #deletePod(job: Readonly<JobObject>, pod: Readonly<PodObject>): boolean {
    try {
      this.ctx.client.delete(kinds.pod, pod.metadata.namespace ?? '', pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
      this.#recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'NotFound') return true;
      this.#recorder.event(job, 'Warning', 'FailedDelete', `Error deleting: ${(error as Error).message}`);
      throw error;
    }
  }

  #removeFinalizer(pod: Readonly<PodObject>): void {
    const current = this.ctx.client.get<PodObject>(kinds.pod, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
    if (!current || current.metadata.uid !== pod.metadata.uid || !hasTrackingFinalizer(current)) return;
    const next = cloneJson(current) as PodObject;
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== jobTrackingFinalizer);
    if (next.metadata.finalizers.length === 0) delete next.metadata.finalizers;
    try {
      this.ctx.client.update(kinds.pod, next);
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'NotFound') return;
      throw error;
    }
  }

  #writeStatus(job: Readonly<JobObject>, status: JobStatus): Readonly<JobObject> {
    const clean = withoutZeroCounters(status);
    if (deepEqual(clean, job.status ?? {})) return job;
    return this.ctx.client.updateStatus<JobObject>(jobKind, { ...cloneJson(job), status: clean } as JobObject);
  }

  // The Suspended condition (JobSuspended / JobResumed); resuming restarts the active deadline.
  #suspendCondition(job: Readonly<JobObject>, status: JobStatus, now: string): void {
    if (job.spec.suspend === true) {
      if (ensureCondition(status, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now)) this.#recorder.event(job, 'Normal', 'Suspended', 'Job suspended');
    } else if (ensureCondition(status, 'Suspended', 'False', 'JobResumed', 'Job resumed', now)) {
      this.#recorder.event(job, 'Normal', 'Resumed', 'Job resumed');
      status.startTime = now;
    }
  }

  #pastBackoffLimitOnFailure(job: Readonly<JobObject>, pods: readonly Readonly<PodObject>[]): boolean {
    if (job.spec.template?.spec?.restartPolicy !== 'OnFailure') return false;
    const restarts = pods.reduce((n, p) => n + restartCount(p), 0);
    const limit = job.spec.backoffLimit ?? 6;
    return limit === 0 ? restarts > 0 : restarts >= limit;
  }

  #ownedPods(job: Readonly<JobObject>): Readonly<PodObject>[] {
    return this.ctx.client.list<PodObject>(kinds.pod, job.metadata.namespace ?? '', (p) => controllerRefOf(p)?.uid === job.metadata.uid);
  }

  // getPodsForJob: claims pods by the Job's selector.
  #podsForJob(job: Readonly<JobObject>): Readonly<PodObject>[] {
    const { client } = this.ctx;
    return claimObjects<PodObject>(
      { client, owner: job, ownerKind: jobKind, kind: kinds.pod, matches: (p) => selectorSelects(job.spec.selector, p) },
      client.list<PodObject>(kinds.pod, job.metadata.namespace ?? ''),
    );
  }

  #releaseOrphans(namespace: string, name: string, uid: string | undefined): void {
    const orphans = this.ctx.client.list<PodObject>(kinds.pod, namespace, (p) => {
      const ref = controllerRefOf(p);
      return hasTrackingFinalizer(p) && ref !== undefined && refersToKind(ref, jobKind) && ref.name === name && ref.uid !== uid;
    });
    for (const pod of orphans) this.#removeFinalizer(pod);
  }
}

function newCondition(type: string, reason: string, message: string, now: string): JobCondition {
  return { type, status: 'True', lastProbeTime: now, lastTransitionTime: now, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

// ensureJobConditionStatus: updates a condition whose status, reason or message changed; never adds a False one.
function ensureCondition(status: JobStatus, type: string, value: string, reason: string, message: string, now: string): boolean {
  const conditions = status.conditions ?? [];
  const index = conditions.findIndex((c) => c.type === type);
  const old = conditions[index];
  const next = { ...newCondition(type, reason, message, now), status: value };
  if (old) {
    if (old.status === value && old.reason === reason && old.message === message) return false;
    status.conditions = conditions.map((c, i) => (i === index ? next : c));
    return true;
  }
  if (value === 'False') return false;
  status.conditions = [...conditions, next];
  return true;
}

function pastActiveDeadline(job: Readonly<JobObject>, status: JobStatus, now: number): boolean {
  if (job.spec.activeDeadlineSeconds === undefined || !status.startTime || job.spec.suspend === true) return false;
  return now - Date.parse(status.startTime) >= job.spec.activeDeadlineSeconds * 1000;
}

// firstPendingIndexes: the lowest indexes neither succeeded nor running.
function firstPendingIndexes(succeeded: ReadonlySet<number>, activePods: readonly Readonly<PodObject>[], count: number, completions: number): number[] {
  const running = new Set(activePods.map(completionIndexOf).filter((i): i is number => i !== undefined));
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!succeeded.has(i) && !running.has(i)) out.push(i);
  return out;
}

// UncountedTerminatedPods: empty lists are omitted.
function uncountedField(uncounted: { succeeded: string[]; failed: string[] }): NonNullable<JobStatus['uncountedTerminatedPods']> {
  return { ...(uncounted.succeeded.length > 0 ? { succeeded: uncounted.succeeded } : {}), ...(uncounted.failed.length > 0 ? { failed: uncounted.failed } : {}) };
}

// active, succeeded and failed are omitempty; ready and terminating are pointers and stay at 0.
function withoutZeroCounters(status: JobStatus): JobStatus {
  const out = { ...status };
  for (const field of ['active', 'succeeded', 'failed'] as const) if (!out[field]) delete out[field];
  return out;
}

