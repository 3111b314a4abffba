import { describe, expect, it } from 'vitest';
import { SharedValues } from './shared-values.js';

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
});
