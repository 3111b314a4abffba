import { describe, expect, it } from 'vitest';
import { gridDelay } from './clock.js';

describe('gridDelay', () => {
  it('lands timers scheduled at different moments on one tick', () => {
    const dues = [1_000_003, 1_000_050, 1_000_099].map((now) => now + gridDelay(now, 1_000));
    expect(new Set(dues)).toEqual(new Set([1_001_000]));
  });

  it('never waits longer than asked, and less by under a tenth of it', () => {
    for (const now of [0, 7, 99, 100, 12_345]) {
      const delay = gridDelay(now, 1_000);
      expect(delay).toBeLessThanOrEqual(1_000);
      expect(delay).toBeGreaterThan(900);
    }
  });

  it('keeps short intervals on a grid of their own size', () => {
    expect(gridDelay(1_000_007, 50)).toBe(48);
    expect(gridDelay(3, 1)).toBe(1);
  });
});
