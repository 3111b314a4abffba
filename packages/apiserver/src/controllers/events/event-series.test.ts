import { describe, expect, it } from 'vitest';
import { EventSeriesCache, seriesWindowMs } from './event-series.js';

describe('event series cache', () => {
  it('continues a series within 6 minutes and forgets events not seen for longer', () => {
    const cache = new EventSeriesCache();
    const later = seriesWindowMs + 40_000;
    cache.start('a', 'pod-a.1', 0);
    cache.start('b', 'pod-b.1', later);
    expect(cache.get('a', seriesWindowMs)?.name).toBe('pod-a.1');
    // Past the window the event is over, whether or not a sweep has run yet.
    expect(cache.get('a', seriesWindowMs + 1)).toBeUndefined();
    expect(cache.size).toBe(2);
    // Sweeps run once per window: at 12 minutes `a` (last seen at 0) goes, `b` stays.
    expect(cache.get('b', 2 * seriesWindowMs)?.name).toBe('pod-b.1');
    expect(cache.size).toBe(1);
    cache.get('b', 3 * seriesWindowMs);
    expect(cache.size).toBe(0);
  });
});
