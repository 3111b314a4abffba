import type { KubeObject, Pod } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { AppRegistry } from '../apps/app-registry.js';
import type { InProcessClient } from '../client/in-process-client.js';
import { podCells } from '../printers/pod-cells.js';
import { ManualClock } from '../util/manual-clock.js';
import { kubeletTiming } from './kubelet-timing.js';
import { SimulatedKubelet } from './simulated-kubelet.js';
import { testApi } from './test-api.js';

/*
 * Golden tests of the kubelet's stage table: each scenario runs one pod through a simulated
 * kubelet on a ManualClock and records, in order, the stages applied, every status the pod
 * shows (as `kubectl get pods` prints it) and every event. `vitest -u` rewrites the files in
 * testdata/ when the table changes on purpose; review the diff like code.
 */

const podRef = { apiVersion: 'v1', kind: 'Pod' };

interface Scenario {
  profile?: 'fast' | 'realistic';
  version?: string;
  pod: Partial<Pod['spec']> & { containers: NonNullable<Pod['spec']>['containers'] };
  /** Steps: advance the clock by `ms`, or do something. */
  steps: ({ advance: number } | { delete: { gracePeriodSeconds?: number } } | { stopNode: true } | { startNode: true } | { setImage: string })[];
  proxy?: { port: number };
}

async function runScenario(s: Scenario): Promise<string> {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  const start = clock.now();
  const version = s.version ?? 'v1.33.1';
  const { client, nodes } = testApi(clock, { kubernetesVersion: version });
  const node = nodes[0]!;
  const lines: string[] = [];
  const t = (): string => `+${String(clock.now() - start).padStart(7)}ms`;
  const kubelet = new SimulatedKubelet({
    nodeName: node.name,
    podCIDR: node.podCIDR,
    internalIP: node.internalIP,
    client,
    clock,
    timing: kubeletTiming(s.profile ?? 'fast'),
    apps: new AppRegistry(),
    kubernetesVersion: version,
    onStages: (_, applied) => {
      if (applied.length > 0) lines.push(`${t()} stages  ${applied.map((a) => (a.container ? `${a.stage}[${a.container}]` : a.stage)).join(', ')}`);
    },
    onError: (error) => lines.push(`${t()} ERROR   ${String(error)}`),
  });
  let lastRow = '';
  client.watch(podRef, (event) => {
    if (event.type === 'DELETED') {
      lines.push(`${t()} deleted`);
      return;
    }
    const cells = podCells(event.stored.object as Pod, clock.now());
    const row = `${cells[1]} ${cells[2]} restarts=${cells[3]} ip=${cells[5]} phase=${(event.stored.object as Pod).status?.phase}`;
    if (row !== lastRow) lines.push(`${t()} pod     ${row}`);
    lastRow = row;
  });
  client.watch({ apiVersion: 'v1', kind: 'Event' }, (event) => {
    const e = event.stored.object as KubeObject & { type?: string; reason?: string; message?: string; count?: number; involvedObject?: { fieldPath?: string } };
    const where = e.involvedObject?.fieldPath ? ` (${e.involvedObject.fieldPath})` : '';
    lines.push(`${t()} event   ${e.type} ${e.reason}: ${e.message}${where}${(e.count ?? 1) > 1 ? ` x${e.count}` : ''}`);
  });
  kubelet.start();
  client.create<KubeObject>(podRef, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { nodeName: node.name, ...s.pod } });
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) {
      await kubelet.idle();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await settle();
  for (const step of s.steps) {
    if ('advance' in step) {
      // Step in small slices so syncs queued by watch events run at their own time.
      for (let left = step.advance; left > 0; left -= 100) {
        clock.advance(Math.min(100, left));
        await settle();
      }
    } else if ('delete' in step) {
      lines.push(`${t()} kubectl delete pod web${step.delete.gracePeriodSeconds === undefined ? '' : ` --grace-period=${step.delete.gracePeriodSeconds}`}`);
      client.delete(podRef, 'default', 'web', step.delete);
      await settle();
    } else if ('stopNode' in step) {
      lines.push(`${t()} node stopped`);
      kubelet.stop();
    } else if ('startNode' in step) {
      lines.push(`${t()} node started`);
      kubelet.start();
      await settle();
    } else {
      lines.push(`${t()} kubectl set image pod/web c=${step.setImage}`);
      const pod = client.get<Pod & KubeObject>(podRef, 'default', 'web')!;
      const next = structuredClone(pod) as unknown as KubeObject & { spec: { containers: { image?: string }[] } };
      next.spec.containers[0]!.image = step.setImage;
      client.update(podRef, next);
      await settle();
    }
  }
  kubelet.stop();
  return `${lines.join('\n')}\n`;
}

const golden = (name: string): string => `./testdata/${name}.golden.txt`;

async function expectGolden(name: string, scenario: Scenario, client?: (c: InProcessClient) => void): Promise<void> {
  void client;
  await expect(await runScenario(scenario)).toMatchFileSnapshot(golden(name));
}

describe('kubelet stage table (golden)', () => {
  it('fast: nginx goes Running in the tick it is bound', async () => {
    await expectGolden('fast-running', { pod: { containers: [{ name: 'c', image: 'nginx:1.25' }] }, steps: [{ advance: 1000 }] });
  });

  it('realistic: ContainerCreating, then Pulling/Pulled/Created/Started', async () => {
    await expectGolden('realistic-running', { profile: 'realistic', pod: { containers: [{ name: 'c', image: 'nginx:1.25' }] }, steps: [{ advance: 10_000 }] });
  });

  it('1.27 and 1.28 word events as they did', async () => {
    await expectGolden('v1.27-messages', { version: 'v1.27.16', pod: { containers: [{ name: 'c', image: 'gcr.io/google-samples/kubernetes-bootcamp:v1' }] }, steps: [{ advance: 500 }] });
  });

  it('an unknown tag: ErrImagePull, ImagePullBackOff, retried with back-off', async () => {
    await expectGolden('image-pull-backoff', { pod: { containers: [{ name: 'c', image: 'gcr.io/google-samples/kubernetes-bootcamp:v10' }] }, steps: [{ advance: 40_000 }] });
  });

  it('an invalid image name: InvalidImageName', async () => {
    await expectGolden('invalid-image', { pod: { containers: [{ name: 'c', image: 'NGINX:Latest' }] }, steps: [{ advance: 1000 }] });
  });

  it('a shell that exits at once: Completed, restarted, CrashLoopBackOff with doubling back-off', async () => {
    await expectGolden('crash-loop', { pod: { containers: [{ name: 'c', image: 'busybox' }] }, steps: [{ advance: 75_000 }] });
  });

  it('restartPolicy Never: a failing command ends the pod Failed (Error)', async () => {
    await expectGolden('never-failed', { pod: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo working; sleep 2; exit 3'] }] }, steps: [{ advance: 5000 }] });
  });

  it('restartPolicy OnFailure: a succeeding command ends the pod Succeeded (Completed)', async () => {
    await expectGolden('on-failure-succeeded', { pod: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3'] }] }, steps: [{ advance: 5000 }] });
  });

  it('graceful deletion of an app that stops on SIGTERM: gone at once', async () => {
    await expectGolden('delete-sigterm', { pod: { containers: [{ name: 'c', image: 'nginx:1.25' }] }, steps: [{ advance: 500 }, { delete: {} }, { advance: 500 }] });
  });

  it('graceful deletion of a process that ignores SIGTERM: killed at the end of the grace period', async () => {
    await expectGolden('delete-ignores-sigterm', {
      pod: { terminationGracePeriodSeconds: 5, containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
      steps: [{ advance: 500 }, { delete: {} }, { advance: 6000 }],
    });
  });

  it('a forced deletion (--grace-period=0 --force) removes the pod at once; the kubelet just cleans up', async () => {
    await expectGolden('force-delete', { pod: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] }, steps: [{ advance: 500 }, { delete: { gracePeriodSeconds: 0 } }, { advance: 500 }] });
  });

  it('realistic: ErrImagePull is visible before ImagePullBackOff', async () => {
    await expectGolden('realistic-image-pull-backoff', { profile: 'realistic', pod: { containers: [{ name: 'c', image: 'nginx:doesnotexist' }] }, steps: [{ advance: 15_000 }] });
  });

  it('a stopped node leaves a deleted pod Terminating until it returns', async () => {
    await expectGolden('node-stopped', {
      pod: { containers: [{ name: 'c', image: 'nginx:1.25' }] },
      steps: [{ advance: 500 }, { stopNode: true }, { delete: {} }, { advance: 60_000 }, { startNode: true }, { advance: 1000 }],
    });
  });

  it('a node that comes back restarts the containers it lost', async () => {
    await expectGolden('node-restart', { pod: { containers: [{ name: 'c', image: 'nginx:1.25' }] }, steps: [{ advance: 500 }, { stopNode: true }, { advance: 10_000 }, { startNode: true }, { advance: 1000 }] });
  });

  it('init containers run first, in order', async () => {
    await expectGolden('init-containers', {
      profile: 'realistic',
      pod: {
        initContainers: [
          { name: 'init-a', image: 'busybox:1.36', command: ['sh', '-c', 'echo init; sleep 1'] },
          { name: 'init-b', image: 'busybox:1.36', command: ['true'] },
        ],
        containers: [{ name: 'c', image: 'nginx:1.25' }],
      },
      steps: [{ advance: 15_000 }],
    });
  });

  it('a changed image restarts the container', async () => {
    await expectGolden('image-changed', { pod: { containers: [{ name: 'c', image: 'nginx:1.25' }] }, steps: [{ advance: 500 }, { setImage: 'nginx:1.27' }, { advance: 500 }] });
  });

  it('a readiness probe that fails keeps the pod not ready', async () => {
    await expectGolden('readiness-failing', {
      pod: { containers: [{ name: 'c', image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/healthz', port: 80 }, initialDelaySeconds: 2, periodSeconds: 5 } }] },
      steps: [{ advance: 15_000 }],
    });
  });
});
