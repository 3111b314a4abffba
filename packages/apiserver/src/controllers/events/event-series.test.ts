import { describe, expect, it } from 'vitest';
import { EventSeriesCache, seriesKey, seriesWindowMs } from './event-series.js';

describe('event series cache', () => {
  it('continues a series within 6 minutes and forgets events not seen for longer', () => {
    const cache = new EventSeriesCache();
    const later = seriesWindowMs + 40_000;
    cache.start(1, 'pod-a.1', 0);
    cache.start(2, 'pod-b.1', later);
    expect(cache.get(1, seriesWindowMs)?.name).toBe('pod-a.1');
    // Past the window the event is over, whether or not a sweep has run yet.
    expect(cache.get(1, seriesWindowMs + 1)).toBeUndefined();
    expect(cache.size).toBe(2);
    // Sweeps run once per window: at 12 minutes `a` (last seen at 0) goes, `b` stays.
    expect(cache.get(2, 2 * seriesWindowMs)?.name).toBe('pod-b.1');
    expect(cache.size).toBe(1);
    cache.get(2, 3 * seriesWindowMs);
    expect(cache.size).toBe(0);
  });

  it('keys an event by every field, as a number', () => {
    const parts = ['default-scheduler', 'default-scheduler-minik', 'Pod', 'default', 'web', 'uid-1', 'v1', '', '', 'Normal', 'Scheduled', 'Binding', 'Successfully assigned default/web to minik'];
    const key = seriesKey(parts);
    expect(Number.isSafeInteger(key)).toBe(true);
    expect(seriesKey([...parts])).toBe(key);
    for (let i = 0; i < parts.length; i++) {
      const other = [...parts];
      other[i] += 'x';
      expect(seriesKey(other)).not.toBe(key);
    }
    // Fields are kept apart: moving a character from one field to the next is another key.
    expect(seriesKey(['ab', 'c'])).not.toBe(seriesKey(['a', 'bc']));
  });
});
