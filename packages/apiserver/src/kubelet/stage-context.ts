import type { Pod } from '@minik/types';
import type { ImageReference } from '../apps/image-reference.js';
import type { ContainerRuntime } from './container-runtime.js';
import type { KubeletTiming } from './kubelet-timing.js';
import type { ContainerSlot, PodWorker } from './pod-worker.js';

/** What a stage sees and may do: the pod, the kubelet's record of it, the runtime, and effects. */
export interface StageContext {
  readonly now: number;
  readonly timing: KubeletTiming;
  readonly worker: PodWorker;
  readonly pod: Readonly<Pod>;
  readonly runtime: ContainerRuntime;
  readonly nodeName: string;
  /** The node's InternalIP (the hostIP of its pods, and the podIP of hostNetwork pods). */
  readonly hostIP: string;
  /** Minor version of the simulated kubelet (messages changed across releases). */
  readonly kubeletMinor: number;
  parseImage(image: string): ImageReference | undefined;
  /** Records a kubelet event on the pod (on the container when `slot` is given). */
  event(type: 'Normal' | 'Warning', reason: string, message: string, slot?: ContainerSlot): void;
  /** An IP out of the node's podCIDR. */
  allocateIP(): string;
  /** Asks the API server to remove the pod (grace period 0, UID precondition). */
  requestDelete(): void;
}

/** A stage that concerns the pod as a whole. Its delay counts from when the pod's phase began. */
export interface PodStage {
  readonly name: string;
  readonly scope: 'pod';
  /** The condition: whether the stage applies now. */
  when(ctx: StageContext): boolean;
  /** Milliseconds after `worker.since` at which the stage fires. */
  delay(ctx: StageContext): number;
  /** The next status and events: moves the worker on. */
  next(ctx: StageContext): void;
}

/** A stage that concerns one container. Its delay counts from when the container's phase began. */
export interface ContainerStage {
  readonly name: string;
  readonly scope: 'container';
  when(ctx: StageContext, slot: ContainerSlot): boolean;
  /** Milliseconds after `slot.since` at which the stage fires. */
  delay(ctx: StageContext, slot: ContainerSlot): number;
  next(ctx: StageContext, slot: ContainerSlot): void;
}

export type Stage = PodStage | ContainerStage;
