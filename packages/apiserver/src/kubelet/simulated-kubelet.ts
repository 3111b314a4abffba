import type { KubeObject, Pod } from '@minik/types';
import type { AppRegistry } from '../apps/app-registry.js';
import { parseImageReference, type ImageReference } from '../apps/image-reference.js';
import type { AppRequest } from '../apps/simulated-app.js';
import type { InProcessClient } from '../client/in-process-client.js';
import { Controller, objectKey, splitKey } from '../controllers/runtime/index.js';
import { ApiError } from '../errors/index.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import { deepEqual } from '../util/deep-equal.js';
import { ContainerRuntime, type DialResult } from './container-runtime.js';
import { EventBroadcaster, type EventRecorder } from '../controllers/events/event-recorder.js';
import type { KubeletTiming } from './kubelet-timing.js';
import { NodeHeartbeat } from './node-heartbeat.js';
import type { PodEventRouter } from './pod-event-router.js';
import { PodIPAllocator } from './pod-ip-allocator.js';
import { podStages } from './pod-stages.js';
import { podStatus } from './pod-status.js';
import { enter, newPodWorker, type PodWorker } from './pod-worker.js';
import type { Stage, StageContext } from './stage-context.js';
import { runStages, type AppliedStage } from './stage-engine.js';

const podRef = { apiVersion: 'v1', kind: 'Pod' };

/** What a simulated kubelet needs. */
export interface SimulatedKubeletOptions {
  nodeName: string;
  /** The node's pod CIDR, e.g. 10.244.1.0/24. */
  podCIDR: string;
  /** The node's InternalIP: the pods' hostIP. */
  internalIP: string;
  client: InProcessClient;
  clock: Clock;
  timing: KubeletTiming;
  apps: AppRegistry;
  /** The kubelet's version (the server's), e.g. v1.33.1: some messages differ by release. */
  kubernetesVersion: string;
  /** The stage table; the built-in one by default. */
  stages?: readonly Stage[];
  /** Called after each sync with the stages it applied (traces, golden tests). */
  onStages?: (pod: Readonly<Pod>, applied: readonly AppliedStage[]) => void;
  /** The cluster's event sink; the kubelet records as component `kubelet` on its host. */
  events?: EventBroadcaster;
  /** Pod events routed by node, shared by a pool's kubelets; without it the kubelet watches every pod itself. */
  podEvents?: PodEventRouter;
  onError?: (error: unknown) => void;
}

/** The minor version of `v1.33.1`. */
export function minorOf(version: string): number {
  return Number(/^v?\d+\.(\d+)/.exec(version)?.[1] ?? 33);
}

/**
 * One node's simulated kubelet: it heartbeats (Lease and node status), takes the pods bound to
 * its node through the stage table, writes their status through the pods/status subresource and
 * removes them once terminated. Stopped, it does nothing at all, as a node that went down.
 */
export class SimulatedKubelet {
  readonly nodeName: string;
  readonly internalIP: string;
  readonly runtime: ContainerRuntime;
  readonly #options: SimulatedKubeletOptions;
  readonly #client: InProcessClient;
  readonly #clock: Clock;
  readonly #stages: readonly Stage[];
  readonly #minor: number;
  readonly #events: EventRecorder;
  readonly #heartbeat: NodeHeartbeat;
  readonly #ipam: PodIPAllocator;
  readonly #workers = new Map<string, PodWorker>();
  readonly #timers = new Map<string, { at: number; handle: TimerHandle }>();
  readonly #images = new Map<string, ImageReference | undefined>();
  readonly #queue: Controller;
  #watch: { stop(): void } | undefined;
  #running = false;

  constructor(options: SimulatedKubeletOptions) {
    this.#options = options;
    this.nodeName = options.nodeName;
    this.internalIP = options.internalIP;
    this.#client = options.client;
    this.#clock = options.clock;
    this.#stages = options.stages ?? podStages;
    this.#minor = minorOf(options.kubernetesVersion);
    this.runtime = new ContainerRuntime(options.clock, options.apps);
    this.#events = (options.events ?? new EventBroadcaster(options.client, options.clock)).newRecorder({ component: 'kubelet', host: options.nodeName }, options.client);
    this.#heartbeat = new NodeHeartbeat({ client: options.client, clock: options.clock, timing: options.timing, nodeName: options.nodeName, runtime: this.runtime });
    this.#ipam = new PodIPAllocator(options.podCIDR);
    this.#queue = new Controller({ name: `kubelet-${options.nodeName}`, reconcile: (key) => this.#sync(key) }, { clock: options.clock, onError: (_, __, error) => options.onError?.(error) });
    // IPs of pods already on the node (a restarted cluster) stay taken.
    for (const pod of this.#podsOnNode()) if (pod.status?.podIP) this.#ipam.reserve(pod.status.podIP);
  }

  /** Whether the node is up. */
  get running(): boolean {
    return this.#running;
  }

  /** Brings the node up: heartbeats resume and every pod bound to it is synced. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    const router = this.#options.podEvents;
    this.#watch = router
      ? router.subscribe(this.nodeName, (event) => this.#queue.enqueue(objectKey(event.namespace, event.name)))
      : this.#client.watch(podRef, (event) => {
          const pod = event.stored.object as Pod;
          const before = event.previous?.object as Pod | undefined;
          const key = objectKey(event.namespace, event.name);
          if (pod.spec?.nodeName === this.nodeName || before?.spec?.nodeName === this.nodeName || this.#workers.has(key)) this.#queue.enqueue(key);
        });
    this.#queue.start();
    this.#heartbeat.start();
    for (const pod of this.#podsOnNode()) this.#queue.enqueue(objectKey(pod.metadata?.namespace, pod.metadata?.name ?? ''));
    for (const key of this.#workers.keys()) this.#queue.enqueue(key);
  }

  /**
   * Takes the node down: no heartbeats, no pod updates. Its containers die with it; their pods
   * keep the status last reported until the node returns (the node lifecycle controller marks
   * them not ready), and pods deleted meanwhile stay Terminating.
   */
  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#watch?.stop();
    this.#watch = undefined;
    this.#queue.stop();
    this.#heartbeat.stop();
    for (const { handle } of this.#timers.values()) this.#clock.clearTimeout(handle);
    this.#timers.clear();
    this.runtime.killAll(255, 'Unknown');
    const now = this.#clock.now();
    for (const worker of this.#workers.values()) {
      for (const slot of worker.slots) {
        if (slot.phase === 'running' || slot.phase === 'stopping') {
          slot.ready = false;
          enter(slot, 'exited', now);
        }
      }
    }
  }

  /** The kubelet's sync queue (to settle a cluster with). */
  get queue(): Controller {
    return this.#queue;
  }

  /** Resolves when no sync is queued (tests step a ManualClock between these). */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  /** Opens a connection to a pod's port on this node (the API server's proxy does this). */
  dial(podUID: string, port: number, request: AppRequest): DialResult {
    if (!this.#running) return { kind: 'refused' };
    return this.runtime.dial(podUID, port, request);
  }

  #podsOnNode(): Readonly<Pod>[] {
    return this.#client.list<Pod & KubeObject>(podRef, undefined, (p) => p.spec?.nodeName === this.nodeName);
  }

  #parseImage(image: string): ImageReference | undefined {
    if (!this.#images.has(image)) this.#images.set(image, parseImageReference(image));
    return this.#images.get(image);
  }

  #sync(key: string): void {
    if (!this.#running) return;
    const { namespace, name } = splitKey(key);
    const pod = this.#client.get<Pod & KubeObject>(podRef, namespace, name);
    let worker = this.#workers.get(key);
    if (!pod || pod.spec?.nodeName !== this.nodeName || (worker && worker.uid !== pod.metadata.uid)) {
      if (worker) this.#teardown(key, worker);
      if (!pod || pod.spec?.nodeName !== this.nodeName) return;
      worker = undefined;
    }
    if (!worker) {
      // A pod that finished before this kubelet knew it (a restarted node) is left as it is.
      const phase = pod.status?.phase;
      if ((phase === 'Succeeded' || phase === 'Failed') && !pod.metadata.deletionTimestamp) return;
      worker = newPodWorker(pod, this.#clock.now());
      this.#workers.set(key, worker);
      this.#options.podEvents?.track(key, this.nodeName, true);
    }
    worker.pod = pod;
    const ctx = this.#context(worker);
    const run = runStages(ctx, this.#stages);
    this.#options.onStages?.(pod, run.applied);
    if (worker.phase !== 'new') this.#writeStatus(worker);
    if (worker.deleteRequested) {
      this.#delete(worker);
      return;
    }
    this.#wake(key, run.nextDue);
  }

  #context(worker: PodWorker): StageContext {
    const pod = worker.pod;
    return {
      now: this.#clock.now(),
      timing: this.#options.timing,
      worker,
      pod,
      runtime: this.runtime,
      nodeName: this.nodeName,
      hostIP: this.internalIP,
      kubeletMinor: this.#minor,
      parseImage: (image) => this.#parseImage(image),
      event: (type, reason, message, slot) =>
        this.#events.event(
          {
            kind: 'Pod',
            namespace: pod.metadata?.namespace,
            name: pod.metadata?.name ?? '',
            uid: pod.metadata?.uid,
            apiVersion: 'v1',
            resourceVersion: pod.metadata?.resourceVersion,
            ...(slot ? { fieldPath: `spec.${slot.init ? 'initContainers' : 'containers'}{${slot.name}}` } : {}),
          },
          type,
          reason,
          message,
        ),
      allocateIP: () => this.#ipam.allocate(),
      requestDelete: () => {
        worker.deleteRequested = true;
      },
    };
  }

  #writeStatus(worker: PodWorker): void {
    const pod = worker.pod;
    const status = podStatus(pod, worker, { now: this.#clock.now(), hostIP: this.internalIP, kubeletMinor: this.#minor });
    // deepEqual takes undefined properties as absent, as JSON does.
    if (deepEqual(status, pod.status)) return;
    worker.pod = this.#client.updateStatus<Pod & KubeObject>(podRef, { apiVersion: 'v1', kind: 'Pod', metadata: { name: pod.metadata?.name, namespace: pod.metadata?.namespace }, status });
  }

  /** The status manager's final step: remove the pod, only if it is still the same pod. */
  #delete(worker: PodWorker): void {
    const pod = worker.pod;
    try {
      this.#client.delete(podRef, pod.metadata?.namespace ?? '', pod.metadata?.name ?? '', { gracePeriodSeconds: 0, preconditions: { uid: worker.uid } });
    } catch (error) {
      if (!(error instanceof ApiError) || (error.reason !== 'NotFound' && error.reason !== 'Conflict')) throw error;
    }
  }

  #teardown(key: string, worker: PodWorker): void {
    this.runtime.removeSandbox(worker.uid);
    if (worker.ip) this.#ipam.release(worker.ip);
    const timer = this.#timers.get(key);
    if (timer) this.#clock.clearTimeout(timer.handle);
    this.#timers.delete(key);
    this.#workers.delete(key);
    this.#options.podEvents?.track(key, this.nodeName, false);
  }

  #wake(key: string, at: number | undefined): void {
    const existing = this.#timers.get(key);
    if (existing && existing.at === at) return;
    if (existing) this.#clock.clearTimeout(existing.handle);
    this.#timers.delete(key);
    if (at === undefined) return;
    // A stage falling due syncs at once, at its own time on the clock; a failure goes to the queue to retry.
    const handle = this.#clock.setTimeout(() => {
      this.#timers.delete(key);
      try {
        this.#sync(key);
      } catch {
        this.#queue.enqueue(key);
      }
    }, Math.max(0, at - this.#clock.now()));
    this.#timers.set(key, { at, handle });
  }
}
