/**
 * Standard five-field cron schedules as the CronJob API accepts them (robfig/cron's
 * ParseStandard): minute hour day-of-month month day-of-week, with `*`, `?`, lists, ranges,
 * steps, month and weekday names, and the @yearly/@monthly/@weekly/@daily/@hourly descriptors.
 */
export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  /** Either day field restricted: cron then matches a day when either one does (robfig's dayMatches). */
  domStar: boolean;
  dowStar: boolean;
}

const descriptors: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface Bounds {
  min: number;
  max: number;
  names?: readonly string[];
  namesFrom?: number;
}

/** Parses a schedule; throws an Error with robfig's wording when it is not valid. */
export function parseCronSchedule(spec: string): CronSchedule {
  const text = spec.trim();
  if (text === '') throw new Error('empty spec string');
  const expanded = text.startsWith('@') ? descriptors[text] : text;
  if (expanded === undefined) throw new Error(`unrecognized descriptor: ${text}`);
  const fields = expanded.split(/\s+/);
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const [min, hour, dom, month, dow] = fields as [string, string, string, string, string];
  return {
    minutes: parseField(min, { min: 0, max: 59 }),
    hours: parseField(hour, { min: 0, max: 23 }),
    daysOfMonth: parseField(dom, { min: 1, max: 31 }),
    months: parseField(month, { min: 1, max: 12, names: monthNames, namesFrom: 1 }),
    // 7 is Sunday too.
    daysOfWeek: new Set([...parseField(dow, { min: 0, max: 7, names: dayNames, namesFrom: 0 })].map((d) => d % 7)),
    domStar: dom === '*' || dom === '?',
    dowStar: dow === '*' || dow === '?',
  };
}

function parseField(field: string, bounds: Bounds): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [range = '', stepText] = part.split('/');
    let start: number;
    let end: number;
    if (range === '*' || range === '?') {
      start = bounds.min;
      end = bounds.max;
    } else {
      const [a = '', b] = range.split('-');
      start = value(a, bounds);
      end = b === undefined ? start : value(b, bounds);
      if (stepText !== undefined && b === undefined) end = bounds.max;
    }
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step <= 0) throw new Error(`failed to parse int from ${stepText}`);
    if (start < bounds.min) throw new Error(`beginning of range (${start}) below minimum (${bounds.min}): ${part}`);
    if (end > bounds.max) throw new Error(`end of range (${end}) above maximum (${bounds.max}): ${part}`);
    if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${part}`);
    for (let v = start; v <= end; v += step) out.add(v);
  }
  return out;
}

function value(text: string, bounds: Bounds): number {
  const named = bounds.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + (bounds.namesFrom ?? 0);
  if (!/^\d+$/.test(text)) throw new Error(`failed to parse int from ${text}`);
  return Number(text);
}

/** The wall-clock offset of a time zone at an instant, in ms (UTC and unknown zones: 0). */
export function zoneOffset(at: number, timeZone: string | undefined): number {
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** Whether a time zone name is known to this runtime's tz database. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The first scheduled minute strictly after `after` (ms since the epoch), or undefined within five years. */
export function nextCronTime(schedule: CronSchedule, after: number, timeZone?: string): number | undefined {
  const offset = zoneOffset(after, timeZone);
  // Work on the wall clock as if it were UTC, then map back.
  let t = Math.floor((after + offset) / 60_000) * 60_000 + 60_000;
  const limit = t + 5 * 366 * 24 * 3_600_000;
  while (t < limit) {
    const d = new Date(t);
    if (!schedule.months.has(d.getUTCMonth() + 1)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      continue;
    }
    if (!dayMatches(schedule, d)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!schedule.hours.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (!schedule.minutes.has(d.getUTCMinutes())) {
      t += 60_000;
      continue;
    }
    return t - zoneOffset(t - offset, timeZone);
  }
  return undefined;
}

function dayMatches(schedule: CronSchedule, d: Date): boolean {
  const dom = schedule.daysOfMonth.has(d.getUTCDate());
  const dow = schedule.daysOfWeek.has(d.getUTCDay());
  if (schedule.domStar || schedule.dowStar) return dom && dow;
  return dom || dow;
}
