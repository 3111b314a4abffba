import { containerCells } from './container-cells.js';
import { formatLabelSelector } from '../selectors/index.js';
import { ageOf, humanDuration, parseTimestamp } from './human-duration.js';
import type { Job } from './workload-types.js';

/**
 * All cells of a job row: Name, Status, Completions, Duration, Age, Containers, Images, Selector
 * (upstream's printJob, 1.31+).
 */
export function jobCells(job: Job, now: number): unknown[] {
  const spec = job.spec;
  return [
    job.metadata?.name ?? '',
    jobStatus(job),
    completions(job),
    jobDuration(job, now),
    ageOf(job.metadata?.creationTimestamp, now),
    ...containerCells(spec?.template?.spec?.containers),
    formatLabelSelector(spec?.selector),
  ];
}

// `succeeded/completions`; a work-queue job (no completions) shows `/1`, with `of N` when parallel.
function completions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const wanted = job.spec?.completions;
  if (typeof wanted === 'number') return `${succeeded}/${wanted}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

// Running jobs count from startTime to now, finished ones to completionTime; no startTime, no cell.
function jobDuration(job: Job, now: number): string {
  const start = parseTimestamp(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTimestamp(job.status?.completionTime);
  return humanDuration((end ?? now) - start);
}

function jobStatus(job: Job): string {
  const has = (type: string): boolean => job.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  return 'Running';
}
