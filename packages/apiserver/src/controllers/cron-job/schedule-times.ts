import { nextCronTime, zoneOffset, type CronSchedule } from '../../resources/strategies/cron-schedule.js';
import type { CronJobObject, CronJobStatus } from './cron-job-template.js';

/** What mostRecentScheduleTime finds: the latest due time not yet run, and how many were missed. */
export interface RecentSchedule {
  time?: number;
  missed: number;
}

/**
 * mostRecentScheduleTime: the latest scheduled time after the last schedule (or the CronJob's
 * creation), and no earlier than startingDeadlineSeconds ago, that is not after `now`.
 */
export function mostRecentScheduleTime(cronJob: Readonly<CronJobObject>, status: CronJobStatus, schedule: CronSchedule, now: number): RecentSchedule {
  let earliest = Date.parse(status.lastScheduleTime ?? cronJob.metadata.creationTimestamp ?? '');
  if (Number.isNaN(earliest)) earliest = now;
  const deadline = cronJob.spec.startingDeadlineSeconds;
  if (typeof deadline === 'number') earliest = Math.max(earliest, now - deadline * 1000);
  const timeZone = cronJob.spec.timeZone ?? undefined;
  let time: number | undefined;
  let missed = 0;
  // The scan is bounded: beyond 100 000 missed times only the count's order of magnitude matters.
  for (let t = nextCronTime(schedule, earliest, timeZone); t !== undefined && t <= now && missed < 100_000; t = nextCronTime(schedule, t, timeZone)) {
    time = t;
    missed++;
  }
  return time === undefined ? { missed } : { time, missed };
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

function wallClock(at: number, timeZone: string | undefined): { date: Date; offsetMinutes: number } {
  const offset = zoneOffset(at, timeZone);
  return { date: new Date(at + offset), offsetMinutes: Math.round(offset / 60_000) };
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}${colon ? ':' : ''}${pad(Math.abs(minutes) % 60)}`;
}

/** Go's time.RFC3339 of an instant in a time zone: `Z` for UTC, the offset otherwise. */
export function formatRFC3339In(at: number, timeZone: string | undefined): string {
  const { date, offsetMinutes } = wallClock(at, timeZone);
  const base = date.toISOString().slice(0, 19);
  return offsetMinutes === 0 && (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') ? `${base}Z` : `${base}${offsetText(offsetMinutes, true)}`;
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z (`Mon, 02 Jan 2006 15:04:05 -0700`), as the MissSchedule event prints the time. */
export function formatRFC1123Z(at: number, timeZone: string | undefined): string {
  const { date: d, offsetMinutes } = wallClock(at, timeZone);
  return `${days[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${offsetText(offsetMinutes, false)}`;
}
