import { describe, expect, it } from 'vitest';
import { applyJsonMergePatch } from './json-merge-patch.js';

const merge = (target: string, patch: string): unknown => applyJsonMergePatch(JSON.parse(target), JSON.parse(patch));

describe('applyJsonMergePatch', () => {
  // RFC 7386, Appendix A (the cases with an object on both sides).
  it.each([
    ['{"a":"b"}', '{"a":"c"}', '{"a":"c"}'],
    ['{"a":"b"}', '{"b":"c"}', '{"a":"b","b":"c"}'],
    ['{"a":"b"}', '{"a":null}', '{}'],
    ['{"a":"b","b":"c"}', '{"a":null}', '{"b":"c"}'],
    ['{"a":["b"]}', '{"a":"c"}', '{"a":"c"}'],
    ['{"a":"c"}', '{"a":["b"]}', '{"a":["b"]}'],
    ['{"a":{"b":"c"}}', '{"a":{"b":"d","c":null}}', '{"a":{"b":"d"}}'],
    ['{"a":[{"b":"c"}]}', '{"a":[1]}', '{"a":[1]}'],
    ['{"e":null}', '{"a":1}', '{"e":null,"a":1}'],
    ['{}', '{"a":{"bb":{"ccc":null}}}', '{"a":{"bb":{}}}'],
  ])('%s + %s = %s', (target, patch, result) => {
    expect(merge(target, patch)).toEqual(JSON.parse(result));
  });

  it('prunes nulls inside a new value, array items included, as upstream does', () => {
    expect(merge('{}', '{"a":[{"b":null,"c":1},null]}')).toEqual({ a: [{ c: 1 }, null] });
    expect(merge('{"a":"x"}', '{"a":{"b":null}}')).toEqual({ a: {} });
  });

  it('keeps keys named like Object.prototype members and goes on after them', () => {
    const patched = merge('{"data":{"a":"1"}}', '{"data":{"constructor":"c","__proto__":"p","prototype":"q","b":"2"}}') as { data: object };
    expect(Object.keys(patched.data)).toEqual(['a', 'constructor', '__proto__', 'prototype', 'b']);
    expect(JSON.stringify(patched)).toBe('{"data":{"a":"1","constructor":"c","__proto__":"p","prototype":"q","b":"2"}}');
    expect(Object.getPrototypeOf(patched.data)).toBe(Object.prototype);
  });

  it('deletes a key named __proto__ with null', () => {
    expect(JSON.stringify(merge('{"data":{"__proto__":"p","a":"1"}}', '{"data":{"__proto__":null}}'))).toBe('{"data":{"a":"1"}}');
  });
});
