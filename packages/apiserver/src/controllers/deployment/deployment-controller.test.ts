import { afterEach, describe, expect, it } from 'vitest';
import { GarbageCollector } from '../garbage-collector/garbage-collector.js';
import { ReplicaSetController } from '../replica-set/replica-set-controller.js';
import { kinds } from '../shared/kinds.js';
import type { DeploymentObject, PodObject, ReplicaSetObject } from '../shared/object-types.js';
import { runPod, testCluster, type TestCluster } from '../shared/test-cluster.js';
import { DeploymentController } from './deployment-controller.js';
import { podTemplateHash } from './pod-template-hash.js';

const deployment = (name: string, replicas: number, spec: Partial<DeploymentObject['spec']> = {}): DeploymentObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } },
    ...spec,
  },
});

describe('Deployment controller', () => {
  let t: TestCluster;
  afterEach(() => t.stop());

  const setup = (): TestCluster => {
    t = testCluster();
    t.start(new DeploymentController(t.ctx), new ReplicaSetController(t.ctx), new GarbageCollector(t.ctx));
    return t;
  };
  const d = (name = 'web'): Readonly<DeploymentObject> => t.client.get<DeploymentObject>(kinds.deployment, 'default', name)!;
  const replicaSets = (): Readonly<ReplicaSetObject>[] =>
    t.client.list<ReplicaSetObject>(kinds.replicaSet, 'default').sort((a, b) => Date.parse(a.metadata.creationTimestamp!) - Date.parse(b.metadata.creationTimestamp!) || a.metadata.name!.localeCompare(b.metadata.name!));
  const sizes = (): Record<string, number> => Object.fromEntries(replicaSets().map((rs) => [rs.metadata.name!, rs.spec.replicas!]));
  const events = (): string[] => t.client.list(kinds.event, 'default', (e) => e.reason === 'ScalingReplicaSet').map((e) => String(e.message));
  const setImage = async (image: string): Promise<void> => {
    t.client.mergePatch(kinds.deployment, 'default', 'web', { spec: { template: { spec: { containers: [{ name: 'app', image }] } } } });
    await t.settle();
  };
  /** One kubelet round: pods become Running and Ready, terminating pods finish. */
  const kubeletRound = async (): Promise<void> => {
    for (const pod of t.client.list<PodObject>(kinds.pod, 'default')) {
      if (pod.metadata.deletionTimestamp) t.client.delete(kinds.pod, 'default', pod.metadata.name!, { gracePeriodSeconds: 0 });
      else if (pod.status?.phase !== 'Running') runPod(t, 'default', pod.metadata.name!);
    }
    await t.settle();
  };

  it('creates <deployment>-<pod-template-hash> with the hash label, revision annotations and an event', async () => {
    setup();
    const created = t.client.create(kinds.deployment, deployment('web', 3));
    await t.settle();
    const hash = podTemplateHash(d().spec.template);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    const [rs] = replicaSets();
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs!.spec.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: created.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(d().metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(t.client.list<PodObject>(kinds.pod, 'default').map((p) => p.metadata.name)).toEqual([`web-${hash}-bbbbb`, `web-${hash}-bbbbc`, `web-${hash}-bbbbd`]);
    expect(events()).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);
    const status = d().status!;
    expect(status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(status.readyReplicas).toBeUndefined();
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
      ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "web-${hash}" is progressing.`],
    ]);
  });

  it('reports the rollout complete once the pods are ready', async () => {
    setup();
    t.client.create(kinds.deployment, deployment('web', 2));
    await t.settle();
    await kubeletRound();
    const hash = podTemplateHash(d().spec.template);
    expect(d().status).toMatchObject({ observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
    expect(d().status?.unavailableReplicas).toBeUndefined();
    expect(d().status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
  });

  it('rolls out a new template within maxSurge and maxUnavailable, then undo reuses the old ReplicaSet', async () => {
    setup();
    t.client.create(kinds.deployment, deployment('web', 4));
    await t.settle();
    await kubeletRound();
    const v1 = `web-${podTemplateHash(d().spec.template)}`;
    await setImage('nginx:1.26');
    const v2 = `web-${podTemplateHash(d().spec.template)}`;
    // 25% of 4: at most one pod over the desired count and one under it; new pods are not ready yet.
    expect(sizes()).toEqual({ [v1]: 3, [v2]: 2 });
    for (let round = 0; round < 10 && sizes()[v1] !== 0; round++) {
      await kubeletRound();
      const total = Object.values(sizes()).reduce((a, b) => a + b, 0);
      expect(total).toBeLessThanOrEqual(5);
    }
    await kubeletRound();
    expect(sizes()).toEqual({ [v1]: 0, [v2]: 4 });
    expect(events()).toEqual([
      `Scaled up replica set ${v1} from 0 to 4`,
      `Scaled up replica set ${v2} from 0 to 1`,
      `Scaled down replica set ${v1} from 4 to 3`,
      `Scaled up replica set ${v2} from 1 to 2`,
      // Two new pods ready: five available, three needed, so two old ones may go at once.
      `Scaled down replica set ${v1} from 3 to 1`,
      `Scaled up replica set ${v2} from 2 to 4`,
      `Scaled down replica set ${v1} from 1 to 0`,
    ]);
    expect(d().metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(d().status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4 });

    // `kubectl rollout undo`: the template goes back; the old ReplicaSet becomes revision 3.
    await setImage('nginx:1.25');
    for (let round = 0; round < 10 && sizes()[v2] !== 0; round++) await kubeletRound();
    await kubeletRound();
    expect(replicaSets().map((rs) => rs.metadata.name)).toEqual([v1, v2]);
    expect(sizes()).toEqual({ [v1]: 4, [v2]: 0 });
    const old = t.client.get<ReplicaSetObject>(kinds.replicaSet, 'default', v1)!;
    expect(old.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(old.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(d().metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('Recreate scales the old ReplicaSet to zero and waits for its pods before creating the new one', async () => {
    setup();
    t.client.create(kinds.deployment, deployment('web', 2, { strategy: { type: 'Recreate' } }));
    await t.settle();
    await kubeletRound();
    const v1 = `web-${podTemplateHash(d().spec.template)}`;
    await setImage('nginx:1.26');
    const v2 = `web-${podTemplateHash(d().spec.template)}`;
    expect(sizes()).toEqual({ [v1]: 0 });
    // The old pods are still terminating: no new ReplicaSet yet.
    expect(t.client.list<PodObject>(kinds.pod, 'default').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    await kubeletRound();
    expect(sizes()).toEqual({ [v1]: 0, [v2]: 2 });
    expect(events()).toEqual([`Scaled up replica set ${v1} from 0 to 2`, `Scaled down replica set ${v1} from 2 to 0`, `Scaled up replica set ${v2} from 0 to 2`]);
  });

  it('keeps revisionHistoryLimit old ReplicaSets', async () => {
    setup();
    t.client.create(kinds.deployment, deployment('web', 1, { revisionHistoryLimit: 1 }));
    await t.settle();
    for (const image of ['a:1', 'a:2', 'a:3']) {
      await setImage(image);
      for (let round = 0; round < 6; round++) await kubeletRound();
    }
    expect(replicaSets().map((rs) => rs.spec.template?.spec?.containers[0]?.image)).toEqual(['a:2', 'a:3']);
  });

  it('a paused Deployment scales but does not roll out until resumed', async () => {
    setup();
    t.client.create(kinds.deployment, deployment('web', 2));
    await t.settle();
    await kubeletRound();
    t.client.mergePatch(kinds.deployment, 'default', 'web', { spec: { paused: true } });
    await t.settle();
    const progressing = (): string | undefined => d().status?.conditions?.find((c) => c.type === 'Progressing')?.reason;
    expect(progressing()).toBe('DeploymentPaused');
    await setImage('nginx:1.26');
    expect(replicaSets()).toHaveLength(1);
    t.client.mergePatch(kinds.deployment, 'default', 'web', { spec: { replicas: 3 } });
    await t.settle();
    expect(Object.values(sizes())).toEqual([3]);
    t.client.mergePatch(kinds.deployment, 'default', 'web', { spec: { paused: false } });
    await t.settle();
    expect(replicaSets()).toHaveLength(2);
    expect(d().status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toMatch(/NewReplicaSetCreated|ReplicaSetUpdated|DeploymentResumed/);
  });

  it('reports ProgressDeadlineExceeded when the new pods never become available', async () => {
    setup();
    t.client.create(kinds.deployment, deployment('web', 1, { progressDeadlineSeconds: 30 }));
    await t.settle();
    await t.advance(29_000);
    expect(d().status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    await t.advance(3_000);
    const condition = d().status?.conditions?.find((c) => c.type === 'Progressing');
    expect([condition?.status, condition?.reason, condition?.message]).toEqual([
      'False',
      'ProgressDeadlineExceeded',
      `ReplicaSet "web-${podTemplateHash(d().spec.template)}" has timed out progressing.`,
    ]);
  });

  it('spreads a scale-up over both ReplicaSets in proportion during a rollout', async () => {
    setup();
    t.client.create(kinds.deployment, deployment('web', 10, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    await t.settle();
    await kubeletRound();
    const v1 = `web-${podTemplateHash(d().spec.template)}`;
    await setImage('nginx:broken');
    const v2 = `web-${podTemplateHash(d().spec.template)}`;
    expect(sizes()).toEqual({ [v1]: 8, [v2]: 5 });
    t.client.mergePatch(kinds.deployment, 'default', 'web', { spec: { replicas: 20 } });
    await t.settle();
    expect(sizes()).toEqual({ [v1]: 14, [v2]: 9 });
  });
});
