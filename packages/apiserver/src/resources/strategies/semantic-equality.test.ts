import { describe, expect, it } from 'vitest';
import { semanticForm, semanticallyEqual } from './semantic-equality.js';

/** What semanticallyEqual stands for: equal semantic forms. */
const byForm = (a: unknown, b: unknown): boolean => JSON.stringify(semanticForm(a)) === JSON.stringify(semanticForm(b));

const samples: unknown[] = [
  undefined, null, false, true, 0, 1, -1, '', 'a', '0', [], [0], [null], [{}], [1], [1, 2], [2, 1], [[]], {}, { a: 0 }, { a: null },
  { a: {} }, { a: [] }, { a: [0] }, { a: 1 }, { a: '1' }, { a: 1, b: 0 }, { b: 0, a: 1 }, { a: { b: { c: '' } } }, { a: { b: { c: 'x' } } },
  { a: [{ b: 0 }] }, { a: [{ b: 1 }] }, { a: [{}] }, { a: [null] }, { a: [{ b: 1 }, { b: 2 }] }, { a: [{ b: 2 }, { b: 1 }] },
];

describe('semanticallyEqual', () => {
  it('agrees with comparing semantic forms on every pair of samples', () => {
    for (const a of samples) for (const b of samples) expect([a, b, semanticallyEqual(a, b)]).toEqual([a, b, byForm(a, b)]);
  });

  it('takes unset, null and zero values as equal, but not an empty list item or a reordered list', () => {
    const spec = { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] }], dnsPolicy: 'ClusterFirst' };
    expect(semanticallyEqual(spec, { ...spec, hostNetwork: false, nodeSelector: {}, volumes: [], priority: 0 })).toBe(true);
    expect(semanticallyEqual({ ...spec, dnsPolicy: 'Default' }, spec)).toBe(false);
    expect(semanticallyEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(semanticallyEqual({ a: [] }, { a: [{}] })).toBe(false);
  });
});
