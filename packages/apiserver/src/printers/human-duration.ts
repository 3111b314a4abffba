/*
 * Ages as upstream prints them: duration.HumanDuration from k8s.io/apimachinery/pkg/util/duration,
 * which gives about two significant figures and tolerates up to 2s of clock skew.
 */

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/** Upstream's `duration.HumanDuration` for a duration in milliseconds (`90s`, `5m3s`, `3h`, `2d4h`, `1y3d`). */
export function humanDuration(ms: number): string {
  // Go truncates toward zero when converting durations to whole units.
  const seconds = Math.trunc(ms / second);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;

  const minutes = Math.trunc(ms / minute);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;

  const hours = Math.trunc(ms / hour);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    const days = Math.trunc(hours / 24);
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const years = Math.trunc(hours / 24 / 365);
    const d = Math.trunc(hours / 24) % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * Time elapsed since an RFC 3339 timestamp, as upstream's translateTimestampSince: `<unknown>`
 * when the timestamp is missing (Go's zero time) or unparseable.
 */
export function ageOf(timestamp: string | null | undefined, now: number): string {
  const at = parseTimestamp(timestamp);
  return at === undefined ? '<unknown>' : humanDuration(now - at);
}

// Go's zero time.Time, which a Go client may serialise instead of omitting the field.
const goZeroTime = Date.parse('0001-01-01T00:00:00Z');

/** Milliseconds since the epoch of an RFC 3339 timestamp; undefined for a missing, zero or invalid one. */
export function parseTimestamp(timestamp: string | null | undefined): number | undefined {
  if (timestamp === undefined || timestamp === null || timestamp === '') return undefined;
  const at = Date.parse(timestamp);
  return Number.isNaN(at) || at === goZeroTime ? undefined : at;
}
