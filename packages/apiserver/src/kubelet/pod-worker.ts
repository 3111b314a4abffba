import type { Container, Pod } from '@minik/types';
import type { ImageReference } from '../apps/image-reference.js';
import type { PodSandbox, RuntimeContainer } from './container-runtime.js';

/**
 * Where one container of a pod is in the kubelet's lifecycle. Each stage of the table moves a
 * container from one phase to the next; the container's API status is derived from its phase.
 */
export type ContainerPhase =
  /** Waiting to be set up (ContainerCreating, or PodInitializing behind init containers). */
  | 'creating'
  /** Pulling its image (the Pulling event was sent). */
  | 'pulling'
  /** The pull failed: ErrImagePull. */
  | 'pull-failed'
  /** Waiting out the pull back-off: ImagePullBackOff. */
  | 'pull-backoff'
  /** The image reference does not parse: InvalidImageName. */
  | 'invalid-image'
  /** imagePullPolicy Never and the image is not on the node: ErrImageNeverPull. */
  | 'image-never'
  /** Its image is on the node: Created and Started come next. */
  | 'ready-to-start'
  | 'running'
  /** Sent SIGTERM; the process is gone at `killAt`. */
  | 'stopping'
  /** The process ended; the restart policy decides what follows. */
  | 'exited'
  /** Waiting out the restart back-off: CrashLoopBackOff. */
  | 'crash-backoff';

/** The kubelet's record of one container of a pod. */
export interface ContainerSlot {
  readonly name: string;
  readonly init: boolean;
  phase: ContainerPhase;
  /** When the container entered its phase (stage delays count from here). */
  since: number;
  /** The image it is being set up with (the spec's image at that time). */
  image: string;
  restartCount: number;
  /** Message of the waiting state (pull error, back-off). */
  message?: string;
  pullFailures: number;
  /** When the pull back-off ends (measured from the failure, as the kubelet's image back-off). */
  pullBackOffUntil?: number;
  /** When a stopping process is gone, and how it ends. */
  killAt?: number;
  killExitCode?: number;
  /** Stopped because its definition changed: restart whatever the restart policy. */
  restartAfterStop?: boolean;
  /** Crash back-off (client-go flowcontrol.Backoff): current delay and when it was last bumped. */
  crashBackOffMs: number;
  crashBackOffUpdatedAt?: number;
  crashBackOffUntil?: number;
  /** Readiness: whether the last probe passed, and when the next one runs. */
  ready: boolean;
  probeDue?: number;
  /** The container that runs or ran last, and the one before it (lastState). */
  current?: RuntimeContainer;
  previous?: RuntimeContainer;
}

/** The pod-level part of the lifecycle. */
export type PodWorkerPhase = 'new' | 'admitted' | 'sandbox-ready';

/** Everything the kubelet keeps about one pod bound to its node. */
export interface PodWorker {
  readonly uid: string;
  pod: Readonly<Pod>;
  phase: PodWorkerPhase;
  since: number;
  startTime?: number;
  ip?: string;
  sandbox?: PodSandbox;
  /** Init containers first, in order, then the app containers. */
  slots: ContainerSlot[];
  /** The kubelet has asked the API server to remove the pod. */
  deleteRequested: boolean;
}

/** A new worker for a pod the kubelet just saw. */
export function newPodWorker(pod: Readonly<Pod>, now: number): PodWorker {
  // Every field from the start: one added later moves the worker's fields to a second, larger block.
  return { uid: pod.metadata?.uid ?? '', pod, phase: 'new', since: now, startTime: undefined, ip: undefined, sandbox: undefined, slots: [], deleteRequested: false };
}

/** A fresh slot for a container of the spec. */
export function newSlot(container: Readonly<Container>, init: boolean, now: number): ContainerSlot {
  // The containers too, from the start: set later, they moved the slot's fields to a second block.
  return { name: container.name, init, phase: 'creating', since: now, image: container.image ?? '', restartCount: 0, pullFailures: 0, crashBackOffMs: 0, ready: false, current: undefined, previous: undefined };
}

/** Moves a slot to another phase, restarting its stage clock. */
export function enter(slot: ContainerSlot, phase: ContainerPhase, now: number): void {
  slot.phase = phase;
  slot.since = now;
}

/** The spec of a slot's container. */
export function specOf(pod: Readonly<Pod>, slot: ContainerSlot): Readonly<Container> | undefined {
  const list = slot.init ? pod.spec?.initContainers : pod.spec?.containers;
  return list?.find((c) => c.name === slot.name);
}

/** A parsed image, cached per slot image string. */
export type ImageParser = (image: string) => ImageReference | undefined;
