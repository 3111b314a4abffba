import { ApiError } from '../../errors/index.js';
import type { ReconcileResult } from '../runtime/index.js';
import { objectKey, splitKey } from '../runtime/index.js';
import { ControllerBase } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { isJobFinished, jobFinishTime, jobKind, type JobObject } from './job-types.js';

/**
 * The TTL-after-finished controller: a finished Job with `ttlSecondsAfterFinished` is deleted
 * (foreground, so its pods go first) that many seconds after its Complete or Failed condition,
 * on the cluster clock.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/pkg/controller/ttlafterfinished/ttlafterfinished_controller.go
 */
export class TTLAfterFinishedController extends ControllerBase {
  constructor(ctx: ControllerContext) {
    super('ttl-after-finished-controller', ctx);
  }

  protected setup(): void {
    const enqueue = (job: Readonly<JobObject>): void => {
      if (job.spec.ttlSecondsAfterFinished !== undefined && isJobFinished(job)) this.queue.enqueue(objectKey(job.metadata.namespace, job.metadata.name ?? ''));
    };
    this.watch(jobKind, (job) => enqueue(job as JobObject));
    for (const job of this.ctx.client.list<JobObject>(jobKind)) enqueue(job);
  }

  reconcile(key: string): ReconcileResult | void {
    const { namespace, name } = splitKey(key);
    const job = this.ctx.client.get<JobObject>(jobKind, namespace, name);
    if (!job || job.metadata.deletionTimestamp !== undefined) return;
    const ttl = job.spec.ttlSecondsAfterFinished;
    if (ttl === undefined || !isJobFinished(job)) return;
    const finishedAt = jobFinishTime(job);
    if (finishedAt === undefined) return;
    const remaining = finishedAt + ttl * 1000 - this.ctx.clock.now();
    if (remaining > 0) return { requeueAfterMs: remaining };
    try {
      this.ctx.client.delete(jobKind, namespace, name, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
    } catch (error) {
      if (error instanceof ApiError && (error.reason === 'NotFound' || error.reason === 'Conflict')) return;
      throw error;
    }
  }
}
