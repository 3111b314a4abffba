import type { Clock, TimerHandle } from './clock.js';
import { parseDuration } from './duration.js';

interface ManualTimer {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void;
}

/** A clock that moves only when told: `advance(ms)` fires due timers in time order. For tests and `clock.advance`. */
export class ManualClock implements Clock {
  #now: number;
  #nextId = 1;
  readonly #timers = new Map<number, ManualTimer>();

  constructor(start: number | string = Date.UTC(2024, 0, 1)) {
    this.#now = typeof start === 'string' ? Date.parse(start) : start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.#nextId++;
    this.#timers.set(id, { id, at: this.#now + Math.max(0, ms), fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle.id as number);
  }

  /** Number of timers waiting. */
  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** Moves time forward (`5000` ms or `'5m'`), firing each timer that falls due at its own time (timers set meanwhile included). */
  advance(duration: number | string): void {
    const target = this.#now + parseDuration(duration);
    for (;;) {
      let next: ManualTimer | undefined;
      for (const timer of this.#timers.values()) if (timer.at <= target && (!next || timer.at < next.at || (timer.at === next.at && timer.id < next.id))) next = timer;
      if (!next) break;
      this.#timers.delete(next.id);
      this.#now = Math.max(this.#now, next.at);
      next.fn();
    }
    this.#now = target;
  }
}
