/** Time as the cluster sees it. Injectable so tests (and `clock.advance`) never sleep. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** An opaque timer. */
export interface TimerHandle {
  readonly id: unknown;
}

/** The wall clock with Node's timers; timers never keep the process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return { id: t };
  },
  clearTimeout(handle) {
    clearTimeout(handle.id as NodeJS.Timeout);
  },
};

/**
 * The delay, at most `ms`, to the last tick of a shared grid (a tenth of `ms`, at most 100 ms) at
 * or before `now + ms`. Periodic work of many simulated nodes scheduled with it fires in the same
 * wake-up: on a VM each wake-up of an idle process costs more than a Lease renewal does.
 */
export function gridDelay(now: number, ms: number): number {
  const grid = Math.min(100, ms / 10);
  const delay = Math.floor((now + ms) / grid) * grid - now;
  return delay > 0 ? delay : ms;
}
