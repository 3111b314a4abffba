import { describe, expect, it } from 'vitest';
import { StallDetector } from './stall-detector.js';

const policy = { allowanceBytes: 1_000, progressBytes: 100, stallMs: 1_000 };
const event = 'x'.repeat(50);

function withClock(): { at: (ms: number) => void; detector: StallDetector } {
  let now = 0;
  return { at: (ms) => (now = ms), detector: new StallDetector(() => now, policy) };
}

describe('StallDetector', () => {
  it('never flags a stream whose backlog stays within the allowance', () => {
    const { at, detector } = withClock();
    for (let ms = 0; ms < 10_000; ms += 100) {
      at(ms);
      expect(detector.beforeWrite(event, 1_000)).toBe(false);
    }
  });

  it('flags a client that takes nothing for longer than the stall period', () => {
    const { at, detector } = withClock();
    let backlog = 2_000;
    const write = (ms: number): boolean => {
      at(ms);
      const stalled = detector.beforeWrite(event, backlog);
      backlog += event.length;
      return stalled;
    };
    expect(write(0)).toBe(false);
    expect(write(500)).toBe(false);
    expect(write(1_000)).toBe(false);
    expect(write(1_001)).toBe(true);
  });

  it('keeps a client that is still draining a large burst, however long it takes', () => {
    const { at, detector } = withClock();
    // A burst of initial events written at once, then taken 200 bytes at a time as events keep coming.
    let backlog = 50_000;
    for (let ms = 0; ms < 20_000; ms += 500) {
      at(ms);
      expect(detector.beforeWrite(event, backlog)).toBe(false);
      backlog += event.length - 200;
    }
  });

  it('counts bytes written since the mark, so growth that hides progress is not a stall', () => {
    const { at, detector } = withClock();
    at(0);
    expect(detector.beforeWrite(event, 2_000)).toBe(false);
    // 20 writes of 50 bytes while the client took 150: the backlog still grew by 850.
    for (let i = 1; i <= 20; i++) {
      at(i * 45);
      expect(detector.beforeWrite(event, 2_000 + i * 50 - (i === 20 ? 150 : 0))).toBe(false);
    }
    at(1_500);
    expect(detector.beforeWrite(event, 2_900)).toBe(false);
  });

  it('starts over once the backlog is back within the allowance', () => {
    const { at, detector } = withClock();
    at(0);
    expect(detector.beforeWrite(event, 5_000)).toBe(false);
    at(900);
    expect(detector.beforeWrite(event, 500)).toBe(false);
    at(1_800);
    expect(detector.beforeWrite(event, 5_000)).toBe(false);
    at(2_700);
    expect(detector.beforeWrite(event, 5_050)).toBe(false);
    at(2_801);
    expect(detector.beforeWrite(event, 5_100)).toBe(true);
  });
});
