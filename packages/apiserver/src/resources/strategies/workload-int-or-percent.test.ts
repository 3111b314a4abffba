import { describe, expect, it } from 'vitest';
import { validateIntOrPercent, validateNotMoreThan100Percent, validatePositiveIntOrPercent } from './workload-int-or-percent.js';

const messages = (errs: readonly { message?: string; detail?: string }[]): string[] => errs.map((e) => JSON.stringify(e));

describe('int-or-percent validation', () => {
  it('takes non-negative integers and digit percentages', () => {
    for (const value of [0, 3, '0%', '25%', '100%']) expect(validateIntOrPercent(value, 'spec.x')).toEqual([]);
  });

  it('refuses malformed percentages and negative integers with upstream messages', () => {
    expect(messages(validatePositiveIntOrPercent('25', 'spec.x')).join()).toContain("a valid percent string must be a numeric string followed by an ending '%'");
    expect(messages(validatePositiveIntOrPercent(-1, 'spec.x')).join()).toContain('must be greater than or equal to 0');
  });

  it('refuses percentages over 100 but not integers over 100', () => {
    expect(messages(validateNotMoreThan100Percent('101%', 'spec.x')).join()).toContain('must not be greater than 100%');
    expect(validateNotMoreThan100Percent(101, 'spec.x')).toEqual([]);
    expect(validateIntOrPercent('250%', 'spec.x')).toHaveLength(1);
  });
});
