import { describe, expect, it } from 'vitest';
import { cronJobCells } from './cron-job-cells.js';
import { jobCells } from './job-cells.js';
import { ago, minute, now, second } from './test-clock.js';

const template = { spec: { containers: [{ name: 'pi', image: 'perl' }] } };
const metadata = { name: 'pi', namespace: 'default', creationTimestamp: ago(5 * minute) };

describe('jobCells', () => {
  it('prints status, completions, duration and the wide cells', () => {
    const job = {
      metadata,
      spec: { completions: 1, parallelism: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u' } }, template },
      status: { succeeded: 1, startTime: ago(5 * minute), completionTime: ago(5 * minute - 7 * second), conditions: [{ type: 'Complete', status: 'True' }] },
    };
    expect(jobCells(job, now)).toEqual(['pi', 'Complete', '1/1', '7s', '5m', 'pi', 'perl', 'batch.kubernetes.io/controller-uid=u']);
  });

  it('prints a running work queue job as succeeded/1 of parallelism, timing from startTime', () => {
    const job = { metadata, spec: { parallelism: 3, template }, status: { startTime: ago(90 * second) } };
    expect(jobCells(job, now).slice(1, 4)).toEqual(['Running', '0/1 of 3', '90s']);
    expect(jobCells({ metadata, spec: { parallelism: 1, template } }, now).slice(1, 4)).toEqual(['Running', '0/1', '']);
  });

  it('prefers Complete and Failed, then Terminating and Suspended', () => {
    const status = (type: string) => ({ conditions: [{ type, status: 'True' }] });
    expect(jobCells({ metadata, status: status('Failed') }, now)[1]).toBe('Failed');
    expect(jobCells({ metadata: { ...metadata, deletionTimestamp: ago(0) }, status: status('Suspended') }, now)[1]).toBe('Terminating');
    expect(jobCells({ metadata, status: status('Suspended') }, now)[1]).toBe('Suspended');
  });
});

describe('cronJobCells', () => {
  it('prints schedule, time zone, suspend, active jobs and last schedule', () => {
    const cronJob = {
      metadata: { ...metadata, name: 'hello' },
      spec: { schedule: '*/5 * * * *', timeZone: 'Etc/UTC', suspend: false, jobTemplate: { spec: { template } } },
      status: { active: [{ name: 'hello-1' }], lastScheduleTime: ago(2 * minute) },
    };
    expect(cronJobCells(cronJob, now)).toEqual(['hello', '*/5 * * * *', 'Etc/UTC', 'False', 1, '2m', '5m', 'pi', 'perl', '<none>']);
    expect(cronJobCells({ metadata, spec: { schedule: '@daily' } }, now).slice(1, 6)).toEqual(['@daily', '<none>', '<unset>', 0, '<none>']);
  });
});
