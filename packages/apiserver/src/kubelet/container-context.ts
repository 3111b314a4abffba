import type { Container, Pod } from '@minik/types';
import type { ImageReference } from '../apps/image-reference.js';
import type { AppStartContext } from '../apps/simulated-app.js';
import type { Clock } from '../util/clock.js';
import type { PodSandbox, RuntimeContainer } from './container-runtime.js';

/** What every container of a node shares: the clock, and its `now` as one function. */
export interface ContainerHost {
  readonly clock: Clock;
  readonly now: () => number;
}

/**
 * What a container's app sees (AppStartContext), kept by the app for the container's life: one
 * object per container. An object literal with `now`, `log` and `after` closures, the pod's facts
 * and the environment made up front cost about 0.5 KiB per running container (a tenth of a
 * Running pod's heap, bench/ S5); here the environment is made when an app reads it, and `log`
 * and `after` are made when read, so that an app may still take them apart
 * (`const { log } = context`).
 */
export class ContainerContext implements AppStartContext {
  #env: Readonly<Record<string, string>> | undefined;
  readonly #host: ContainerHost;
  readonly #sandbox: PodSandbox;
  readonly #record: RuntimeContainer;
  readonly #nodeName: string;
  readonly #hostname: string | undefined;
  readonly #serviceAccountName: string | undefined;

  constructor(
    readonly container: Readonly<Container>,
    host: ContainerHost,
    sandbox: PodSandbox,
    pod: Readonly<Pod>,
    record: RuntimeContainer,
  ) {
    this.#host = host;
    this.#sandbox = sandbox;
    this.#record = record;
    // The few strings the environment needs, not the pod: that version of it would stay alive.
    this.#nodeName = pod.spec?.nodeName ?? '';
    this.#hostname = pod.spec?.hostname;
    this.#serviceAccountName = pod.spec?.serviceAccountName;
  }

  // What the runtime's record of the container or its node holds already is read from there.
  get image(): ImageReference {
    return this.#record.image;
  }

  get restartCount(): number {
    return this.#record.attempt;
  }

  get now(): () => number {
    return this.#host.now;
  }

  get pod(): AppStartContext['pod'] {
    const sandbox = this.#sandbox;
    return { name: sandbox.name, namespace: sandbox.namespace, uid: sandbox.uid, ip: sandbox.ip, nodeName: this.#nodeName };
  }

  get env(): Readonly<Record<string, string>> {
    return (this.#env ??= this.#makeEnv());
  }

  get log(): (line: string) => void {
    const record = this.#record;
    const clock = this.#host.clock;
    return (line) => record.log.append(clock.now(), line);
  }

  get after(): (ms: number, fn: () => void) => void {
    const record = this.#record;
    const clock = this.#host.clock;
    return (ms, fn) => {
      if (record.process === undefined && record.finishedAt !== undefined) return;
      const handle = clock.setTimeout(() => {
        record.timers?.delete(handle);
        if (record.finishedAt === undefined) fn();
      }, ms);
      (record.timers ??= new Set()).add(handle);
    };
  }

  /**
   * The environment a container sees: HOSTNAME, the service variables of the `kubernetes`
   * Service, and the container's own `env` (literal values and the downward-API fields a
   * simulation knows).
   */
  #makeEnv(): Record<string, string> {
    const sandbox = this.#sandbox;
    const env: Record<string, string> = {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOSTNAME: this.#hostname ?? sandbox.name,
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
      KUBERNETES_PORT_443_TCP_PORT: '443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
    };
    const fields: Record<string, string | undefined> = {
      'metadata.name': sandbox.name,
      'metadata.namespace': sandbox.namespace,
      'metadata.uid': sandbox.uid,
      'spec.nodeName': this.#nodeName,
      'spec.serviceAccountName': this.#serviceAccountName,
      'status.podIP': sandbox.ip,
    };
    for (const variable of this.container.env ?? []) {
      if (variable.value !== undefined) env[variable.name] = variable.value.replace(/\$\((\w+)\)/g, (m, name: string) => env[name] ?? m);
      else if (variable.valueFrom?.fieldRef) env[variable.name] = fields[variable.valueFrom.fieldRef.fieldPath] ?? '';
    }
    return env;
  }
}
