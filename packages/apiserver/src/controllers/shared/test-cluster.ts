import type { KubeObject } from '@minik/types';
import { InProcessClient } from '../../client/in-process-client.js';
import { createClusterCore, type ClusterCore } from '../../cluster/create-cluster.js';
import { ManualClock } from '../../util/manual-clock.js';
import type { IdSource } from '../../util/ids.js';
import { nameSuffixAlphabet } from '../../util/ids.js';
import { rfc3339 } from '../../util/time.js';
import { settleQueues } from '../controller-manager/settle.js';
import { EventBroadcaster } from '../events/event-recorder.js';
import type { ManagedController } from './controller-base.js';
import type { ControllerContext } from './controller-context.js';
import { simulatedTiming, type ControllerTiming } from './controller-timing.js';
import { kinds } from './kinds.js';
import type { PodObject } from './object-types.js';

/** A cluster for controller unit tests: the API without controllers, a manual clock, predictable ids. */
export interface TestCluster {
  readonly core: ClusterCore;
  readonly client: InProcessClient;
  readonly clock: ManualClock;
  readonly ctx: ControllerContext;
  /** Errors controllers reported (conflicts included). */
  readonly errors: { controller: string; key: string; error: unknown }[];
  /** Starts controllers built from `ctx`; they are stopped by `stop()`. */
  start(...controllers: ManagedController[]): void;
  /** Waits until every started controller is idle. */
  settle(): Promise<void>;
  /** Moves the clock and settles. */
  advance(ms: number): Promise<void>;
  stop(): void;
}

/** Ids that read well in assertions: uids `uid-1…`, name suffixes `bbbbb`, `bbbbc`, … */
export function sequentialIds(): IdSource {
  let uid = 0;
  let suffix = 0;
  return {
    uid: () => `uid-${++uid}`,
    suffix: (n) => {
      let value = suffix++;
      let out = '';
      for (let i = 0; i < n; i++) {
        out = nameSuffixAlphabet[value % nameSuffixAlphabet.length] + out;
        value = Math.floor(value / nameSuffixAlphabet.length);
      }
      return out;
    },
  };
}

/** Builds a {@link TestCluster} with `nodes` simulated nodes (default 1). */
export function testCluster(options: { nodes?: number; timing?: Partial<ControllerTiming> } = {}): TestCluster {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  // No kubelets or scheduler: tests play their part by hand (see runPod).
  const core = createClusterCore({ clock, ids: sequentialIds(), nodes: options.nodes ?? 1, controllers: false, simulation: false });
  const client = new InProcessClient(core.context);
  const errors: TestCluster['errors'] = [];
  const onError = (controller: string, key: string, error: unknown): void => {
    errors.push({ controller, key, error });
  };
  const events = new EventBroadcaster(client, clock, { onError: (error) => onError('events', 'event', error) });
  const ctx: ControllerContext = { client, clock, events, timing: { ...simulatedTiming, ...options.timing }, onError };
  const started: ManagedController[] = [];
  const settle = (): Promise<void> => settleQueues(() => started.flatMap((c) => c.queues));
  return {
    core,
    client,
    clock,
    ctx,
    errors,
    start(...controllers) {
      for (const c of controllers) {
        started.push(c);
        c.start();
      }
    },
    settle,
    async advance(ms) {
      await settle();
      clock.advance(ms);
      await settle();
    },
    stop() {
      for (const c of started) c.stop();
    },
  };
}

/** A pod as a kubelet would report it: bound, Running, with an IP, Ready or not. */
export function runPod(t: TestCluster, namespace: string, name: string, options: { ready?: boolean; ip?: string; node?: string } = {}): Readonly<PodObject> {
  const { client, core, clock } = t;
  let pod = client.get<PodObject>(kinds.pod, namespace, name);
  if (!pod) throw new Error(`no pod ${namespace}/${name}`);
  const now = rfc3339(clock.now());
  const node = options.node ?? pod.spec.nodeName ?? core.nodeNames[0] ?? 'minik';
  if (!pod.spec.nodeName) {
    // What pods/binding does: spec.nodeName and PodScheduled in one write.
    const def = client.resource(kinds.pod);
    const bound = structuredClone(pod) as PodObject;
    bound.spec.nodeName = node;
    core.store.update(def, bound as KubeObject);
    pod = client.get<PodObject>(kinds.pod, namespace, name)!;
  }
  const ready = options.ready ?? true;
  const status = {
    ...structuredClone(pod.status),
    phase: 'Running',
    podIP: options.ip ?? pod.status?.podIP ?? '10.244.0.10',
    hostIP: '192.168.49.2',
    conditions: [
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
      { type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: now },
    ],
  };
  return client.updateStatus(kinds.pod, { ...structuredClone(pod), status } as unknown as PodObject);
}
