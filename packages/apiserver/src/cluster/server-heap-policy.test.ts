import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { serverHeapPolicyFlag } from './server-heap-policy.js';

const run = promisify(execFile);

/** The growing factors V8 used for the old generation, from its own trace of each full collection. */
async function growingFactors(setFlagAtRuntime: boolean): Promise<string[]> {
  const apply = setFlagAtRuntime ? `require('node:v8').setFlagsFromString(${JSON.stringify(serverHeapPolicyFlag)});` : '';
  // Fast allocation of objects that stay live: V8's own policy grows such a heap 4× per collection.
  const script = `${apply} const kept = []; for (let i = 0; i < 300000; i++) kept.push({ i }); gc();`;
  const { stdout } = await run(process.execPath, ['--trace-gc-verbose', '--expose-gc', '-e', script]);
  return [...stdout.matchAll(/\[HeapController\] Limit: .*\((\d+\.\d)\)/g)].map((m) => m[1]!);
}

describe('the server heap policy', () => {
  it('makes V8 grow the heap to twice what is live, set after start-up as minik start sets it', async () => {
    const withPolicy = await growingFactors(true);
    expect(withPolicy.length).toBeGreaterThan(0);
    expect(new Set(withPolicy)).toEqual(new Set(['2.0']));
    // Without it V8 picks its own factor (4.0 for this allocation pattern), so the check above can fail.
    expect(await growingFactors(false)).not.toContain('2.0');
  });
});
