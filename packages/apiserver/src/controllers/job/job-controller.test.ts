import { afterEach, describe, expect, it } from 'vitest';
import { cloneJson } from '../../util/clone-json.js';
import { rfc3339 } from '../../util/time.js';
import { kinds } from '../shared/kinds.js';
import type { PodObject } from '../shared/object-types.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { formatIndexes, parseIndexes } from './completion-indexes.js';
import { JobController } from './job-controller.js';
import { jobKind, type JobObject, type JobSpec } from './job-types.js';
import { TTLAfterFinishedController } from './ttl-after-finished-controller.js';

const job = (spec: Partial<JobSpec> = {}, name = 'pi'): JobObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'default' },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hi'] }] } }, ...spec },
});

describe('Job controller', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const setup = (): TestCluster => {
    t = testCluster();
    t.start(new JobController(t.ctx), new TTLAfterFinishedController(t.ctx));
    return t;
  };
  const get = (name = 'pi'): Readonly<JobObject> => t.client.get<JobObject>(jobKind, 'default', name)!;
  const pods = (name = 'pi'): Readonly<PodObject>[] => t.client.list<PodObject>(kinds.pod, 'default', (p) => p.metadata.labels?.['job-name'] === name);
  const live = (name = 'pi'): Readonly<PodObject>[] => pods(name).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const events = (): string[] =>
    t.client
      .list(kinds.event, 'default')
      .map((e) => e as unknown as { involvedObject: { kind: string }; reason: string; message: string })
      .filter((e) => e.involvedObject.kind === 'Job')
      .map((e) => `${e.reason}: ${e.message}`);
  /** What the kubelet reports when the container ends: Succeeded on exit 0, else Failed. */
  const finish = (name: string, exitCode: number): void => {
    const running = runPod(t, 'default', name);
    const now = rfc3339(t.clock.now());
    const status = {
      ...cloneJson(running.status),
      phase: exitCode === 0 ? 'Succeeded' : 'Failed',
      containerStatuses: [{ name: 'c', ready: false, restartCount: 0, image: 'busybox', imageID: '', state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: now, finishedAt: now } } }],
    };
    t.client.updateStatus(kinds.pod, { ...cloneJson(running), status } as PodObject);
  };

  it('runs one pod to completion: tracking finalizer, counted, SuccessCriteriaMet then Complete', async () => {
    setup();
    const created = t.client.create(jobKind, job());
    await t.settle();
    const [pod] = pods();
    expect(pods()).toHaveLength(1);
    expect(pod!.metadata.generateName).toBe('pi-');
    expect(pod!.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(pod!.metadata.labels).toMatchObject({ 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': created.metadata.uid });
    expect(pod!.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: created.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(get().status).toEqual({ startTime: '2024-01-01T00:00:00Z', active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    await t.advance(5_000);
    finish(pod!.metadata.name!, 0);
    await t.settle();
    const status = get().status!;
    expect(status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {}, completionTime: '2024-01-01T00:00:05Z' });
    expect(status.active).toBeUndefined();
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    expect(pods()[0]!.metadata.finalizers).toBeUndefined();
    expect(events()).toEqual([`SuccessfulCreate: Created pod: ${pod!.metadata.name}`, 'Completed: Job completed']);
  });

  it('keeps parallelism pods running until completions succeeded', async () => {
    setup();
    t.client.create(jobKind, job({ completions: 3, parallelism: 2 }));
    await t.settle();
    expect(live()).toHaveLength(2);
    finish(live()[0]!.metadata.name!, 0);
    await t.settle();
    expect(live()).toHaveLength(2);
    expect(get().status).toMatchObject({ succeeded: 1, active: 2 });
    for (const p of live()) finish(p.metadata.name!, 0);
    await t.settle();
    expect(live()).toHaveLength(0);
    expect(get().status).toMatchObject({ succeeded: 3 });
    expect(get().status?.conditions?.at(-1)?.type).toBe('Complete');
  });

  it('replaces failed pods after the back-off, and fails past backoffLimit', async () => {
    setup();
    t.client.create(jobKind, job({ backoffLimit: 1 }));
    await t.settle();
    finish(pods()[0]!.metadata.name!, 1);
    await t.settle();
    expect(get().status).toMatchObject({ failed: 1 });
    // The replacement waits 10 s after the failure.
    expect(live()).toHaveLength(0);
    await t.advance(10_000);
    expect(live()).toHaveLength(1);
    finish(live()[0]!.metadata.name!, 1);
    await t.settle();
    const status = get().status!;
    expect(status.failed).toBe(2);
    expect(status.completionTime).toBeUndefined();
    expect(status.conditions?.map((c) => [c.type, c.reason, c.message])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(events().at(-1)).toBe('BackoffLimitExceeded: Job has reached the specified backoff limit');
  });

  it('fails with DeadlineExceeded once activeDeadlineSeconds pass, deleting the active pods', async () => {
    setup();
    t.client.create(jobKind, job({ activeDeadlineSeconds: 30 }));
    await t.settle();
    const [pod] = pods();
    runPod(t, 'default', pod!.metadata.name!);
    await t.advance(30_000);
    expect(t.client.get<PodObject>(kinds.pod, 'default', pod!.metadata.name!)?.metadata.deletionTimestamp).toBeDefined();
    // FailureTarget at once; Failed only once the pod is no longer terminating.
    expect(get().status?.conditions?.map((c) => c.type)).toEqual(['FailureTarget']);
    expect(get().status).toMatchObject({ failed: 1, terminating: 1 });
    t.client.delete(kinds.pod, 'default', pod!.metadata.name!, { gracePeriodSeconds: 0 });
    await t.settle();
    expect(get().status?.conditions?.map((c) => [c.type, c.reason])).toEqual([
      ['FailureTarget', 'DeadlineExceeded'],
      ['Failed', 'DeadlineExceeded'],
    ]);
    expect(events()).toContain('DeadlineExceeded: Job was active longer than specified deadline');
  });

  it('suspend deletes active pods without counting them, and resuming starts again', async () => {
    setup();
    t.client.create(jobKind, job());
    await t.settle();
    t.client.mergePatch(jobKind, 'default', 'pi', { spec: { suspend: true } });
    await t.settle();
    expect(live()).toHaveLength(0);
    expect(get().status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([['Suspended', 'True', 'JobSuspended', 'Job suspended']]);
    expect(get().status?.failed).toBeUndefined();
    await t.advance(1_000);
    t.client.mergePatch(jobKind, 'default', 'pi', { spec: { suspend: false } });
    await t.settle();
    expect(live()).toHaveLength(1);
    expect(get().status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([['Suspended', 'False', 'JobResumed']]);
    expect(get().status?.startTime).toBe('2024-01-01T00:00:01Z');
    expect(events()).toContain('Suspended: Job suspended');
    expect(events()).toContain('Resumed: Job resumed');
  });

  it('Indexed: one pod per index with annotation, label, hostname and env; completedIndexes', async () => {
    setup();
    t.client.create(jobKind, job({ completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    await t.settle();
    const byIndex = pods().sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
    expect(byIndex.map((p) => [p.metadata.generateName, p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'], p.metadata.labels?.['batch.kubernetes.io/job-completion-index'], p.spec.hostname])).toEqual([
      ['pi-0-', '0', '0', 'pi-0'],
      ['pi-1-', '1', '1', 'pi-1'],
      ['pi-2-', '2', '2', 'pi-2'],
    ]);
    expect(byIndex[0]!.spec.containers[0]!.env).toEqual([
      { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
    ]);
    finish(byIndex[0]!.metadata.name!, 0);
    finish(byIndex[2]!.metadata.name!, 0);
    await t.settle();
    expect(get().status).toMatchObject({ completedIndexes: '0,2', succeeded: 2, active: 1 });
    finish(byIndex[1]!.metadata.name!, 0);
    await t.settle();
    expect(get().status).toMatchObject({ completedIndexes: '0-2', succeeded: 3 });
    expect(get().status?.conditions?.at(-1)?.type).toBe('Complete');
  });

  it('deletes a finished Job ttlSecondsAfterFinished later, in the foreground', async () => {
    setup();
    t.client.create(jobKind, job({ ttlSecondsAfterFinished: 100 }));
    await t.settle();
    finish(pods()[0]!.metadata.name!, 0);
    await t.advance(99_000);
    expect(get().metadata.deletionTimestamp).toBeUndefined();
    await t.advance(1_000);
    // No garbage collector here: the Job waits, marked for foreground deletion.
    expect(get().metadata.deletionTimestamp).toBeDefined();
    expect(get().metadata.finalizers).toContain('foregroundDeletion');
  });

  it('formats completed indexes as upstream', () => {
    expect(formatIndexes([5, 0, 1, 2, 7, 8])).toBe('0-2,5,7,8');
    expect([...parseIndexes('0-2,5,9', 6)]).toEqual([0, 1, 2, 5]);
  });
});
