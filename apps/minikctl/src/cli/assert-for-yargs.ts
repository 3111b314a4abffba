/**
 * What yargs takes from node:assert, for the bundle: node:assert loads util.inspect and its
 * colour support, which opens process.stderr, 3–4 ms of every start for two comparisons.
 * tsup.config.ts points the bundle's `assert` here.
 */

export function strictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!Object.is(actual, expected)) throw new Error(message ?? `Expected values to be strictly equal: ${String(actual)} !== ${String(expected)}`);
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) throw new Error(message ?? `Expected "actual" to be strictly unequal to: ${String(expected)}`);
}
