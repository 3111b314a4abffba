import { describe, expect, it } from 'vitest';
import { frozenJsonCopy } from './compact-freeze.js';

describe('frozenJsonCopy', () => {
  it('gives what a JSON round trip gives, frozen all the way down', () => {
    const source = {
      kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web' }, annotations: undefined, 10: 'ten', 2: 'two' },
      spec: { containers: [{ name: 'c', args: ['a', undefined, () => 1] }], nodeName: undefined, fn: () => 1 },
      status: { startTime: new Date(0), ratio: Number.NaN, big: Infinity, ok: true, zero: 0, none: null, empty: {} },
    };
    const copy = frozenJsonCopy(source);
    expect(copy).toEqual(JSON.parse(JSON.stringify(source)));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(source));
    expect(Object.isFrozen(copy.spec.containers[0]!.args)).toBe(true);
    expect(Object.isFrozen(copy.status.empty)).toBe(true);
  });

  it('never shares objects, not even empty ones, between or within copies', () => {
    const shared = {};
    const a = frozenJsonCopy({ x: shared, y: shared });
    const b = frozenJsonCopy({ x: shared, y: shared });
    expect(new Set([a.x, a.y, b.x, b.y, shared]).size).toBe(5);
  });

  it('refuses a BigInt as JSON.stringify does', () => {
    expect(() => frozenJsonCopy({ n: 1n })).toThrow(TypeError);
  });
});
