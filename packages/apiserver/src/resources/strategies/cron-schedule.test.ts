import { describe, expect, it } from 'vitest';
import { nextCronTime, parseCronSchedule } from './cron-schedule.js';

const at = (iso: string): number => Date.parse(iso);
const next = (spec: string, after: string, tz?: string): string => new Date(nextCronTime(parseCronSchedule(spec), at(after), tz)!).toISOString();

describe('cron schedules', () => {
  it('finds the next minute a schedule fires', () => {
    expect(next('*/5 * * * *', '2024-01-01T00:03:10Z')).toBe('2024-01-01T00:05:00.000Z');
    expect(next('*/5 * * * *', '2024-01-01T00:05:00Z')).toBe('2024-01-01T00:10:00.000Z');
    expect(next('0 9 * * mon-fri', '2024-01-06T10:00:00Z')).toBe('2024-01-08T09:00:00.000Z');
    expect(next('@monthly', '2024-01-15T00:00:00Z')).toBe('2024-02-01T00:00:00.000Z');
    expect(next('30 2 * * *', '2024-06-01T00:00:00Z', 'Europe/Berlin')).toBe('2024-06-01T00:30:00.000Z');
  });

  it('rejects malformed schedules with robfig/cron wording', () => {
    expect(() => parseCronSchedule('bad')).toThrow('expected exactly 5 fields, found 1: [bad]');
    expect(() => parseCronSchedule('61 * * * *')).toThrow('end of range (61) above maximum (59): 61');
    expect(() => parseCronSchedule('@sometimes')).toThrow('unrecognized descriptor: @sometimes');
  });
});
