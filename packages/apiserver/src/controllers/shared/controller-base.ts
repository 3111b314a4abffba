import type { KubeObject } from '@minik/types';
import type { KindRef } from '../../client/in-process-client.js';
import type { StoreEvent, StoreWatch } from '../../store/index.js';
import { rfc3339 } from '../../util/time.js';
import { Controller, objectKey, type ReconcileResult, type Reconciler } from '../runtime/index.js';
import type { ControllerContext } from './controller-context.js';

/** A controller the controller manager can start, stop and wait for. */
export interface ManagedController {
  readonly name: string;
  /** The work queues whose idleness `settle()` waits for. */
  readonly queues: readonly Controller[];
  start(): void;
  stop(): void;
}

/**
 * One reconciler on one work queue, fed by store watches. Subclasses register their watches in
 * `setup()` (which also queues what already exists, as an informer's initial list does) and
 * implement `reconcile(key)`. Watch callbacks only queue keys; all reads and writes happen in
 * `reconcile`, so a controller never writes from inside another write.
 */
export abstract class ControllerBase implements ManagedController, Reconciler {
  protected readonly queue: Controller;
  readonly #watches: StoreWatch[] = [];

  constructor(
    readonly name: string,
    protected readonly ctx: ControllerContext,
  ) {
    this.queue = new Controller(this, { clock: ctx.clock, onError: ctx.onError });
  }

  get queues(): readonly Controller[] {
    return [this.queue];
  }

  start(): void {
    this.setup();
    this.queue.start();
  }

  stop(): void {
    for (const watch of this.#watches.splice(0)) watch.stop();
    this.queue.stop();
  }

  /** Registers watches and queues the initial keys. */
  protected abstract setup(): void;

  abstract reconcile(key: string): ReconcileResult | void;

  /** Watches a kind; the listener sees the new object and, for updates, the previous one. */
  protected watch(kind: KindRef, listener: (obj: Readonly<KubeObject>, event: StoreEvent) => void): void {
    this.#watches.push(
      this.ctx.client.watch(kind, (event) => {
        // A watch callback runs inside someone else's write: never let it throw into that write.
        try {
          listener(event.stored.object, event);
        } catch (error) {
          this.ctx.onError?.(this.name, `watch ${kind.kind}`, error);
        }
      }),
    );
  }

  /**
   * Watches the kind this controller reconciles, each change queueing the object's own key, and
   * queues every object that exists already, as an informer's initial list does.
   */
  protected watchPrimary(kind: KindRef): void {
    this.watch(kind, (obj) => this.enqueueObject(obj));
    for (const obj of this.ctx.client.list(kind)) this.enqueueObject(obj);
  }

  /** Queues an object under its own key (`namespace/name`). */
  protected enqueueObject(obj: Readonly<KubeObject>): void {
    this.queue.enqueue(objectKey(obj.metadata.namespace, obj.metadata.name ?? ''));
  }

  /** The current time as an RFC 3339 string with second precision. */
  protected nowString(): string {
    return rfc3339(this.ctx.clock.now());
  }
}
