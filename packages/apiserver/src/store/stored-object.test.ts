import type { KubeObject } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { storedObject } from './stored-object.js';

const object = (resourceVersion: string): KubeObject => Object.freeze({ apiVersion: 'v1', kind: 'ConfigMap', metadata: Object.freeze({ name: 'a', resourceVersion }) });

describe('storedObject', () => {
  it('reads its revision from the resourceVersion the store stamped', () => {
    const stored = storedObject(object('42'), 42);
    expect(stored.revision).toBe(42);
    expect(Object.isFrozen(stored)).toBe(true);
    expect(JSON.parse(stored.json)).toEqual(object('42'));
  });

  it('keeps a revision the object does not say (a converted view of another stored object)', () => {
    expect(storedObject(object(''), 7).revision).toBe(7);
    expect(storedObject(object('8'), 9).revision).toBe(9);
  });
});
