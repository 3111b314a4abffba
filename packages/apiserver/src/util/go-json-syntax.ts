// encoding/json's syntax errors, for bodies JSON.parse rejects: upstream's messages name the byte
// and what the scanner was looking for (`invalid character 'b' looking for beginning of object key
// string`), where V8's name a position. A port of Go's scanner (encoding/json/scanner.go); it runs
// only after JSON.parse failed, so valid bodies never pay for it.

import { goQuote } from '../resources/strategies/go-syntax.js';

type Step = (c: number) => void;

const enum Parse {
  ObjectKey,
  ObjectValue,
  ArrayValue,
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** Go's quoteChar: the byte as a one-character Go string literal in single quotes. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  // A byte above 0x7f is the code point of the same number, as Go's string(byte) makes it; the
  // non-printable ones among them are \u escapes in strconv.Quote.
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u00${c.toString(16).padStart(2, '0')}'`;
  return `'${goQuote(String.fromCharCode(c)).slice(1, -1)}'`;
}

class GoJsonScanner {
  error: string | undefined;
  endTop = false;
  private readonly stack: Parse[] = [];
  step: Step = (c) => this.beginValue(c);

  private fail(c: number, context: string): void {
    this.error ??= `invalid character ${quoteChar(c)} ${context}`;
    this.step = () => {};
  }

  private beginValue(c: number): void {
    if (isSpace(c)) return;
    switch (c) {
      case 0x7b: // {
        this.stack.push(Parse.ObjectKey);
        this.step = (d) => this.beginStringOrEmpty(d);
        return;
      case 0x5b: // [
        this.stack.push(Parse.ArrayValue);
        this.step = (d) => this.beginValueOrEmpty(d);
        return;
      case 0x22: // "
        this.step = (d) => this.inString(d);
        return;
      case 0x2d: // -
        this.step = (d) => this.neg(d);
        return;
      case 0x30: // 0
        this.step = (d) => this.zero(d);
        return;
      case 0x74: // t
        this.literal('true', 1);
        return;
      case 0x66: // f
        this.literal('false', 1);
        return;
      case 0x6e: // n
        this.literal('null', 1);
        return;
    }
    if (c >= 0x31 && c <= 0x39) {
      this.step = (d) => this.digits(d);
      return;
    }
    this.fail(c, 'looking for beginning of value');
  }

  private beginValueOrEmpty(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x5d) this.endValue(c);
    else this.beginValue(c);
  }

  private beginStringOrEmpty(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x7d) {
      this.stack[this.stack.length - 1] = Parse.ObjectValue;
      this.endValue(c);
    } else this.beginString(c);
  }

  private beginString(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x22) this.step = (d) => this.inString(d);
    else this.fail(c, 'looking for beginning of object key string');
  }

  private endValue(c: number): void {
    const n = this.stack.length;
    if (n === 0) {
      this.endTop = true;
      this.step = (d) => this.endTopValue(d);
      this.endTopValue(c);
      return;
    }
    if (isSpace(c)) {
      this.step = (d) => this.endValue(d);
      return;
    }
    switch (this.stack[n - 1]) {
      case Parse.ObjectKey:
        if (c === 0x3a) {
          this.stack[n - 1] = Parse.ObjectValue;
          this.step = (d) => this.beginValue(d);
        } else this.fail(c, 'after object key');
        return;
      case Parse.ObjectValue:
        if (c === 0x2c) {
          this.stack[n - 1] = Parse.ObjectKey;
          this.step = (d) => this.beginString(d);
        } else if (c === 0x7d) this.pop();
        else this.fail(c, 'after object key:value pair');
        return;
      default:
        if (c === 0x2c) this.step = (d) => this.beginValue(d);
        else if (c === 0x5d) this.pop();
        else this.fail(c, 'after array element');
    }
  }

  private pop(): void {
    this.stack.pop();
    if (this.stack.length === 0) {
      this.endTop = true;
      this.step = (d) => this.endTopValue(d);
    } else this.step = (d) => this.endValue(d);
  }

  private endTopValue(c: number): void {
    if (!isSpace(c)) this.fail(c, 'after top-level value');
  }

  private inString(c: number): void {
    if (c === 0x22) this.step = (d) => this.endValue(d);
    else if (c === 0x5c) this.step = (d) => this.inStringEscape(d);
    else if (c < 0x20) this.fail(c, 'in string literal');
  }

  private inStringEscape(c: number): void {
    if ('bfnrt\\/"'.includes(String.fromCharCode(c))) this.step = (d) => this.inString(d);
    else if (c === 0x75) this.step = (d) => this.unicodeEscape(d, 0);
    else this.fail(c, 'in string escape code');
  }

  private unicodeEscape(c: number, seen: number): void {
    if (!isHex(c)) this.fail(c, 'in \\u hexadecimal character escape');
    else if (seen === 3) this.step = (d) => this.inString(d);
    else this.step = (d) => this.unicodeEscape(d, seen + 1);
  }

  private neg(c: number): void {
    if (c === 0x30) this.step = (d) => this.zero(d);
    else if (c >= 0x31 && c <= 0x39) this.step = (d) => this.digits(d);
    else this.fail(c, 'in numeric literal');
  }

  private digits(c: number): void {
    if (isDigit(c)) return;
    this.zero(c);
  }

  private zero(c: number): void {
    if (c === 0x2e) this.step = (d) => this.dot(d);
    else if (c === 0x65 || c === 0x45) this.step = (d) => this.exponent(d);
    else this.endValue(c);
  }

  private dot(c: number): void {
    if (isDigit(c)) this.step = (d) => this.fraction(d);
    else this.fail(c, 'after decimal point in numeric literal');
  }

  private fraction(c: number): void {
    if (isDigit(c)) return;
    if (c === 0x65 || c === 0x45) this.step = (d) => this.exponent(d);
    else this.endValue(c);
  }

  private exponent(c: number): void {
    if (c === 0x2b || c === 0x2d) this.step = (d) => this.exponentSign(d);
    else this.exponentSign(c);
  }

  private exponentSign(c: number): void {
    if (isDigit(c)) this.step = (d) => this.exponentDigits(d);
    else this.fail(c, 'in exponent of numeric literal');
  }

  private exponentDigits(c: number): void {
    if (!isDigit(c)) this.endValue(c);
  }

  /** The rest of `true`, `false` or `null` from its `at`th letter. */
  private literal(word: string, at: number): void {
    this.step = (c) => {
      if (c !== word.charCodeAt(at)) this.fail(c, `in literal ${word} (expecting '${word[at]}')`);
      else if (at === word.length - 1) this.step = (d) => this.endValue(d);
      else this.literal(word, at + 1);
    };
  }

  /** At the end of the input: Go's scanner.eof. */
  eof(): string | undefined {
    if (this.error !== undefined || this.endTop) return this.error;
    this.step(0x20);
    if (this.endTop) return this.error;
    return this.error ?? 'unexpected end of JSON input';
  }
}

/** encoding/json's error for a document that is not valid JSON, or undefined when it is. */
export function goJsonSyntaxError(bytes: Uint8Array): string | undefined {
  const scanner = new GoJsonScanner();
  for (let i = 0; i < bytes.length && scanner.error === undefined; i++) scanner.step(bytes[i]!);
  return scanner.eof();
}

/** JSON.parse, failing with encoding/json's message as an Error's. */
export function parseJsonAsGo(text: string, bytes?: Uint8Array): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(goJsonSyntaxError(bytes ?? new TextEncoder().encode(text)) ?? (error as Error).message);
  }
}
