import { describe, expect, it } from 'vitest';
import { isLess, sortObjects } from './sort-by.js';

const names = (items: Record<string, unknown>[]): unknown[] => items.map((i) => (i['metadata'] as { name: string }).name);
const named = (...list: string[]): Record<string, unknown>[] => list.map((name) => ({ metadata: { name } }));

describe('--sort-by ordering (kubectl 1.33)', () => {
  it('orders strings byte by byte, as kubectl 1.31 and later do', () => {
    const sorted = sortObjects(named('web-9', 'web-10', 'a9', 'a-09', 'a10', 'B'), '.metadata.name');
    expect(names(sorted)).toEqual(['B', 'a-09', 'a10', 'a9', 'web-10', 'web-9']);
  });

  it('orders quantities by amount when both sides parse as one', () => {
    const sorted = sortObjects(named('1k', '900', '10', '2', '100m', '2m'), '.metadata.name');
    expect(names(sorted)).toEqual(['2m', '100m', '2', '10', '900', '1k']);
    expect(isLess('10', 'abc')).toBe(true);
    expect(isLess('abc', '10')).toBe(false);
  });

  it('puts objects without the field first and keeps the ties of a short list in their order', () => {
    const items = [{ metadata: { name: 'b' }, v: 1 }, { metadata: { name: 'a' } }, { metadata: { name: 'c' }, v: 1 }];
    expect(names(sortObjects(items, '.v'))).toEqual(['a', 'b', 'c']);
  });
});
