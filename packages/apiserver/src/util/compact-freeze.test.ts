import { describe, expect, it } from 'vitest';
import { freezeParsed } from './compact-freeze.js';

describe('freezeParsed', () => {
  it('freezes a parsed value all the way down and keeps its content', () => {
    const text = '{"kind":"Pod","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"containers":[{"name":"c","args":["a","b"]}]},"status":{}}';
    const value = freezeParsed(JSON.parse(text) as { spec: { containers: { args: string[] }[] }; status: object });
    expect(JSON.stringify(value)).toBe(text);
    expect(Object.isFrozen(value.spec.containers[0]!.args)).toBe(true);
    expect(Object.isFrozen(value.status)).toBe(true);
  });

  it('never shares objects, not even empty ones, between or within values', () => {
    const a = freezeParsed(JSON.parse('{"x":{},"y":{}}') as { x: object; y: object });
    const b = freezeParsed(JSON.parse('{"x":{},"y":{}}') as { x: object; y: object });
    expect(new Set([a.x, a.y, b.x, b.y]).size).toBe(4);
  });
});
