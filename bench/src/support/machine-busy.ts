import { readFileSync } from 'node:fs';

/** Total and idle jiffies of all CPUs (/proc/stat), or undefined off Linux. */
function cpuTimes(): { total: number; idle: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { total: fields.reduce((a, b) => a + b, 0), idle };
  } catch {
    return undefined;
  }
}

/**
 * The share of the machine's CPU time others used over `ms` while the runner waits (nothing of
 * the bench runs then): other work on a 2-core machine skews every figure taken after it.
 */
export async function othersBusy(ms = 1_000): Promise<number | undefined> {
  const before = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return undefined;
  return 1 - (after.idle - before.idle) / (after.total - before.total);
}
