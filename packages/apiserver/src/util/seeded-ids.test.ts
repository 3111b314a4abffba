import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';
import { seededIds } from './seeded-ids.js';

describe('seededIds', () => {
  it('repeats the same sequence for the same seed and looks like upstream ids', () => {
    const a = seededIds(42);
    const b = seededIds(42);
    const first = [a.uid(), a.suffix(5), a.uid()];
    expect([b.uid(), b.suffix(5), b.uid()]).toEqual(first);
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first[1]).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(seededIds('other').uid()).not.toBe(first[0]);
  });
});

describe('parseDuration', () => {
  it('reads Go-style durations', () => {
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h2m3s')).toBe(3_723_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration(10)).toBe(10);
    expect(() => parseDuration('soon')).toThrow(/invalid duration/);
  });
});
