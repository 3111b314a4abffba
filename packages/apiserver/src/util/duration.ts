const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds of a Go-style duration (`1h2m3s`, `500ms`, `5m`) or a number of milliseconds. */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') return value;
  const text = value.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(text)) throw new Error(`invalid duration "${value}": use forms like 500ms, 30s, 5m, 1h30m`);
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) total += Number(amount) * unitMs[unit!]!;
  return total;
}
