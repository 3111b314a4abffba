/** The fixed request time of the printer tests, and timestamps relative to it. */
export const now = Date.parse('2024-06-01T12:00:00Z');

/** The RFC 3339 timestamp `ms` milliseconds before {@link now}. */
export function ago(ms: number): string {
  return new Date(now - ms).toISOString().replace(/\.000Z$/, 'Z');
}

export const second = 1000;
export const minute = 60 * second;
export const hour = 60 * minute;
