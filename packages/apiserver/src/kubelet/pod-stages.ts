import type { Container } from '@minik/types';
import { goDuration } from './go-duration.js';
import { backOffMs } from './kubelet-timing.js';
import { enter, newSlot, specOf, type ContainerSlot } from './pod-worker.js';
import type { ContainerStage, PodStage, Stage, StageContext } from './stage-context.js';

type Probe = NonNullable<Container['readinessProbe']>;

/*
 * The simulated kubelet's pod lifecycle, as data: each stage is a condition, a delay and what
 * comes next (phase changes, runtime actions, events). The kubelet applies, in table order, the
 * first stage whose condition holds and whose delay has passed, then looks again; the pod's API
 * status is derived from the resulting container phases (pod-status.ts). Messages are upstream's
 * (pkg/kubelet/images/image_manager.go, pkg/kubelet/kuberuntime/kuberuntime_container.go and
 * kuberuntime_manager.go); golden tests in pod-stages.test.ts pin the sequences.
 */

const deleting = (ctx: StageContext): boolean => ctx.pod.metadata?.deletionTimestamp !== undefined && ctx.pod.metadata.deletionTimestamp !== null;
const restartPolicy = (ctx: StageContext): string => ctx.pod.spec?.restartPolicy ?? 'Always';
const isActive = (slot: ContainerSlot): boolean => slot.phase === 'running' || slot.phase === 'stopping';
const exitCodeOf = (slot: ContainerSlot): number => slot.current?.exitCode ?? 0;

/** Init containers run one after the other, and all of them before the app containers. */
function gateOpen(ctx: StageContext, slot: ContainerSlot): boolean {
  for (const other of ctx.worker.slots) {
    if (other === slot) return true;
    if (!other.init) continue;
    const done = other.phase === 'exited' && exitCodeOf(other) === 0;
    if (!done) return false;
  }
  return true;
}

/** The kubelet works on a container once the sandbox exists, the pod is not going away, and its turn has come. */
const canSetUp = (ctx: StageContext, slot: ContainerSlot): boolean => ctx.worker.phase === 'sandbox-ready' && !deleting(ctx) && gateOpen(ctx, slot);

function pullPolicy(ctx: StageContext, slot: ContainerSlot): string {
  return specOf(ctx.pod, slot)?.imagePullPolicy ?? 'IfNotPresent';
}

function needsPull(ctx: StageContext, slot: ContainerSlot): boolean {
  const ref = ctx.parseImage(slot.image);
  if (!ref) return false;
  const policy = pullPolicy(ctx, slot);
  return policy === 'Always' || (policy === 'IfNotPresent' && !ctx.runtime.hasImage(ref));
}

/** Whether the restart policy brings an exited container back (init containers: only after a failure). */
function shouldRestart(ctx: StageContext, slot: ContainerSlot): boolean {
  if (slot.restartAfterStop) return true;
  const policy = restartPolicy(ctx);
  const failed = exitCodeOf(slot) !== 0;
  if (slot.init) return failed && policy !== 'Never';
  return policy === 'Always' || (policy === 'OnFailure' && failed);
}

/**
 * client-go's flowcontrol.Backoff as the kubelet uses it for restarts: the first restart is
 * immediate; one within the back-off window waits for it, and each wait doubles (10 s … 5 min).
 * A container that ran longer than twice the maximum starts over.
 */
function inCrashBackOff(ctx: StageContext, slot: ContainerSlot): boolean {
  const finished = slot.current?.finishedAt ?? ctx.now;
  if (slot.crashBackOffMs === 0 || slot.crashBackOffUpdatedAt === undefined) return false;
  if (finished - slot.crashBackOffUpdatedAt > 2 * ctx.timing.crashBackOffMaxMs) return false;
  return ctx.now - finished < slot.crashBackOffMs;
}

function bumpCrashBackOff(ctx: StageContext, slot: ContainerSlot): void {
  const finished = slot.current?.finishedAt ?? ctx.now;
  const expired = slot.crashBackOffUpdatedAt === undefined || finished - slot.crashBackOffUpdatedAt > 2 * ctx.timing.crashBackOffMaxMs;
  slot.crashBackOffMs = expired || slot.crashBackOffMs === 0 ? ctx.timing.crashBackOffInitialMs : Math.min(slot.crashBackOffMs * 2, ctx.timing.crashBackOffMaxMs);
  slot.crashBackOffUpdatedAt = finished;
}

/** Back to the start of the set-up path with one more restart on the count. */
function restart(ctx: StageContext, slot: ContainerSlot): void {
  const spec = specOf(ctx.pod, slot);
  slot.image = spec?.image ?? slot.image;
  slot.restartCount += 1;
  slot.restartAfterStop = false;
  slot.ready = false;
  slot.pullFailures = 0;
  delete slot.message;
  enter(slot, 'creating', ctx.now);
}

/** When a stopping container's process is gone: promptly if it honours SIGTERM, else at the end of the grace period. */
function stopProcess(ctx: StageContext, slot: ContainerSlot, graceSeconds: number): void {
  const current = slot.current;
  if (current) ctx.runtime.signal(current);
  const honours = (current?.process?.sigterm ?? 'exit') === 'exit';
  const grace = Math.max(0, graceSeconds) * 1000;
  slot.killAt = ctx.now + (honours ? Math.min(ctx.timing.stopMs, grace) : grace);
  slot.killExitCode = honours ? 0 : 137;
  enter(slot, 'stopping', ctx.now);
}

function gracePeriodSeconds(ctx: StageContext): number {
  return ctx.pod.metadata?.deletionGracePeriodSeconds ?? ctx.pod.spec?.terminationGracePeriodSeconds ?? 30;
}

/** Runs a readiness probe against the container's simulated process. */
function probeResult(ctx: StageContext, slot: ContainerSlot, probe: Probe): string | undefined {
  const process = slot.current?.process;
  const sandbox = ctx.worker.sandbox;
  if (!process || !sandbox) return 'container is not running';
  const portOf = (port: number | string | undefined): number | undefined => {
    if (typeof port === 'number') return port;
    const named = specOf(ctx.pod, slot)?.ports?.find((p) => p.name === port);
    return named?.containerPort ?? (port === undefined ? undefined : Number(port));
  };
  const listens = (port: number): boolean => process.ports === 'any' || process.ports.includes(port);
  if (probe.httpGet) {
    const port = portOf(probe.httpGet.port);
    if (port === undefined || !listens(port)) return `Get "http://${sandbox.ip}:${port ?? 0}${probe.httpGet.path ?? '/'}": dial tcp ${sandbox.ip}:${port ?? 0}: connect: connection refused`;
    const [path = '/', query = ''] = (probe.httpGet.path ?? '/').split('?');
    const response = process.handle({
      method: 'GET',
      path,
      query,
      headers: { 'user-agent': `kube-probe/1.${ctx.kubeletMinor}`, accept: '*/*' },
      body: undefined,
      port,
      scheme: probe.httpGet.scheme === 'HTTPS' ? 'https' : 'http',
      clientIP: ctx.worker.pod.status?.hostIP ?? '',
      hostIP: sandbox.ip,
    });
    return response.status >= 200 && response.status < 400 ? undefined : `HTTP probe failed with statuscode: ${response.status}`;
  }
  if (probe.tcpSocket) {
    const port = portOf(probe.tcpSocket.port);
    return port !== undefined && listens(port) ? undefined : `dial tcp ${sandbox.ip}:${port ?? 0}: connect: connection refused`;
  }
  // exec and gRPC probes have nothing to run against in a simulation: they pass.
  return undefined;
}

const readinessProbe = (ctx: StageContext, slot: ContainerSlot): Probe | undefined => (slot.init ? undefined : (specOf(ctx.pod, slot) as Container | undefined)?.readinessProbe);

// ------------------------------------------------------------------------------------------------
// Pod stages

/** The kubelet accepts a pod bound to its node: startTime, one slot per container. */
const podAdmit: PodStage = {
  name: 'pod-admit',
  scope: 'pod',
  when: (ctx) => ctx.worker.phase === 'new' && !deleting(ctx),
  delay: () => 0,
  next(ctx) {
    const { worker, pod, now } = ctx;
    worker.startTime = now;
    // concat, not a spread: an array literal with spreads grows as by push, with room for 17 slots.
    worker.slots = (pod.spec?.initContainers ?? []).map((c) => newSlot(c, true, now)).concat((pod.spec?.containers ?? []).map((c) => newSlot(c, false, now)));
    worker.phase = 'admitted';
    worker.since = now;
  },
};

/** The pod sandbox comes up: the pod gets its IP from the node's podCIDR. */
const sandboxReady: PodStage = {
  name: 'sandbox-ready',
  scope: 'pod',
  when: (ctx) => ctx.worker.phase === 'admitted' && !deleting(ctx),
  delay: (ctx) => ctx.timing.sandboxMs,
  next(ctx) {
    const { worker } = ctx;
    // hostNetwork pods share the node's address; the others get one from the node's podCIDR.
    worker.ip ??= ctx.pod.spec?.hostNetwork ? ctx.hostIP : ctx.allocateIP();
    worker.sandbox = ctx.runtime.createSandbox(ctx.pod, worker.ip);
    worker.phase = 'sandbox-ready';
    worker.since = ctx.now;
  },
};

/** A deleted pod whose containers have all stopped is removed from the API (the status manager's final delete). */
const podTerminated: PodStage = {
  name: 'pod-terminated',
  scope: 'pod',
  when: (ctx) => deleting(ctx) && !ctx.worker.deleteRequested && !ctx.worker.slots.some(isActive),
  delay: () => 0,
  next(ctx) {
    ctx.worker.deleteRequested = true;
    ctx.requestDelete();
  },
};

// ------------------------------------------------------------------------------------------------
// Container stages

/** Deletion: SIGTERM to every running container (`Stopping container x`). */
const containerKill: ContainerStage = {
  name: 'container-kill',
  scope: 'container',
  when: (ctx, slot) => deleting(ctx) && slot.phase === 'running',
  delay: () => 0,
  next(ctx, slot) {
    ctx.event('Normal', 'Killing', `Stopping container ${slot.name}`, slot);
    stopProcess(ctx, slot, gracePeriodSeconds(ctx));
  },
};

/** The process is gone: exited after SIGTERM, or killed (137) at the end of the grace period. */
const containerStopped: ContainerStage = {
  name: 'container-stopped',
  scope: 'container',
  when: (_, slot) => slot.phase === 'stopping',
  delay: (_, slot) => (slot.killAt ?? slot.since) - slot.since,
  next(ctx, slot) {
    const code = slot.killExitCode ?? 137;
    if (slot.current) ctx.runtime.stop(slot.current, code, code === 0 ? 'Completed' : 'Error');
    slot.ready = false;
    enter(slot, 'exited', ctx.now);
  },
};

/** An image reference the kubelet cannot parse: InvalidImageName. */
const imageInvalid: ContainerStage = {
  name: 'image-invalid',
  scope: 'container',
  when: (ctx, slot) => slot.phase === 'creating' && canSetUp(ctx, slot) && ctx.parseImage(slot.image) === undefined,
  delay: () => 0,
  next(ctx, slot) {
    slot.message = `Failed to apply default image tag "${slot.image}": couldn't parse image reference "${slot.image}": invalid reference format`;
    ctx.event('Warning', 'InspectFailed', slot.message, slot);
    ctx.event('Warning', 'Failed', 'Error: InvalidImageName', slot);
    enter(slot, 'invalid-image', ctx.now);
  },
};

/** The image is already on the node and the policy does not ask for a pull. */
const imagePresent: ContainerStage = {
  name: 'image-present',
  scope: 'container',
  when: (ctx, slot) => {
    if (slot.phase !== 'creating' || !canSetUp(ctx, slot)) return false;
    const ref = ctx.parseImage(slot.image);
    return ref !== undefined && pullPolicy(ctx, slot) !== 'Always' && ctx.runtime.hasImage(ref);
  },
  delay: () => 0,
  next(ctx, slot) {
    ctx.event('Normal', 'Pulled', `Container image "${slot.image}" already present on machine`, slot);
    enter(slot, 'ready-to-start', ctx.now);
  },
};

/** imagePullPolicy Never and the image is missing: ErrImageNeverPull. */
const imageNeverPull: ContainerStage = {
  name: 'image-never-pull',
  scope: 'container',
  when: (ctx, slot) => {
    if (slot.phase !== 'creating' || !canSetUp(ctx, slot)) return false;
    const ref = ctx.parseImage(slot.image);
    return ref !== undefined && pullPolicy(ctx, slot) === 'Never' && !ctx.runtime.hasImage(ref);
  },
  delay: () => 0,
  next(ctx, slot) {
    slot.message = `Container image "${slot.image}" is not present with pull policy of Never`;
    ctx.event('Warning', 'ErrImageNeverPull', slot.message, slot);
    ctx.event('Warning', 'Failed', 'Error: ErrImageNeverPull', slot);
    enter(slot, 'image-never', ctx.now);
  },
};

/** A pull starts (`Pulling image "x"`). */
const imagePull: ContainerStage = {
  name: 'image-pull',
  scope: 'container',
  when: (ctx, slot) => slot.phase === 'creating' && canSetUp(ctx, slot) && needsPull(ctx, slot),
  delay: () => 0,
  next(ctx, slot) {
    ctx.event('Normal', 'Pulling', `Pulling image "${slot.image}"`, slot);
    enter(slot, 'pulling', ctx.now);
  },
};

function pullDuration(ctx: StageContext, slot: ContainerSlot): number {
  const ref = ctx.parseImage(slot.image);
  const size = ref ? ctx.runtime.apps.imageSize(ref) : 0;
  return Math.max(ctx.timing.pullMinMs, Math.round((size / 1_000_000) * ctx.timing.pullMsPerMB));
}

/** The pull succeeds: the image is on the node now. */
const imagePulled: ContainerStage = {
  name: 'image-pulled',
  scope: 'container',
  when: (ctx, slot) => {
    const ref = ctx.parseImage(slot.image);
    return slot.phase === 'pulling' && !deleting(ctx) && ref !== undefined && ctx.runtime.apps.pullError(ref) === undefined;
  },
  delay: (ctx, slot) => pullDuration(ctx, slot),
  next(ctx, slot) {
    const ref = ctx.parseImage(slot.image)!;
    const took = goDuration(ctx.now - slot.since);
    // 1.27 and 1.28 report the time including waiting; 1.29 added the image size.
    const size = ctx.kubeletMinor >= 29 ? `. Image size: ${ctx.runtime.apps.imageSize(ref)} bytes.` : '';
    ctx.event('Normal', 'Pulled', `Successfully pulled image "${slot.image}" in ${took} (${took} including waiting)${size}`, slot);
    ctx.runtime.addImage(ref);
    enter(slot, 'ready-to-start', ctx.now);
  },
};

/** The pull fails: ErrImagePull, with the registry's answer. */
const imagePullFailed: ContainerStage = {
  name: 'image-pull-failed',
  scope: 'container',
  when: (ctx, slot) => {
    const ref = ctx.parseImage(slot.image);
    return slot.phase === 'pulling' && !deleting(ctx) && ref !== undefined && ctx.runtime.apps.pullError(ref) !== undefined;
  },
  delay: (ctx) => ctx.timing.pullMinMs,
  next(ctx, slot) {
    const error = ctx.runtime.apps.pullError(ctx.parseImage(slot.image)!) ?? '';
    slot.pullFailures += 1;
    slot.message = error;
    slot.pullBackOffUntil = ctx.now + backOffMs(ctx.timing.imageBackOffInitialMs, ctx.timing.imageBackOffMaxMs, slot.pullFailures);
    ctx.event('Warning', 'Failed', `Failed to pull image "${slot.image}": ${error}`, slot);
    ctx.event('Warning', 'Failed', 'Error: ErrImagePull', slot);
    enter(slot, 'pull-failed', ctx.now);
  },
};

/** The next sync finds the image in back-off: ImagePullBackOff. */
const imageBackOff: ContainerStage = {
  name: 'image-back-off',
  scope: 'container',
  when: (ctx, slot) => slot.phase === 'pull-failed' && !deleting(ctx),
  delay: (ctx) => ctx.timing.backOffNoticeMs,
  next(ctx, slot) {
    slot.message = `Back-off pulling image "${slot.image}"`;
    ctx.event('Normal', 'BackOff', slot.message, slot);
    ctx.event('Warning', 'Failed', 'Error: ImagePullBackOff', slot);
    enter(slot, 'pull-backoff', ctx.now);
  },
};

/** The back-off is over: try again (a changed image is picked up here too). */
const imagePullRetry: ContainerStage = {
  name: 'image-pull-retry',
  scope: 'container',
  when: (ctx, slot) => (slot.phase === 'pull-backoff' || slot.phase === 'pull-failed' || slot.phase === 'invalid-image' || slot.phase === 'image-never') && !deleting(ctx),
  delay: (ctx, slot) => {
    // A new image in the spec ends the wait at once.
    if (specOf(ctx.pod, slot)?.image !== slot.image) return 0;
    if (slot.phase === 'pull-backoff') return Math.max(0, (slot.pullBackOffUntil ?? slot.since) - slot.since);
    return Infinity;
  },
  next(ctx, slot) {
    const image = specOf(ctx.pod, slot)?.image ?? slot.image;
    if (image !== slot.image) slot.pullFailures = 0;
    slot.image = image;
    enter(slot, 'creating', ctx.now);
  },
};

/** Created and Started: the container's simulated process begins. */
const containerStart: ContainerStage = {
  name: 'container-start',
  scope: 'container',
  when: (ctx, slot) => slot.phase === 'ready-to-start' && canSetUp(ctx, slot),
  delay: (ctx) => ctx.timing.startMs,
  next(ctx, slot) {
    const spec = specOf(ctx.pod, slot);
    const ref = ctx.parseImage(slot.image);
    const sandbox = ctx.worker.sandbox;
    if (!spec || !ref || !sandbox) return;
    // 1.33 reworded the Created event (kubernetes/kubernetes#130471).
    ctx.event('Normal', 'Created', ctx.kubeletMinor >= 33 ? `Created container: ${slot.name}` : `Created container ${slot.name}`, slot);
    slot.previous = slot.current;
    slot.current = ctx.runtime.start(sandbox, ctx.pod, spec, ref, slot.restartCount);
    ctx.event('Normal', 'Started', `Started container ${slot.name}`, slot);
    const probe = readinessProbe(ctx, slot);
    slot.ready = probe === undefined;
    if (probe) slot.probeDue = ctx.now + (probe.initialDelaySeconds ?? 0) * 1000;
    else delete slot.probeDue;
    enter(slot, 'running', ctx.now);
  },
};

/** A readiness probe runs: ready when it passes, `Unhealthy` and another try a period later when not. */
const containerReadiness: ContainerStage = {
  name: 'container-readiness',
  scope: 'container',
  when: (ctx, slot) => slot.phase === 'running' && !deleting(ctx) && !slot.ready && slot.probeDue !== undefined,
  delay: (_, slot) => Math.max(0, (slot.probeDue ?? slot.since) - slot.since),
  next(ctx, slot) {
    const probe = readinessProbe(ctx, slot);
    const failure = probe ? probeResult(ctx, slot, probe) : undefined;
    if (failure === undefined) {
      slot.ready = true;
      delete slot.probeDue;
      return;
    }
    ctx.event('Warning', 'Unhealthy', `Readiness probe failed: ${failure}`, slot);
    slot.probeDue = ctx.now + (probe?.periodSeconds ?? 10) * 1000;
  },
};

/** A container whose image changed in the spec is stopped and recreated. */
const containerDefinitionChanged: ContainerStage = {
  name: 'container-definition-changed',
  scope: 'container',
  when: (ctx, slot) => slot.phase === 'running' && !deleting(ctx) && specOf(ctx.pod, slot)?.image !== slot.image,
  delay: () => 0,
  next(ctx, slot) {
    ctx.event('Normal', 'Killing', `Container ${slot.name} definition changed, will be restarted`, slot);
    slot.restartAfterStop = true;
    stopProcess(ctx, slot, ctx.pod.spec?.terminationGracePeriodSeconds ?? 30);
  },
};

/** The simulated process ends on its own (a command that finishes). */
const containerExit: ContainerStage = {
  name: 'container-exit',
  scope: 'container',
  when: (ctx, slot) => slot.phase === 'running' && slot.current?.process?.exit !== undefined,
  delay: (_, slot) => slot.current?.process?.exit?.afterMs ?? Infinity,
  next(ctx, slot) {
    const current = slot.current!;
    const code = current.process?.exit?.exitCode ?? 0;
    ctx.runtime.stop(current, code, code === 0 ? 'Completed' : 'Error');
    slot.ready = false;
    enter(slot, 'exited', ctx.now);
  },
};

/** An exited container the restart policy brings back, outside its back-off window: restarted now. */
const containerRestart: ContainerStage = {
  name: 'container-restart',
  scope: 'container',
  when: (ctx, slot) => slot.phase === 'exited' && !deleting(ctx) && shouldRestart(ctx, slot) && (slot.restartAfterStop === true || !inCrashBackOff(ctx, slot)),
  delay: () => 0,
  next(ctx, slot) {
    if (!slot.restartAfterStop) bumpCrashBackOff(ctx, slot);
    restart(ctx, slot);
  },
};

/** Exited again within the back-off window: CrashLoopBackOff until it ends. */
const containerCrashBackOff: ContainerStage = {
  name: 'container-crash-backoff',
  scope: 'container',
  when: (ctx, slot) => slot.phase === 'exited' && !deleting(ctx) && shouldRestart(ctx, slot) && inCrashBackOff(ctx, slot),
  delay: () => 0,
  next(ctx, slot) {
    const finished = slot.current?.finishedAt ?? ctx.now;
    slot.crashBackOffUntil = finished + slot.crashBackOffMs;
    const pod = ctx.pod.metadata;
    const podName = `${pod?.name ?? ''}_${pod?.namespace ?? ''}(${pod?.uid ?? ''})`;
    slot.message = `back-off ${goDuration(slot.crashBackOffMs)} restarting failed container=${slot.name} pod=${podName}`;
    ctx.event('Warning', 'BackOff', `Back-off restarting failed container ${slot.name} in pod ${podName}`, slot);
    enter(slot, 'crash-backoff', ctx.now);
  },
};

/** The restart back-off is over: the container is restarted. */
const containerBackOffOver: ContainerStage = {
  name: 'container-backoff-over',
  scope: 'container',
  when: (ctx, slot) => slot.phase === 'crash-backoff' && !deleting(ctx),
  delay: (_, slot) => Math.max(0, (slot.crashBackOffUntil ?? slot.since) - slot.since),
  next(ctx, slot) {
    bumpCrashBackOff(ctx, slot);
    restart(ctx, slot);
  },
};

/** The stage table, in the order the kubelet considers the stages. */
export const podStages: readonly Stage[] = [
  podAdmit,
  sandboxReady,
  containerKill,
  containerStopped,
  podTerminated,
  imageInvalid,
  imageNeverPull,
  imagePresent,
  imagePull,
  imagePulled,
  imagePullFailed,
  imageBackOff,
  imagePullRetry,
  containerStart,
  containerReadiness,
  containerDefinitionChanged,
  containerExit,
  containerRestart,
  containerCrashBackOff,
  containerBackOffOver,
];
