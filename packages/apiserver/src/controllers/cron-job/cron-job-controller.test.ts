import { afterEach, describe, expect, it } from 'vitest';
import { cloneJson } from '../../util/clone-json.js';
import { rfc3339 } from '../../util/time.js';
import { kinds } from '../shared/kinds.js';
import { testCluster, type TestCluster } from '../shared/test-cluster.js';
import { jobKind, type JobObject } from '../job/job-types.js';
import { CronJobController } from './cron-job-controller.js';
import { cronJobKind, type CronJobObject } from './cron-job-template.js';
import { formatRFC1123Z, formatRFC3339In } from './schedule-times.js';

const minute = 60_000;
// 2024-01-01T00:00:00Z in minutes since the epoch.
const t0 = 28_401_120;

const cronJob = (spec: Partial<CronJobObject['spec']> = {}): CronJobObject => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'hello', namespace: 'default' },
  spec: {
    schedule: '*/1 * * * *',
    jobTemplate: { metadata: { labels: { team: 'a' } }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox', command: ['echo', 'hi'] }] } } } },
    ...spec,
  },
});

describe('CronJob controller', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const setup = (spec: Partial<CronJobObject['spec']> = {}): Readonly<CronJobObject> => {
    t = testCluster();
    t.start(new CronJobController(t.ctx));
    const created = t.client.create(cronJobKind, cronJob(spec));
    // One second in, so each later whole minute passes a scheduled time (woken 100 ms after it).
    t.clock.advance(1_000);
    return created;
  };
  const cj = (): Readonly<CronJobObject> => t.client.get<CronJobObject>(cronJobKind, 'default', 'hello')!;
  const jobs = (): string[] => t.client.list<JobObject>(jobKind, 'default', (j) => !j.metadata.deletionTimestamp).map((j) => j.metadata.name!);
  const events = (): string[] =>
    t.client
      .list(kinds.event, 'default')
      .map((e) => e as unknown as { reason: string; message: string })
      .map((e) => `${e.reason}: ${e.message}`);
  const finishJob = (name: string, type: 'Complete' | 'Failed'): void => {
    const job = t.client.get<JobObject>(jobKind, 'default', name)!;
    const now = rfc3339(t.clock.now());
    const status = {
      startTime: now,
      conditions: [{ type, status: 'True', lastProbeTime: now, lastTransitionTime: now }],
      ...(type === 'Complete' ? { completionTime: now, succeeded: 1 } : { failed: 1 }),
    };
    t.client.updateStatus(jobKind, { ...cloneJson(job), status } as JobObject);
  };

  it('creates a Job at each scheduled minute, named by the minute, and tracks it', async () => {
    const created = setup();
    await t.settle();
    expect(jobs()).toEqual([]);
    await t.advance(minute);
    const name = `hello-${t0 + 1}`;
    expect(jobs()).toEqual([name]);
    const job = t.client.get<JobObject>(jobKind, 'default', name)!;
    expect(job.metadata.labels).toMatchObject({ team: 'a' });
    expect(job.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2024-01-01T00:01:00Z' });
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: created.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(job.spec.template?.spec?.containers[0]?.command).toEqual(['echo', 'hi']);
    expect(cj().status).toEqual({
      active: [{ kind: 'Job', namespace: 'default', name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: expect.any(String) }],
      lastScheduleTime: '2024-01-01T00:01:00Z',
    });
    await t.advance(10_000);
    finishJob(name, 'Complete');
    await t.settle();
    expect(cj().status?.active).toBeUndefined();
    expect(cj().status?.lastSuccessfulTime).toBe('2024-01-01T00:01:11Z');
    expect(events()).toEqual([`SuccessfulCreate: Created job ${name}`, `SawCompletedJob: Saw completed job: ${name}, condition: Complete`]);
  });

  it('Forbid skips a run while one is active; Replace deletes it', async () => {
    setup({ concurrencyPolicy: 'Forbid' });
    await t.advance(minute);
    await t.advance(minute);
    expect(jobs()).toEqual([`hello-${t0 + 1}`]);
    expect(events()).toContain('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');
    t.client.mergePatch(cronJobKind, 'default', 'hello', { spec: { concurrencyPolicy: 'Replace' } });
    await t.advance(minute);
    expect(jobs()).toEqual([`hello-${t0 + 3}`]);
    expect(events()).toContain(`SuccessfulDelete: Deleted job hello-${t0 + 1}`);
    expect(cj().status?.active?.map((r) => r.name)).toEqual([`hello-${t0 + 3}`]);
  });

  it('Allow runs concurrently; history limits delete the oldest finished Jobs', async () => {
    setup({ successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 1 });
    for (let i = 0; i < 3; i++) await t.advance(minute);
    expect(jobs()).toHaveLength(3);
    finishJob(`hello-${t0 + 1}`, 'Complete');
    await t.advance(1_000);
    finishJob(`hello-${t0 + 2}`, 'Complete');
    finishJob(`hello-${t0 + 3}`, 'Failed');
    await t.settle();
    expect(jobs()).toEqual([`hello-${t0 + 2}`, `hello-${t0 + 3}`]);
    expect(events()).toContain(`SuccessfulDelete: Deleted job hello-${t0 + 1}`);
  });

  it('suspend stops scheduling; a missed start past startingDeadlineSeconds is skipped', async () => {
    setup({ suspend: true, startingDeadlineSeconds: 30 });
    await t.advance(5 * minute);
    expect(jobs()).toEqual([]);
    t.client.mergePatch(cronJobKind, 'default', 'hello', { spec: { suspend: false } });
    await t.settle();
    // 00:05:00 is due and within 30 s: it runs now.
    expect(jobs()).toEqual([`hello-${t0 + 5}`]);
    t.client.mergePatch(cronJobKind, 'default', 'hello', { spec: { suspend: true } });
    await t.advance(minute + 45_000);
    t.client.mergePatch(cronJobKind, 'default', 'hello', { spec: { suspend: false } });
    await t.settle();
    // 00:06:00 was 46 s ago, past the 30 s deadline: skipped; the next run is 00:07:00.
    expect(jobs()).toEqual([`hello-${t0 + 5}`]);
    await t.advance(15_000);
    expect(jobs()).toEqual([`hello-${t0 + 5}`, `hello-${t0 + 7}`]);
  });

  it('schedules in the CronJob time zone', async () => {
    setup({ schedule: '30 9 * * *', timeZone: 'Asia/Tokyo' });
    // 09:30 in Tokyo is 00:30 UTC.
    await t.advance(30 * minute);
    expect(jobs()).toEqual([`hello-${t0 + 30}`]);
    const job = t.client.get<JobObject>(jobKind, 'default', `hello-${t0 + 30}`)!;
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2024-01-01T09:30:00+09:00');
  });

  it('formats times as Go does', () => {
    const at = Date.parse('2024-03-05T07:08:09Z');
    expect(formatRFC3339In(at, undefined)).toBe('2024-03-05T07:08:09Z');
    expect(formatRFC3339In(at, 'America/New_York')).toBe('2024-03-05T02:08:09-05:00');
    expect(formatRFC1123Z(at, 'Asia/Kolkata')).toBe('Tue, 05 Mar 2024 12:38:09 +0530');
  });
});
