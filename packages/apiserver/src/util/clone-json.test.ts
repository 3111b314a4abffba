import { describe, expect, it } from 'vitest';
import { cloneJson } from './clone-json.js';

describe('cloneJson', () => {
  it('copies objects and arrays deeply, so the copy can change without touching the source', () => {
    const source = Object.freeze({ a: Object.freeze([Object.freeze({ b: 1 })]), c: Object.freeze({ d: 'x', e: null, f: true }) });
    const copy = cloneJson(source);
    expect(copy).toEqual(source);
    (copy.a[0] as { b: number }).b = 2;
    (copy.c as { d: string }).d = 'y';
    expect(source.a[0]!.b).toBe(1);
    expect(source.c.d).toBe('x');
  });

  it('keeps a key named __proto__ as an own property, as JSON.parse does', () => {
    const source = JSON.parse('{"data":{"__proto__":"x"},"spec":{"__proto__":{"y":1}}}') as Record<string, Record<string, unknown>>;
    const copy = cloneJson(source);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(source));
    expect(Object.getPrototypeOf(copy.spec)).toBe(Object.prototype);
  });

  it('copies a value shared by two places twice (structuredClone would keep the alias)', () => {
    const shared = Object.freeze({});
    const copy = cloneJson({ status: shared, spec: { template: shared } });
    (copy.status as Record<string, number>)['replicas'] = 4;
    expect(copy.spec.template).toEqual({});
  });

  it('turns a Date into the string JSON would carry, as an object sent over HTTP', () => {
    expect(cloneJson({ at: new Date(0) })).toEqual({ at: '1970-01-01T00:00:00.000Z' });
  });
});
