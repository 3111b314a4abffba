import { describe, expect, it } from 'vitest';
import { ageOf, humanDuration } from './human-duration.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  it.each([
    [-3 * s, '<invalid>'],
    [-2 * s, '<invalid>'],
    [-1.5 * s, '0s'],
    [-1 * s, '0s'],
    [-500, '0s'],
    [0, '0s'],
    [999, '0s'],
    [59 * s, '59s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 5 * s, '2m5s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 5 * m, '3h5m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [8 * h + 30 * m, '8h'],
    [47 * h, '47h'],
    [48 * h, '2d'],
    [2 * d + 5 * h, '2d5h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [8 * d + 5 * h, '8d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [730 * d + 10 * d, '2y10d'],
    [365 * 8 * d - d, '7y364d'],
    [365 * 8 * d, '8y'],
    [365 * 10 * d + 100 * d, '10y'],
  ])('%d ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('ageOf', () => {
  const now = Date.parse('2024-06-01T12:00:00Z');

  it('is the human duration since the timestamp', () => {
    expect(ageOf('2024-06-01T11:55:00Z', now)).toBe('5m');
    expect(ageOf('2024-05-30T12:00:00Z', now)).toBe('2d');
  });

  it('reads micro-time timestamps', () => {
    expect(ageOf('2024-06-01T11:59:30.123456Z', now)).toBe('29s');
  });

  it('is <unknown> for a missing or unparseable timestamp', () => {
    expect(ageOf(undefined, now)).toBe('<unknown>');
    expect(ageOf(null, now)).toBe('<unknown>');
    expect(ageOf('', now)).toBe('<unknown>');
    expect(ageOf('yesterday', now)).toBe('<unknown>');
    expect(ageOf('0001-01-01T00:00:00Z', now)).toBe('<unknown>');
  });

  it('is <invalid> for a timestamp in the future', () => {
    expect(ageOf('2024-06-01T12:01:00Z', now)).toBe('<invalid>');
  });
});
