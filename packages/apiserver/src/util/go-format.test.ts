import { describe, expect, it } from 'vitest';
import { goJsonMarshal, goPrintValue } from './go-format.js';

describe('goPrintValue', () => {
  it("prints a decoded map as fmt's %+v does: sorted keys, bare strings, [a b] slices, <nil>", () => {
    expect(goPrintValue({ spec: { replicas: 'x', paused: true }, metadata: { labels: null }, list: [1, 'a', { b: 2 }] })).toBe(
      'map[list:[1 a map[b:2]] metadata:map[labels:<nil>] spec:map[paused:true replicas:x]]',
    );
  });

  it('prints floats in the shortest form, with an exponent from 1e+06 up and below 1e-04', () => {
    expect([1.5, 100000.5, 1234567.5, 0.0001, 0.00001234, 1e21 + 0.5].map(goPrintValue)).toEqual(['1.5', '100000.5', '1.2345675e+06', '0.0001', '1.234e-05', '1e+21']);
  });
});

describe('goJsonMarshal', () => {
  it('sorts keys and escapes HTML characters as json.Marshal does', () => {
    expect(goJsonMarshal({ b: '<a&b>', a: [1, { d: null, c: true }] })).toBe('{"a":[1,{"c":true,"d":null}],"b":"\\u003ca\\u0026b\\u003e"}');
  });
});
