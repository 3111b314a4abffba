let lastSecond = Number.NaN;
let lastText = '';

/** RFC 3339 with second precision, as the API server writes every timestamp. */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  // Every write stamps the time; most writes fall in the second of the one before.
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}
