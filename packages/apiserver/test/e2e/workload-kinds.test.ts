import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '@minik/apiserver';
import { Kubectl, normaliseAges, useKubectlCluster } from '../support/index.js';

/*
 * ReplicationControllers, DaemonSets, StatefulSets, Jobs and CronJobs through the real kubectl:
 * discovery, create from YAML, the server-side printer columns (default and -o wide), and
 * `kubectl cluster-info dump`, which lists replicationcontrollers and daemonsets per namespace.
 */

/** Collapses runs of spaces so assertions read like the column order, not the padding. */
const cols = (s: string): string[] =>
  normaliseAges(s)
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' | '));

const manifests = `
apiVersion: v1
kind: ReplicationController
metadata: {name: web-rc}
spec:
  replicas: 2
  template:
    metadata: {labels: {app: web-rc}}
    spec: {containers: [{name: nginx, image: nginx:1.25}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      nodeSelector: {kubernetes.io/os: linux}
      containers: [{name: agent, image: busybox, command: [sleep, infinity]}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: nginx:1.25}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  suspend: true
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: busybox, command: [sh, -c, 'echo done']}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: '*/5 * * * *'
  suspend: true
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: hello, image: busybox, command: [date]}]
`;

describe('workload kinds with real kubectl 1.33', () => {
  let cluster: Cluster;
  let kubectl: Kubectl;

  // Controllers off: this suite checks the API surface, not what the controllers make of it.
  useKubectlCluster('1.33', { controllers: false }, (started) => ({ cluster, kubectl } = started));
  beforeAll(async () => {
    const applied = await kubectl.run(['apply', '-f', '-'], manifests);
    expect(applied.stderr).toBe('');
  });

  it('lists the five kinds in api-resources as upstream does', async () => {
    const { stdout, code } = await kubectl.run(['api-resources', '--no-headers']);
    expect(code).toBe(0);
    const rows = stdout.split('\n').map((line) => line.trim().split(/\s+/).join(' '));
    expect(rows).toEqual(
      expect.arrayContaining([
        'replicationcontrollers rc v1 true ReplicationController',
        'daemonsets ds apps/v1 true DaemonSet',
        'statefulsets sts apps/v1 true StatefulSet',
        'cronjobs cj batch/v1 true CronJob',
        'jobs batch/v1 true Job',
      ]),
    );
    const wide = await kubectl.run(['api-resources', '--api-group=batch', '-o', 'wide', '--no-headers']);
    expect(wide.stdout.split('\n').map((line) => line.trim().split(/\s+/).join(' '))).toEqual([
      'cronjobs cj batch/v1 true CronJob create,delete,deletecollection,get,list,patch,update,watch all',
      'jobs batch/v1 true Job create,delete,deletecollection,get,list,patch,update,watch all',
      '',
    ]);
  });

  it('prints the default columns by short name', async () => {
    const { stdout, stderr } = await kubectl.run(['get', 'rc,ds,sts,job,cj']);
    expect(stderr).toBe('');
    expect(cols(stdout)).toEqual([
      'NAME | DESIRED | CURRENT | READY | AGE',
      'replicationcontroller/web-rc | 2 | 0 | 0 | AGE',
      '',
      'NAME | DESIRED | CURRENT | READY | UP-TO-DATE | AVAILABLE | NODE SELECTOR | AGE',
      'daemonset.apps/agent | 0 | 0 | 0 | 0 | 0 | kubernetes.io/os=linux | AGE',
      '',
      'NAME | READY | AGE',
      'statefulset.apps/db | 0/2 | AGE',
      '',
      'NAME | STATUS | COMPLETIONS | DURATION | AGE',
      'job.batch/pi | Running | 0/1 | AGE',
      '',
      'NAME | SCHEDULE | TIMEZONE | SUSPEND | ACTIVE | LAST SCHEDULE | AGE',
      'cronjob.batch/hello | */5 * * * * | <none> | True | 0 | <none> | AGE',
    ]);
  });

  it('prints the wide columns', async () => {
    const { stdout } = await kubectl.run(['get', 'rc,ds,sts,job,cj', '-o', 'wide']);
    const job = await kubectl.run(['get', 'job', 'pi', '-o', 'jsonpath={.metadata.uid}']);
    expect(cols(stdout)).toEqual([
      'NAME | DESIRED | CURRENT | READY | AGE | CONTAINERS | IMAGES | SELECTOR',
      'replicationcontroller/web-rc | 2 | 0 | 0 | AGE | nginx | nginx:1.25 | app=web-rc',
      '',
      'NAME | DESIRED | CURRENT | READY | UP-TO-DATE | AVAILABLE | NODE SELECTOR | AGE | CONTAINERS | IMAGES | SELECTOR',
      'daemonset.apps/agent | 0 | 0 | 0 | 0 | 0 | kubernetes.io/os=linux | AGE | agent | busybox | app=agent',
      '',
      'NAME | READY | AGE | CONTAINERS | IMAGES',
      'statefulset.apps/db | 0/2 | AGE | db | nginx:1.25',
      '',
      'NAME | STATUS | COMPLETIONS | DURATION | AGE | CONTAINERS | IMAGES | SELECTOR',
      `job.batch/pi | Running | 0/1 | AGE | pi | busybox | batch.kubernetes.io/controller-uid=${job.stdout}`,
      '',
      'NAME | SCHEDULE | TIMEZONE | SUSPEND | ACTIVE | LAST SCHEDULE | AGE | CONTAINERS | IMAGES | SELECTOR',
      'cronjob.batch/hello | */5 * * * * | <none> | True | 0 | <none> | AGE | hello | busybox | <none>',
    ]);
  });

  it('defaults the objects as upstream does', async () => {
    const get = async (ref: string): Promise<Record<string, any>> => JSON.parse((await kubectl.run(['get', ref, '-o', 'json'])).stdout);
    const rc = await get('rc/web-rc');
    expect(rc.spec.selector).toEqual({ app: 'web-rc' });
    expect(rc.metadata.labels).toEqual({ app: 'web-rc' });
    expect(rc.status).toEqual({ replicas: 0 });
    const ds = await get('ds/agent');
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.metadata.annotations['deprecated.daemonset.template.generation']).toBe('1');
    const sts = await get('sts/db');
    expect(sts.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      revisionHistoryLimit: 10,
    });
    const job = await get('job/pi');
    const uid = job.metadata.uid as string;
    expect(job.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      manualSelector: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
    });
    expect(job.spec.template.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    });
    const cj = await get('cj/hello');
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
  });

  it('rejects what upstream validation rejects', async () => {
    const job = await kubectl.run(
      ['apply', '-f', '-'],
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: bad}\nspec:\n  template:\n    spec: {containers: [{name: c, image: busybox}]}\n',
    );
    expect(job.stderr).toContain('The Job "bad" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
    const ds = await kubectl.run(
      ['apply', '-f', '-'],
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: bad}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: c}}\n    spec: {containers: [{name: c, image: busybox}]}\n',
    );
    expect(ds.stderr).toContain('The DaemonSet "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"a":"c"}: `selector` does not match template `labels`');
  });

  it('scales ReplicationControllers and StatefulSets through /scale', async () => {
    expect((await kubectl.run(['scale', 'sts/db', '--replicas=3'])).stdout).toBe('statefulset.apps/db scaled\n');
    expect((await kubectl.run(['scale', 'rc/web-rc', '--replicas=3'])).stdout).toBe('replicationcontroller/web-rc scaled\n');
    expect((await kubectl.run(['get', 'sts/db', '-o', 'jsonpath={.spec.replicas}'])).stdout).toBe('3');
  });
});

describe.each(['1.33', '1.27'] as const)('kubectl %s cluster-info dump', (version) => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster({ port: 0 });
  });
  afterAll(() => cluster.stop());

  it('exits 0 with the nodes and the kube-system pods', async () => {
    const kubectl = new Kubectl(version, cluster.url);
    const { stdout, stderr, code } = await kubectl.run(['cluster-info', 'dump']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('"kind": "NodeList"');
    expect(stdout).toContain('"name": "minik"');
    expect(stdout).toContain('"kind": "ReplicationControllerList"');
    expect(stdout).toContain('"kind": "DaemonSetList"');
    expect(stdout).toMatch(/"name": "coredns-[a-z0-9]+-[a-z0-9]{5}"/);
    for (const pod of ['etcd-minik', 'kube-apiserver-minik', 'kube-scheduler-minik']) expect(stdout).toContain(`"name": "${pod}"`);
  });
});

describe('workload controllers on a three-node cluster with real kubectl 1.33', () => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  const podsRef = { group: '', plural: 'pods' };

  interface PodLike {
    metadata: { name?: string; labels?: Record<string, string>; deletionTimestamp?: string };
    spec?: { nodeName?: string };
    status?: { phase?: string; conditions?: { type: string; status: string }[] };
  }
  const ready = (p: PodLike): boolean => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

  /** Resolves once `predicate` holds for the default namespace's pods, re-checked on every pod change. */
  function untilPods(predicate: (pods: PodLike[]) => boolean): Promise<void> {
    const check = (): boolean => predicate(cluster.store.list(podsRef, 'default').items.map((s) => s.object as PodLike));
    if (check()) return Promise.resolve();
    return new Promise((resolve) => {
      const watch = cluster.store.watch(podsRef, {}, () => {
        if (!check()) return;
        watch.stop();
        resolve();
      });
    });
  }
  const withApp = (app: string) => (pods: PodLike[]) => pods.filter((p) => p.metadata.labels?.app === app);

  useKubectlCluster('1.33', { nodes: 3 }, (started) => ({ cluster, kubectl } = started));

  it('runs one DaemonSet pod per node, and one more on a node added later', async () => {
    const ds = manifests.split('---').find((doc) => doc.includes('kind: DaemonSet'))!;
    expect((await kubectl.run(['apply', '-f', '-'], ds)).stdout).toBe('daemonset.apps/agent created\n');
    await untilPods((pods) => withApp('agent')(pods).filter(ready).length === 3);
    const nodes = withApp('agent')(cluster.store.list(podsRef, 'default').items.map((s) => s.object as PodLike)).map((p) => p.spec?.nodeName);
    expect(nodes.sort()).toEqual(['minik', 'minik-m02', 'minik-m03']);
    const status = await kubectl.run(['rollout', 'status', 'ds/agent', '--timeout=30s']);
    expect(status.stdout).toContain('daemon set "agent" successfully rolled out');
    expect(cols((await kubectl.run(['get', 'ds'])).stdout)).toEqual([
      'NAME | DESIRED | CURRENT | READY | UP-TO-DATE | AVAILABLE | NODE SELECTOR | AGE',
      'agent | 3 | 3 | 3 | 3 | 3 | kubernetes.io/os=linux | AGE',
    ]);
    cluster.nodes.add();
    await untilPods((pods) => withApp('agent')(pods).filter(ready).length === 4);
    const pod = JSON.parse((await kubectl.run(['get', 'pods', '-l', 'app=agent', '--field-selector', 'spec.nodeName=minik-m04', '-o', 'json'])).stdout).items[0];
    expect(pod.metadata.ownerReferences).toEqual([expect.objectContaining({ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', controller: true })]);
    expect(pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['minik-m04'] }] },
    ]);
    expect(pod.spec.tolerations.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
  });

  it('starts StatefulSet pods in ordinal order with stable names and identity labels', async () => {
    const sts = manifests.split('---').find((doc) => doc.includes('kind: StatefulSet'))!;
    await kubectl.run(['apply', '-f', '-'], sts);
    await untilPods((pods) => withApp('db')(pods).filter(ready).length === 2);
    const pods = JSON.parse((await kubectl.run(['get', 'pods', '-l', 'app=db', '-o', 'json'])).stdout).items;
    expect(pods.map((p: PodLike) => p.metadata.name)).toEqual(['db-0', 'db-1']);
    expect(pods[1].metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'db-1', 'apps.kubernetes.io/pod-index': '1' });
    expect(pods[1].spec).toMatchObject({ hostname: 'db-1', subdomain: 'db' });
    const events = await kubectl.run(['get', 'events', '--field-selector', 'involvedObject.kind=StatefulSet', '-o', 'jsonpath={.items[*].message}']);
    expect(events.stdout).toBe('create Pod db-0 in StatefulSet db successful create Pod db-1 in StatefulSet db successful');
    expect(cols((await kubectl.run(['get', 'sts'])).stdout)).toEqual(['NAME | READY | AGE', 'db | 2/2 | AGE']);
  });

  it('keeps a ReplicationController at its replica count', async () => {
    const rc = manifests.split('---').find((doc) => doc.includes('kind: ReplicationController'))!;
    await kubectl.run(['apply', '-f', '-'], rc);
    await untilPods((pods) => withApp('web-rc')(pods).filter(ready).length === 2);
    expect(cols((await kubectl.run(['get', 'rc'])).stdout)).toEqual(['NAME | DESIRED | CURRENT | READY | AGE', 'web-rc | 2 | 2 | 2 | AGE']);
  });
});
