import { describe, expect, it } from 'vitest';
import { assertBase64Values, base64ErrorOffset } from './base64-data.js';

describe('base64 data', () => {
  it('accepts padded standard base64, line breaks included', () => {
    expect(base64ErrorOffset('')).toBeUndefined();
    expect(base64ErrorOffset('YWRtaW4=')).toBeUndefined();
    expect(base64ErrorOffset('cGFzc3dvcmQ=\n')).toBeUndefined();
    expect(base64ErrorOffset('YQ==')).toBeUndefined();
  });

  it('reports the offset Go reports', () => {
    expect(base64ErrorOffset('admin')).toBe(4); // an incomplete final quantum
    expect(base64ErrorOffset('abc')).toBe(0);
    expect(base64ErrorOffset('ab*d')).toBe(2);
    expect(base64ErrorOffset('a===')).toBe(1);
    expect(base64ErrorOffset('YQ==YQ==')).toBe(4); // data after padding
    expect(base64ErrorOffset('YQ=')).toBe(3); // not enough padding
  });

  it('throws the decoder 400', () => {
    expect(() => assertBase64Values({ password: 'hunter2' }, 'Secret')).toThrow(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    );
  });
});
