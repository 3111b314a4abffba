import { describe, expect, it } from 'vitest';
import { applyJsonPatch, JsonPatchError } from './json-patch.js';

const patch = (doc: string, ops: string): unknown => applyJsonPatch(JSON.parse(doc), JSON.parse(ops));

describe('applyJsonPatch', () => {
  // RFC 6902, Appendix A.
  it.each([
    ['adds an object member', '{"foo":"bar"}', '[{"op":"add","path":"/baz","value":"qux"}]', '{"baz":"qux","foo":"bar"}'],
    ['adds an array element', '{"foo":["bar","baz"]}', '[{"op":"add","path":"/foo/1","value":"qux"}]', '{"foo":["bar","qux","baz"]}'],
    ['removes an object member', '{"baz":"qux","foo":"bar"}', '[{"op":"remove","path":"/baz"}]', '{"foo":"bar"}'],
    ['removes an array element', '{"foo":["bar","qux","baz"]}', '[{"op":"remove","path":"/foo/1"}]', '{"foo":["bar","baz"]}'],
    ['replaces a value', '{"baz":"qux","foo":"bar"}', '[{"op":"replace","path":"/baz","value":"boo"}]', '{"baz":"boo","foo":"bar"}'],
    [
      'moves a value',
      '{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}',
      '[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]',
      '{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}',
    ],
    ['moves an array element', '{"foo":["all","grass","cows","eat"]}', '[{"op":"move","from":"/foo/1","path":"/foo/3"}]', '{"foo":["all","cows","eat","grass"]}'],
    ['tests, then acts', '{"baz":"qux","foo":["a",2,"c"]}', '[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]', '{"baz":"qux","foo":["a",2,"c"]}'],
    ['adds a nested member object', '{"foo":"bar"}', '[{"op":"add","path":"/child","value":{"grandchild":{}}}]', '{"foo":"bar","child":{"grandchild":{}}}'],
    ['escapes ~1 and ~0', '{"/":9,"~1":10}', '[{"op":"test","path":"/~01","value":10},{"op":"add","path":"/a~1b","value":1}]', '{"/":9,"~1":10,"a/b":1}'],
    ['appends with -', '{"foo":["bar"]}', '[{"op":"add","path":"/foo/-","value":["abc","def"]}]', '{"foo":["bar",["abc","def"]]}'],
    ['copies', '{"a":{"b":1}}', '[{"op":"copy","from":"/a","path":"/c"},{"op":"replace","path":"/c/b","value":2}]', '{"a":{"b":1},"c":{"b":2}}'],
  ])('%s', (_, doc, ops, result) => {
    expect(patch(doc, ops)).toEqual(JSON.parse(result));
  });

  it('keeps evanphx/json-patch v4 leniencies the API server has', () => {
    // replace of a missing map key adds it; negative indexes count from the end.
    expect(patch('{"a":1}', '[{"op":"replace","path":"/b","value":2}]')).toEqual({ a: 1, b: 2 });
    expect(patch('{"l":[1,2,3]}', '[{"op":"remove","path":"/l/-1"}]')).toEqual({ l: [1, 2] });
    expect(patch('{"l":[1,2]}', '[{"op":"add","path":"/l/-1","value":9}]')).toEqual({ l: [1, 2, 9] });
    // test of an absent or null value against null passes.
    expect(patch('{"a":null}', '[{"op":"test","path":"/a","value":null},{"op":"test","path":"/b","value":null}]')).toEqual({ a: null });
  });

  it.each([
    ['removing a missing key', '{"a":1}', '[{"op":"remove","path":"/b"}]'],
    ['an index past the end', '{"l":[1]}', '[{"op":"add","path":"/l/3","value":2}]'],
    ['a path under a scalar', '{"a":1}', '[{"op":"add","path":"/a/b","value":2}]'],
    ['a path under a missing key', '{"a":{}}', '[{"op":"add","path":"/x/b","value":2}]'],
    ['a path without a slash', '{"a":1}', '[{"op":"add","path":"a","value":2}]'],
    ['a failed test', '{"a":1}', '[{"op":"test","path":"/a","value":2}]'],
    ['an unknown op', '{"a":1}', '[{"op":"frob","path":"/a"}]'],
    ['a null operation', '{"a":1}', '[null]'],
    ['a missing path', '{"a":1}', '[{"op":"add","value":2}]'],
    ['a move from a missing key', '{"a":1}', '[{"op":"move","from":"/b","path":"/c"}]'],
  ])('fails on %s', (_, doc, ops) => {
    expect(() => patch(doc, ops)).toThrow(JsonPatchError);
  });

  it('reads and writes keys named like Object.prototype members as own properties', () => {
    const out = patch('{"data":{"a":"1"}}', '[{"op":"add","path":"/data/__proto__","value":"p"},{"op":"add","path":"/data/constructor","value":"c"}]') as { data: object };
    expect(JSON.stringify(out)).toBe('{"data":{"a":"1","__proto__":"p","constructor":"c"}}');
    expect(Object.getPrototypeOf(out.data)).toBe(Object.prototype);
    expect(() => patch('{"data":{}}', '[{"op":"remove","path":"/data/constructor"}]')).toThrow(JsonPatchError);
    expect(() => patch('{}', '[{"op":"add","path":"/constructor/prototype/polluted","value":1}]')).toThrow(JsonPatchError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
