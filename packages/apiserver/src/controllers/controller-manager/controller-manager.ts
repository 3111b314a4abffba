import type { InProcessClient } from '../../client/in-process-client.js';
import { simulatedCAPem } from '../../cluster/bootstrap-objects.js';
import { ApiError } from '../../errors/index.js';
import type { Clock } from '../../util/clock.js';
import { CronJobController } from '../cron-job/cron-job-controller.js';
import { DaemonSetController } from '../daemon-set/daemon-set-controller.js';
import { DeploymentController } from '../deployment/deployment-controller.js';
import { EndpointSliceController } from '../endpoint-slice/endpoint-slice-controller.js';
import { EndpointsController } from '../endpoints/endpoints-controller.js';
import { EventBroadcaster } from '../events/event-recorder.js';
import { GarbageCollector } from '../garbage-collector/garbage-collector.js';
import { JobController } from '../job/job-controller.js';
import { TTLAfterFinishedController } from '../job/ttl-after-finished-controller.js';
import { NamespaceController } from '../namespace/namespace-controller.js';
import { NodeLifecycleController } from '../node-lifecycle/node-lifecycle-controller.js';
import { TaintEvictionController } from '../node-lifecycle/taint-eviction-controller.js';
import { PodGCController } from '../pod-gc/pod-gc-controller.js';
import { ReplicaSetController } from '../replica-set/replica-set-controller.js';
import { ReplicationControllerController } from '../replication-controller/replication-controller-controller.js';
import { RootCAPublisher } from '../root-ca/root-ca-publisher.js';
import type { Controller } from '../runtime/index.js';
import { ServiceAccountController } from '../service-account/service-account-controller.js';
import { StatefulSetController } from '../stateful-set/stateful-set-controller.js';
import type { ManagedController } from '../shared/controller-base.js';
import type { ControllerContext } from '../shared/controller-context.js';
import { realisticTiming, simulatedTiming, type ControllerTiming } from '../shared/controller-timing.js';
import { settleQueues } from './settle.js';

/** The controllers kube-controller-manager runs that minik simulates, by their `--controllers` names. */
export const controllerNames = [
  'serviceaccount',
  'root-ca-certificate-publisher',
  'namespace',
  'garbage-collector',
  'replicaset',
  'replicationcontroller',
  'deployment',
  'daemonset',
  'statefulset',
  'job',
  'cronjob',
  'ttl-after-finished',
  'endpoint',
  'endpointslice',
  'node-lifecycle',
  'taint-eviction',
  'pod-garbage-collector',
] as const;

/** One of {@link controllerNames}. */
export type ControllerName = (typeof controllerNames)[number];

/** Options of {@link startControllers}. */
export interface ControllerManagerOptions {
  /** Upstream's node-failure timing (50 s grace, full tolerationSeconds) instead of minik's compressed default. */
  realisticTiming?: boolean;
  /** Individual timing overrides, applied over the default or realistic set. */
  timing?: Partial<ControllerTiming>;
  /** Picks the realistic timing of this version (the grace period grew in v1.32). */
  kubernetesVersion?: string;
  /** Controllers not to run. */
  disabled?: readonly ControllerName[];
  /** The CA bundle published as `kube-root-ca.crt` in every namespace. */
  rootCAPem?: string;
  /** A broadcaster to share with other components (scheduler, kubelets); one is created otherwise. */
  events?: EventBroadcaster;
  /** Where failed reconciles are reported; by default only unexpected (non-API) errors, as process warnings. */
  onError?: (controller: string, key: string, error: unknown) => void;
}

/** The running controllers of one cluster. */
export interface ControllerManager {
  /** The event sink every controller writes through; other components may record with it too. */
  readonly events: EventBroadcaster;
  readonly controllers: readonly ManagedController[];
  readonly timing: ControllerTiming;
  /** The work queues of every controller (to settle together with other components' queues). */
  queues(): readonly Controller[];
  /** Resolves when every controller's queue is idle (delayed work, waiting on the clock, aside). */
  settle(): Promise<void>;
  /** Stops every controller: no more watches, timers or work. */
  stop(): void;
}

const reportUnexpected = (controller: string, key: string, error: unknown): void => {
  // Conflicts, NotFound and friends are the normal back-and-forth of cooperating controllers.
  if (error instanceof ApiError) return;
  process.emitWarning(`minik: ${controller} failed on ${key}: ${(error as Error)?.stack ?? String(error)}`);
};

/**
 * Starts the simulated kube-controller-manager against an in-process API client: every
 * controller is a level-triggered reconciler that reads and writes through the same verbs,
 * defaults and validation as HTTP clients, on the injected clock.
 */
export function startControllers(client: InProcessClient, clock: Clock, options: ControllerManagerOptions = {}): ControllerManager {
  const timing: ControllerTiming = { ...(options.realisticTiming ? realisticTiming(options.kubernetesVersion) : simulatedTiming), ...options.timing };
  const onError = options.onError ?? reportUnexpected;
  const events = options.events ?? new EventBroadcaster(client, clock, { onError: (error) => onError('event-broadcaster', 'event', error) });
  const ctx: ControllerContext = { client, clock, events, timing, onError };
  const disabled = new Set(options.disabled ?? []);
  const factories: Record<ControllerName, () => ManagedController> = {
    serviceaccount: () => new ServiceAccountController(ctx),
    'root-ca-certificate-publisher': () => new RootCAPublisher(ctx, options.rootCAPem ?? simulatedCAPem),
    namespace: () => new NamespaceController(ctx),
    'garbage-collector': () => new GarbageCollector(ctx),
    replicaset: () => new ReplicaSetController(ctx),
    replicationcontroller: () => new ReplicationControllerController(ctx),
    deployment: () => new DeploymentController(ctx),
    daemonset: () => new DaemonSetController(ctx),
    statefulset: () => new StatefulSetController(ctx),
    job: () => new JobController(ctx),
    cronjob: () => new CronJobController(ctx),
    'ttl-after-finished': () => new TTLAfterFinishedController(ctx),
    endpoint: () => new EndpointsController(ctx),
    endpointslice: () => new EndpointSliceController(ctx),
    'node-lifecycle': () => new NodeLifecycleController(ctx),
    'taint-eviction': () => new TaintEvictionController(ctx),
    'pod-garbage-collector': () => new PodGCController(ctx),
  };
  const controllers = controllerNames.filter((name) => !disabled.has(name)).map((name) => factories[name]());
  for (const controller of controllers) controller.start();
  const queues = (): Controller[] => controllers.flatMap((c) => c.queues);
  let stopped = false;
  return {
    events,
    controllers,
    timing,
    queues,
    settle: () => settleQueues(queues),
    stop: () => {
      if (stopped) return;
      stopped = true;
      for (const controller of controllers) controller.stop();
    },
  };
}
