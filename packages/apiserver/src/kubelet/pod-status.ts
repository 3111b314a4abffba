import type { ContainerStatus, Pod, PodCondition, PodStatus } from '@minik/types';
import { imageID, statusImage } from '../apps/image-reference.js';
import { rfc3339 } from '../util/time.js';
import type { RuntimeContainer } from './container-runtime.js';
import type { ContainerSlot, PodWorker } from './pod-worker.js';

/** What the status needs besides the worker. */
export interface PodStatusInputs {
  readonly now: number;
  readonly hostIP: string;
  readonly kubeletMinor: number;
}

type ContainerState = NonNullable<ContainerStatus['state']>;

/** The `containerID` of a runtime container: `<runtime>://<id>`. */
export const containerIDOf = (record: RuntimeContainer): string => record.containerID;

function terminated(record: RuntimeContainer): ContainerState {
  return {
    terminated: {
      exitCode: record.exitCode ?? 0,
      reason: record.reason ?? 'Completed',
      startedAt: rfc3339(record.startedAt),
      finishedAt: rfc3339(record.finishedAt ?? record.startedAt),
      containerID: containerIDOf(record),
    },
  };
}

const waiting = (reason: string, message?: string): ContainerState => ({ waiting: { reason, ...(message ? { message } : {}) } });

/** One container's status from its slot, as the kubelet's convertToAPIContainerStatuses builds it. */
function containerStatus(slot: ContainerSlot, hasInit: boolean): ContainerStatus {
  const current = slot.current;
  const running = slot.phase === 'running' || slot.phase === 'stopping';
  let state: ContainerState;
  let lastState: ContainerState = {};
  switch (slot.phase) {
    case 'running':
    case 'stopping':
      state = { running: { startedAt: rfc3339(current!.startedAt) } };
      if (slot.previous) lastState = terminated(slot.previous);
      break;
    case 'exited':
      state = terminated(current!);
      if (slot.previous) lastState = terminated(slot.previous);
      break;
    case 'crash-backoff':
      state = waiting('CrashLoopBackOff', slot.message);
      lastState = terminated(current!);
      break;
    case 'pull-failed':
      state = waiting('ErrImagePull', slot.message);
      break;
    case 'pull-backoff':
      state = waiting('ImagePullBackOff', slot.message);
      break;
    case 'invalid-image':
      state = waiting('InvalidImageName', slot.message);
      break;
    case 'image-never':
      state = waiting('ErrImageNeverPull', slot.message);
      break;
    default:
      // Still being set up: a restarted container shows how it last ended; a new one waits in
      // ContainerCreating, or PodInitializing in a pod with init containers (convertToAPIContainerStatuses).
      // A pull being retried keeps showing the last error, as the kubelet's reason cache does.
      state = current
        ? terminated(current)
        : slot.pullFailures > 0
          ? waiting('ImagePullBackOff', `Back-off pulling image "${slot.image}"`)
          : waiting(hasInit ? 'PodInitializing' : 'ContainerCreating');
      if (current && slot.previous) lastState = terminated(slot.previous);
      else if (current && slot.phase !== 'creating') lastState = {};
  }
  if (slot.phase === 'pull-failed' || slot.phase === 'pull-backoff' || slot.phase === 'invalid-image' || slot.phase === 'image-never') {
    if (current) lastState = terminated(current);
  }
  const status: ContainerStatus = {
    name: slot.name,
    state,
    lastState,
    ready: running && slot.ready && slot.phase === 'running',
    restartCount: slot.restartCount,
    image: current ? statusImage(current.image) : slot.image,
    imageID: current ? imageID(current.image) : '',
    ...(current ? { containerID: containerIDOf(current) } : {}),
    started: running,
  };
  return status;
}

/** The pod phase from its containers (the kubelet's getPhase). */
function podPhase(pod: Readonly<Pod>, worker: PodWorker, deleting: boolean): string {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const init = worker.slots.filter((s) => s.init);
  const main = worker.slots.filter((s) => !s.init);
  const initFailedForGood = init.some((s) => s.phase === 'exited' && (s.current?.exitCode ?? 0) !== 0 && policy === 'Never');
  if (initFailedForGood) return 'Failed';
  const initPending = init.some((s) => !(s.phase === 'exited' && (s.current?.exitCode ?? 0) === 0));
  let waitingCount = 0;
  let runningCount = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const slot of main) {
    if (slot.phase === 'running' || slot.phase === 'stopping') runningCount++;
    else if (slot.current) {
      stopped++;
      if ((slot.current.exitCode ?? 0) === 0) succeeded++;
    } else waitingCount++;
  }
  if (deleting && runningCount === 0 && main.every((s) => s.phase === 'exited' || !s.current)) {
    // A deleted pod whose containers were stopped reaches a terminal phase before it is removed.
    return stopped > 0 && succeeded === stopped ? 'Succeeded' : 'Failed';
  }
  if (initPending) return 'Pending';
  if (waitingCount > 0) return 'Pending';
  if (runningCount > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return policy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
}

/**
 * The pod status the simulated kubelet reports: phase, conditions, IPs, start time and container
 * statuses, derived from its worker (generateAPIPodStatus). Conditions keep their transition
 * times while their status does not change; conditions other components own are kept.
 */
export function podStatus(pod: Readonly<Pod>, worker: PodWorker, inputs: PodStatusInputs): PodStatus {
  const previous = pod.status ?? {};
  const now = rfc3339(inputs.now);
  const deleting = pod.metadata?.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
  const initSlots = worker.slots.filter((s) => s.init);
  const mainSlots = worker.slots.filter((s) => !s.init);
  const phase = podPhase(pod, worker, deleting);
  const completed = phase === 'Succeeded' || phase === 'Failed';

  const condition = (type: string, ok: boolean, reason?: string, message?: string): PodCondition => {
    const old = previous.conditions?.find((c) => c.type === type);
    const status = ok ? 'True' : 'False';
    return {
      type,
      status,
      lastProbeTime: null as unknown as string,
      lastTransitionTime: old && old.status === status && old.lastTransitionTime ? old.lastTransitionTime : now,
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
    };
  };
  const unready = mainSlots.filter((s) => !(s.ready && s.phase === 'running')).map((s) => s.name);
  const incomplete = initSlots.filter((s) => !(s.phase === 'exited' && (s.current?.exitCode ?? 0) === 0)).map((s) => s.name);
  const conditions: PodCondition[] = [];
  // PodReadyToStartContainers is on by default from 1.29 (beta).
  if (inputs.kubeletMinor >= 29) conditions.push(condition('PodReadyToStartContainers', worker.phase === 'sandbox-ready' && !completed));
  conditions.push(
    completed
      ? condition('Initialized', true, 'PodCompleted')
      : incomplete.length > 0
        ? condition('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`)
        : condition('Initialized', true),
  );
  const ready = !completed && unready.length === 0;
  const notReady = (type: string): PodCondition =>
    completed ? condition(type, false, 'PodCompleted') : ready ? condition(type, true) : condition(type, false, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`);
  conditions.push(notReady('Ready'), notReady('ContainersReady'));
  const owned = new Set(conditions.map((c) => c.type));
  for (const other of previous.conditions ?? []) if (!owned.has(other.type)) conditions.push(other);

  const status: PodStatus = {
    phase,
    conditions,
    hostIP: inputs.hostIP,
    ...(inputs.kubeletMinor >= 29 ? { hostIPs: [{ ip: inputs.hostIP }] } : {}),
    ...(worker.ip ? { podIP: worker.ip, podIPs: [{ ip: worker.ip }] } : {}),
    ...(worker.startTime !== undefined ? { startTime: rfc3339(worker.startTime) } : {}),
    ...(initSlots.length > 0 ? { initContainerStatuses: initSlots.map((s) => containerStatus(s, true)) } : {}),
    containerStatuses: mainSlots.map((s) => containerStatus(s, initSlots.length > 0)),
    ...(previous.qosClass ? { qosClass: previous.qosClass } : {}),
  };
  return status;
}
