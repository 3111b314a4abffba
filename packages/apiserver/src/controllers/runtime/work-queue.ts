import type { Clock, TimerHandle } from '../../util/clock.js';

/** The outcome of one reconcile: nothing more to do, or look again after a delay. */
export interface ReconcileResult {
  requeueAfterMs?: number;
}

/** A level-triggered reconciler: re-reads current state for a key and moves it toward the desired state. */
export interface Reconciler {
  readonly name: string;
  reconcile(key: string): ReconcileResult | void;
}

/** Options of a controller's queue. */
export interface ControllerOptions {
  clock: Clock;
  /** First retry delay after a failed reconcile; doubles up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Where failures are reported (they are retried either way). */
  onError?: (controller: string, key: string, error: unknown) => void;
}

/**
 * A de-duplicating keyed work queue driving one reconciler. Keys queued while a drain runs are
 * processed in the same drain; a key is never reconciled twice at once; failures retry with
 * exponential backoff on the injected clock.
 */
export class Controller {
  readonly #reconciler: Reconciler;
  readonly #options: ControllerOptions;
  readonly #queue = new Set<string>();
  readonly #delayed = new Map<string, TimerHandle>();
  readonly #failures = new Map<string, number>();
  #scheduled = false;
  #running = false;
  #idleWaiters: (() => void)[] = [];

  constructor(reconciler: Reconciler, options: ControllerOptions) {
    this.#reconciler = reconciler;
    this.#options = options;
  }

  get name(): string {
    return this.#reconciler.name;
  }

  /** Queues a key for reconciliation soon (at most once, however often it is queued). */
  enqueue(key: string): void {
    this.#queue.add(key);
    this.#schedule();
  }

  /** Queues a key after a delay on the cluster clock (an earlier pending delay wins). */
  enqueueAfter(key: string, ms: number): void {
    if (!this.#running || this.#delayed.has(key)) return;
    if (ms <= 0) return this.enqueue(key);
    const handle = this.#options.clock.setTimeout(() => {
      this.#delayed.delete(key);
      this.enqueue(key);
    }, ms);
    this.#delayed.set(key, handle);
  }

  start(): void {
    this.#running = true;
    this.#schedule();
  }

  stop(): void {
    this.#running = false;
    for (const handle of this.#delayed.values()) this.#options.clock.clearTimeout(handle);
    this.#delayed.clear();
    this.#queue.clear();
    this.#wakeIdle();
  }

  /** Resolves once nothing is queued for immediate work (delayed keys do not count). */
  idle(): Promise<void> {
    if (this.#queue.size === 0 && !this.#scheduled) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  get busy(): boolean {
    return this.#queue.size > 0 || this.#scheduled;
  }

  #schedule(): void {
    if (this.#scheduled || !this.#running || this.#queue.size === 0) return;
    this.#scheduled = true;
    // A macrotask: lets the writes that queued keys finish (and batch) before reconciling.
    setImmediate(() => this.#drain());
  }

  #drain(): void {
    this.#scheduled = false;
    while (this.#running && this.#queue.size > 0) {
      const key = this.#queue.values().next().value as string;
      this.#queue.delete(key);
      this.#reconcileOne(key);
    }
    this.#wakeIdle();
  }

  #reconcileOne(key: string): void {
    try {
      const result = this.#reconciler.reconcile(key);
      this.#failures.delete(key);
      if (result?.requeueAfterMs !== undefined) this.enqueueAfter(key, result.requeueAfterMs);
    } catch (error) {
      const failures = (this.#failures.get(key) ?? 0) + 1;
      this.#failures.set(key, failures);
      this.#options.onError?.(this.name, key, error);
      const base = this.#options.baseBackoffMs ?? 5;
      const max = this.#options.maxBackoffMs ?? 1000;
      // Conflicts are normal between cooperating controllers: retry soon.
      this.enqueueAfter(key, Math.min(max, base * 2 ** (failures - 1)));
    }
  }

  #wakeIdle(): void {
    if (this.busy && this.#running) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }
}
