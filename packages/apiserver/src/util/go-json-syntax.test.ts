import { describe, expect, it } from 'vitest';
import { goJsonSyntaxError, parseJsonAsGo } from './go-json-syntax.js';

const syntax = (text: string): string | undefined => goJsonSyntaxError(new TextEncoder().encode(text));

describe('goJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', ' [ ] ', '{"a":[1,-2.5e+3,true,false,null,"\\u00e9\\n"]}', '0', '"x"', '-0.0E-1']) expect(syntax(text)).toBeUndefined();
  });

  it("words each syntax error as Go's scanner does", () => {
    expect(
      ['{bad', '{"a" 1}', '{"a":1 "b":2}', '[1 2]', 'trux', 'nul', '-a', '1.e', '1ex', '"\\q"', '"\\u12g4"', '{} x', "'a'", '"a\tb"', '01', '{"a":}', '[,]'].map(syntax),
    ).toEqual([
      "invalid character 'b' looking for beginning of object key string",
      "invalid character '1' after object key",
      `invalid character '"' after object key:value pair`,
      "invalid character '2' after array element",
      "invalid character 'x' in literal true (expecting 'e')",
      // At the end, Go's scanner steps one space: a literal cut short fails on it.
      "invalid character ' ' in literal null (expecting 'l')",
      "invalid character 'a' in numeric literal",
      "invalid character 'e' after decimal point in numeric literal",
      "invalid character 'x' in exponent of numeric literal",
      "invalid character 'q' in string escape code",
      "invalid character 'g' in \\u hexadecimal character escape",
      "invalid character 'x' after top-level value",
      "invalid character '\\'' looking for beginning of value",
      "invalid character '\\t' in string literal",
      "invalid character '1' after top-level value",
      "invalid character '}' looking for beginning of value",
      "invalid character ',' looking for beginning of value",
    ]);
  });

  it('ends early input with "unexpected end of JSON input", and names a non-ASCII byte as Go prints it', () => {
    expect(['', '   ', '{"a":', '[1,', '"abc', '1.'].map(syntax)).toEqual([...Array(5).fill('unexpected end of JSON input'), "invalid character ' ' after decimal point in numeric literal"]);
    // Go's quoteChar turns the byte 0xC3 (the first of "é") into the rune U+00C3.
    expect(syntax('é')).toBe("invalid character 'Ã' looking for beginning of value");
  });

  it('parseJsonAsGo parses valid JSON and throws the Go message otherwise', () => {
    expect(parseJsonAsGo('{"a":1}')).toEqual({ a: 1 });
    expect(() => parseJsonAsGo('{"a":1,}')).toThrow(`invalid character '}' looking for beginning of object key string`);
  });
});
