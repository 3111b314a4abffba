import { createHash } from 'node:crypto';
import type { Container, Pod } from '@minik/types';
import type { AppRegistry } from '../apps/app-registry.js';
import type { ImageReference } from '../apps/image-reference.js';
import type { AppProcess, AppRequest, AppResponse } from '../apps/simulated-app.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import { ContainerContext, type ContainerHost } from './container-context.js';
import { ContainerLog } from './container-log.js';

const containerIDPrefix = 'simulated://';

/** A container the simulated runtime created: its process while it runs, its log forever. */
export interface RuntimeContainer {
  /** `simulated://<64 hex characters>`, as container statuses carry it: one string for every status written. */
  readonly containerID: string;
  readonly name: string;
  /** The restart count it was created with. */
  readonly attempt: number;
  readonly image: ImageReference;
  readonly log: ContainerLog;
  readonly startedAt: number;
  process: AppProcess | undefined;
  finishedAt: number | undefined;
  exitCode: number | undefined;
  /** Completed, Error, … (the terminated state's reason). */
  reason: string | undefined;
  /** Timers the app set with `after` (made on the first: most apps set none). */
  timers: Set<TimerHandle> | undefined;
}

/**
 * A pod's sandbox on the node: its IP and the containers it ran, oldest first, the current and
 * the previous of each name. One list, not a history per name or a map by name: a pod has a
 * container or two, and a Map of one entry took 190 bytes per running pod.
 */
export interface PodSandbox {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly ip: string;
  /** Replaced, never grown in place: a `[]` grown by push keeps room for 17 entries (150 bytes) where a pod has one or two. */
  containers: readonly RuntimeContainer[];
}

/** The outcome of dialling a pod's port. */
export type DialResult = { kind: 'answered'; response: AppResponse } | { kind: 'refused' };

/**
 * A node's simulated container runtime (what containerd is to a real kubelet): images pulled,
 * sandboxes and containers, their processes (simulated apps) and logs. Knows nothing of the API.
 */
export class ContainerRuntime {
  readonly #clock: Clock;
  readonly #apps: AppRegistry;
  readonly #images = new Map<string, ImageReference>();
  #imageList: readonly ImageReference[] | undefined;
  readonly #sandboxes = new Map<string, PodSandbox>();
  /** The clock and its time as one function, which every container's app shares. */
  readonly #host: ContainerHost;

  constructor(clock: Clock, apps: AppRegistry) {
    this.#clock = clock;
    this.#apps = apps;
    this.#host = { clock, now: () => clock.now() };
  }

  get apps(): AppRegistry {
    return this.#apps;
  }

  hasImage(image: ImageReference): boolean {
    return this.#images.has(image.normalized);
  }

  addImage(image: ImageReference): void {
    if (this.#images.get(image.normalized) === image) return;
    this.#images.set(image.normalized, image);
    this.#imageList = undefined;
  }

  /** Images present, for node.status.images: the same array until an image is added. */
  get images(): readonly ImageReference[] {
    return (this.#imageList ??= Object.freeze([...this.#images.values()]));
  }

  sandbox(uid: string): PodSandbox | undefined {
    return this.#sandboxes.get(uid);
  }

  createSandbox(pod: Readonly<Pod>, ip: string): PodSandbox {
    const uid = pod.metadata?.uid ?? '';
    const existing = this.#sandboxes.get(uid);
    if (existing) return existing;
    const sandbox: PodSandbox = { uid, namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', ip, containers: [] };
    this.#sandboxes.set(uid, sandbox);
    return sandbox;
  }

  /** Kills whatever still runs and forgets the sandbox. */
  removeSandbox(uid: string): void {
    const sandbox = this.#sandboxes.get(uid);
    if (!sandbox) return;
    // Only the current container of a name can still run.
    for (const container of sandbox.containers) if (container.process) this.stop(container, 137, 'Error');
    this.#sandboxes.delete(uid);
  }

  /** Kills every running container (the node went down); sandboxes and logs stay. */
  killAll(exitCode = 255, reason = 'Unknown'): void {
    for (const sandbox of this.#sandboxes.values()) {
      for (const container of sandbox.containers) if (container.process) this.stop(container, exitCode, reason);
    }
  }

  /** Creates and starts a container: its app begins (and logs) at once. */
  start(sandbox: PodSandbox, pod: Readonly<Pod>, container: Readonly<Container>, image: ImageReference, attempt: number): RuntimeContainer {
    const now = this.#clock.now();
    const containerID = `${containerIDPrefix}${createHash('sha256').update(`${sandbox.uid}/${container.name}/${attempt}/${now}`).digest('hex')}`;
    const record: RuntimeContainer = {
      containerID,
      name: container.name,
      attempt,
      image,
      log: new ContainerLog(),
      startedAt: now,
      process: undefined,
      finishedAt: undefined,
      exitCode: undefined,
      reason: undefined,
      timers: undefined,
    };
    // Keep the current and the previous container of a name only, as the kubelet's container GC does.
    const current = historyOf(sandbox, container.name)?.at(-1);
    sandbox.containers = sandbox.containers.filter((c) => c.name !== container.name || c === current).concat(record);
    record.process = this.#apps.start(new ContainerContext(container, this.#host, sandbox, pod, record));
    return record;
  }

  /** Delivers SIGTERM: the app may log its shutdown. */
  signal(record: RuntimeContainer): void {
    record.process?.onSigterm?.();
  }

  /** The process is gone: record how it ended, end its log. */
  stop(record: RuntimeContainer, exitCode: number, reason: string): void {
    if (record.finishedAt !== undefined) return;
    for (const handle of record.timers ?? []) this.#clock.clearTimeout(handle);
    record.timers = undefined;
    record.process = undefined;
    record.finishedAt = this.#clock.now();
    record.exitCode = exitCode;
    record.reason = reason;
    record.log.close();
  }

  /** Connects to `port` of a pod's IP: the running container listening there answers. */
  dial(uid: string, port: number, request: AppRequest): DialResult {
    const sandbox = this.#sandboxes.get(uid);
    if (!sandbox) return { kind: 'refused' };
    for (const container of sandbox.containers) {
      const process = container.process;
      if (!process) continue;
      if (process.ports === 'any' || process.ports.includes(port)) return { kind: 'answered', response: process.handle(request) };
    }
    return { kind: 'refused' };
  }
}

/** The containers of one name a sandbox ran, oldest first (undefined if it ran none of that name). */
export function historyOf(sandbox: PodSandbox | undefined, name: string): readonly RuntimeContainer[] | undefined {
  const history = sandbox?.containers.filter((c) => c.name === name);
  return history !== undefined && history.length > 0 ? history : undefined;
}
