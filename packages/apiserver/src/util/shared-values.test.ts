import { describe, expect, it } from 'vitest';
import { SharedValues, sameJsonText } from './shared-values.js';
import { frozenJsonCopy } from './compact-freeze.js';

describe('SharedValues', () => {
  it('builds a value once per text and keeps values that recur across generations', () => {
    const table = new SharedValues<object>(2);
    let built = 0;
    const make = () => (built++, {});
    const a = table.get('a', make);
    expect(table.get('a', make)).toBe(a);
    table.get('b', make); // a generation holds two
    table.get('c', make); // a and b are the older generation now
    table.get('d', make);
    expect(table.get('a', make)).toBe(a); // found in the older one, kept in a new one; b's is dropped
    const builtBefore = built;
    table.get('b', make);
    expect(built).toBe(builtBefore + 1);
  });

  it('remembers the value last found or made', () => {
    const table = new SharedValues<object>(4);
    const a = table.get('a', () => ({}));
    expect(table.last).toBe(a);
    table.get('b', () => ({}));
    table.get('a', () => ({}));
    expect(table.last).toBe(a);
  });
});

describe('sameJsonText', () => {
  it('is true only where JSON.stringify would give the same text', () => {
    const frozen = frozenJsonCopy({ labels: { app: 'web', tier: 'front' }, ports: [80, 443], on: true, none: null });
    const cases: unknown[] = [
      { labels: { app: 'web', tier: 'front' }, ports: [80, 443], on: true, none: null },
      { labels: { tier: 'front', app: 'web' }, ports: [80, 443], on: true, none: null },
      { labels: { app: 'web', tier: 'front' }, ports: [443, 80], on: true, none: null },
      { labels: { app: 'web', tier: 'front', x: undefined }, ports: [80, 443], on: true, none: null },
      { labels: { app: 'web', tier: 'front' }, ports: [80, 443], on: 1, none: null },
      { labels: { app: 'web', tier: 'front' }, ports: [80, 443], on: true, none: Number.NaN },
      { labels: { app: 'web', tier: 'front' }, ports: [80, 443], on: true },
    ];
    // Equal text is true; the undefined and NaN cases give the same text but are refused (unsure is false).
    expect(cases.map((value) => sameJsonText(value, frozen))).toEqual([true, false, false, false, false, false, false]);
    for (const value of cases) if (sameJsonText(value, frozen)) expect(JSON.stringify(value)).toBe(JSON.stringify(frozen));
    expect(sameJsonText({ at: new Date(0) }, frozenJsonCopy({ at: new Date(0) }))).toBe(false);
    expect(sameJsonText(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(false);
  });
});
