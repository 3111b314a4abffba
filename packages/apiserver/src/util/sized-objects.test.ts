import { describe, expect, it } from 'vitest';
import { sizedObject } from './sized-objects.js';

describe('sizedObject', () => {
  it('gives plain objects, whatever the size asked for', () => {
    for (const count of [0, 3, 10, 11, 50]) {
      const object = sizedObject(count);
      object.a = 1;
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(object.constructor).toBe(Object);
      expect(object).toStrictEqual({ a: 1 });
      expect(structuredClone(object)).toStrictEqual({ a: 1 });
      expect(Object.keys(object)).toEqual(['a']);
    }
  });
});
