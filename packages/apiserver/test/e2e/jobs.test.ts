import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startCluster, type Cluster } from '@minik/apiserver';
import { Kubectl, normaliseAges, useKubectlCluster } from '../support/index.js';

/*
 * Jobs and CronJobs through the real kubectl 1.33: `kubectl create job` and `create cronjob`
 * (protobuf bodies), pods that run to completion or fail, `kubectl wait`, the printer columns,
 * `kubectl logs job/x`, the docs' pi Job, and CronJob schedules on a manual clock.
 */

const failingJob = `
apiVersion: batch/v1
kind: Job
metadata: {name: fails}
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: [sh, -c, 'exit 1']}]
`;

// https://kubernetes.io/docs/concepts/workloads/controllers/job/#running-an-example-job
const piJob = `
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl",  "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
  backoffLimit: 4
`;

describe('Jobs with kubectl 1.33', () => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  useKubectlCluster('1.33', {}, (started) => ({ cluster, kubectl } = started));

  it('kubectl create job runs its pod to completion', async () => {
    expect(await kubectl.run(['create', 'job', 'hello', '--image=busybox', '--', 'echo', 'hi'])).toMatchObject({ stdout: 'job.batch/hello created\n', code: 0 });
    expect(await kubectl.run(['wait', '--for=condition=complete', 'job/hello', '--timeout=30s'])).toMatchObject({ stdout: 'job.batch/hello condition met\n', code: 0 });
    const jobs = await kubectl.run(['get', 'jobs']);
    expect(normaliseAges(jobs.stdout)).toMatch(/^NAME {4}STATUS {5}COMPLETIONS {3}DURATION {3}AGE\nhello {3}Complete {3}1\/1 {11}AGE {2}AGE\n$/);
    expect((await kubectl.run(['logs', 'job/hello'])).stdout).toBe('hi\n');
    const pods = await kubectl.run(['get', 'pods', '-l', 'job-name=hello', '-o', 'jsonpath={.items[0].status.phase} {.items[0].status.containerStatuses[0].state.terminated.reason} {.items[0].metadata.finalizers}']);
    expect(pods.stdout).toBe('Succeeded Completed ');
    const conditions = await kubectl.run(['get', 'job', 'hello', '-o', 'jsonpath={range .status.conditions[*]}{.type}={.reason} {end}']);
    expect(conditions.stdout).toBe('SuccessCriteriaMet=CompletionsReached Complete=CompletionsReached ');
    const events = await kubectl.run(['get', 'events', '--field-selector', 'involvedObject.kind=Job', '-o', 'jsonpath={range .items[*]}{.reason} {end}']);
    expect(events.stdout).toBe('SuccessfulCreate Completed ');
  });

  it('a failing job ends Failed with BackoffLimitExceeded after backoffLimit retries', async () => {
    expect((await kubectl.run(['apply', '-f', '-'], failingJob)).code).toBe(0);
    // The replacement pod waits out the 10 s pod failure back-off.
    expect(await kubectl.run(['wait', '--for=condition=failed', 'job/fails', '--timeout=30s'])).toMatchObject({ code: 0 });
    const job = await kubectl.run(['get', 'job', 'fails', '-o', 'jsonpath={.status.failed} {.status.conditions[-1].type} {.status.conditions[-1].reason}']);
    expect(job.stdout).toBe('2 Failed BackoffLimitExceeded');
    expect(normaliseAges((await kubectl.run(['get', 'job', 'fails'])).stdout)).toMatch(/^fails {3}Failed {3}0\/1 {11}AGE {2}AGE\n$/m);
    const pods = await kubectl.run(['get', 'pods', '-l', 'job-name=fails', '-o', 'jsonpath={range .items[*]}{.status.phase}/{.status.containerStatuses[0].state.terminated.reason} {end}']);
    expect(pods.stdout).toBe('Failed/Error Failed/Error ');
  }, 45_000);

  it("runs the docs' pi Job", async () => {
    expect((await kubectl.run(['apply', '-f', '-'], piJob)).code).toBe(0);
    expect(await kubectl.run(['wait', '--for=condition=complete', 'job/pi', '--timeout=30s'])).toMatchObject({ code: 0 });
    const logs = (await kubectl.run(['logs', 'job/pi'])).stdout;
    expect(logs.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true);
    expect(logs).toHaveLength(2002);
  });

  it('kubectl create cronjob (protobuf) and create job --from=cronjob', async () => {
    const created = await kubectl.run(['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/1 * * * *', '--', 'echo', 'tick']);
    expect(created).toMatchObject({ stdout: 'cronjob.batch/tick created\n', code: 0 });
    const row = normaliseAges((await kubectl.run(['get', 'cronjob', 'tick'])).stdout);
    expect(row).toMatch(/^tick\s+\*\/1 \* \* \* \*\s+<none>\s+False\s+0\s+<none>\s+AGE\n$/m);
    expect((await kubectl.run(['create', 'job', 'tick-now', '--from=cronjob/tick'])).code).toBe(0);
    expect(await kubectl.run(['wait', '--for=condition=complete', 'job/tick-now', '--timeout=30s'])).toMatchObject({ code: 0 });
    const job = await kubectl.run(['get', 'job', 'tick-now', '-o', `jsonpath={.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate} {.metadata.ownerReferences[0].kind}`]);
    expect(job.stdout).toBe('manual CronJob');
    expect((await kubectl.run(['logs', 'job/tick-now'])).stdout).toBe('tick\n');
  });

  it('serves the ReplicationController scale subresource with a selector string', async () => {
    const rc = 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {app: web}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx}]}\n';
    expect((await kubectl.run(['apply', '-f', '-'], rc)).code).toBe(0);
    const scale = JSON.parse((await kubectl.run(['get', '--raw', '/api/v1/namespaces/default/replicationcontrollers/web/scale'])).stdout) as { spec: unknown; status: { selector?: string } };
    expect(scale.spec).toEqual({ replicas: 1 });
    expect(scale.status.selector).toBe('app=web');
  });
});

describe('CronJobs on a manual clock', () => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = new ManualClock('2024-01-01T00:00:30Z');
    cluster = await startCluster({ port: 0, clock });
    kubectl = new Kubectl('1.33', cluster.url);
  });
  afterAll(() => cluster?.stop());

  it('creates a Job each minute, named by the minute, and keeps the history limit', async () => {
    const cronJob = `
apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "* * * * *"
  successfulJobsHistoryLimit: 2
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: hello, image: busybox, command: [sh, -c, 'date; echo Hello from the Kubernetes cluster']}]
`;
    expect((await kubectl.run(['apply', '-f', '-'], cronJob)).code).toBe(0);
    for (let minute = 0; minute < 3; minute++) {
      await cluster.settle();
      clock.advance('1m');
      await cluster.settle();
      // The kubelet's zero-delay stages run on the clock too.
      clock.advance(0);
      await cluster.settle();
    }
    const jobs = await kubectl.run(['get', 'jobs', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.status.succeeded} {end}']);
    // 00:01, 00:02 and 00:03 ran; the oldest success went with the history limit of 2.
    expect(jobs.stdout).toBe('hello-28401122=1 hello-28401123=1 ');
    const status = await kubectl.run(['get', 'cronjob', 'hello', '-o', 'jsonpath={.status.lastScheduleTime} {.status.lastSuccessfulTime}']);
    expect(status.stdout).toBe('2024-01-01T00:03:00Z 2024-01-01T00:03:30Z');
    const events = await kubectl.run(['get', 'events', '--field-selector', 'involvedObject.kind=CronJob', '-o', 'jsonpath={range .items[*]}{.reason} {end}']);
    expect(events.stdout).toContain('SuccessfulCreate SawCompletedJob');
    expect(events.stdout).toContain('SuccessfulDelete');
  });
});
