import { formatGoFloat, goSprint } from '../go-format.js';

/** Go's invalid reflect.Value: what a missing map key evaluates to (printed `<no value>`). */
export const noValue: unique symbol = Symbol('no value');

/** A float64 whose value happens to be whole (a template literal like `1.0` or `1e6`). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A template value: JSON data (whole numbers are int64, others float64), literals, or no value. */
export type Value = typeof noValue | GoFloat | null | string | number | boolean | Value[] | { [key: string]: Value };

export type Kind = 'invalid' | 'nil' | 'int' | 'float' | 'string' | 'bool' | 'map' | 'slice';

export function kindOf(v: Value): Kind {
  if (v === noValue) return 'invalid';
  if (v === null) return 'nil';
  if (v instanceof GoFloat) return 'float';
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    default:
      return Array.isArray(v) ? 'slice' : 'map';
  }
}

/** The number inside an int or float value. */
export function numberOf(v: Value): number {
  return v instanceof GoFloat ? v.value : (v as number);
}

/** Go type names, for error messages. */
export function typeName(v: Value): string {
  switch (kindOf(v)) {
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    default:
      return 'interface {}';
  }
}

/** fmt's `%v` of a value. */
export function formatValue(v: Value): string {
  if (v === noValue) return '<no value>';
  if (v instanceof GoFloat) return formatGoFloat(v.value);
  return goSprint(unwrap(v));
}

/** Plain JSON again (GoFloat → number, no value → undefined). */
export function unwrap(v: Value): unknown {
  if (v === noValue) return undefined;
  if (v instanceof GoFloat) return v.value;
  if (Array.isArray(v)) return v.map(unwrap);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = unwrap(x);
    return out;
  }
  return v;
}

/** text/template's truth: false for zero values, empty collections, nil and no value. */
export function isTrue(v: Value): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'float':
      return numberOf(v) !== 0;
    case 'string':
      return (v as string).length > 0;
    case 'slice':
      return (v as Value[]).length > 0;
    case 'map':
      return Object.keys(v as object).length > 0;
  }
}

/** strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\x07':
        out += '\\a';
        break;
      case '\b':
        out += '\\b';
        break;
      case '\f':
        out += '\\f';
        break;
      case '\v':
        out += '\\v';
        break;
      default:
        if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
        else out += ch;
    }
  }
  return `${out}"`;
}

function pad(text: string, width: number | undefined, minus: boolean, zero: boolean): string {
  if (width === undefined) return text;
  const length = [...text].length;
  if (length >= width) return text;
  if (minus) return text + ' '.repeat(width - length);
  if (zero) {
    const sign = /^[+-]/.test(text) ? text[0]! : '';
    return sign + '0'.repeat(width - length) + text.slice(sign.length);
  }
  return ' '.repeat(width - length) + text;
}

function badVerb(verb: string, v: Value): string {
  if (v === noValue || v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${formatValue(v)})`;
}

function formatFloat(f: number, verb: string, precision: number | undefined): string {
  switch (verb) {
    case 'f':
    case 'F':
      return f.toFixed(precision ?? 6);
    case 'e':
    case 'E': {
      const s = f.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      return verb === 'E' ? s.toUpperCase() : s;
    }
    case 'g':
    case 'G': {
      if (precision === undefined) {
        const s = formatGoFloat(f);
        return verb === 'G' ? s.toUpperCase() : s;
      }
      const s = Number(f.toPrecision(precision || 1)).toString();
      return verb === 'G' ? s.toUpperCase() : s;
    }
    default:
      return formatGoFloat(f);
  }
}

/** Go's fmt.Sprintf for the verbs templates use (%v %s %d %q %x %X %o %b %c %f %e %g %t %%). */
export function goSprintf(format: string, args: Value[]): string {
  let out = '';
  let argIndex = 0;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    let j = i + 1;
    let minus = false;
    let plus = false;
    let zero = false;
    let sharp = false;
    let space = false;
    for (; j < format.length; j++) {
      const f = format[j];
      if (f === '-') minus = true;
      else if (f === '+') plus = true;
      else if (f === '0') zero = !minus;
      else if (f === '#') sharp = true;
      else if (f === ' ') space = true;
      else break;
    }
    let width: number | undefined;
    const widthMatch = /^[0-9]+/.exec(format.slice(j));
    if (widthMatch) {
      width = Number(widthMatch[0]);
      j += widthMatch[0].length;
    }
    let precision: number | undefined;
    if (format[j] === '.') {
      j++;
      const precisionMatch = /^[0-9]*/.exec(format.slice(j))!;
      precision = Number(precisionMatch[0] || '0');
      j += precisionMatch[0].length;
    }
    const verb = format[j];
    i = j;
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argIndex >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[argIndex++]!;
    const kind = kindOf(arg);
    let text: string;
    switch (verb) {
      case 'v':
        if (sharp && kind === 'string') text = goQuote(arg as string);
        else text = arg === noValue ? '<nil>' : formatValue(arg);
        if (plus && (kind === 'int' || kind === 'float') && numberOf(arg) >= 0) text = `+${text}`;
        break;
      case 's':
        if (kind === 'string') text = arg as string;
        else if (kind === 'slice' || kind === 'map') text = formatValue(arg);
        else text = badVerb(verb, arg);
        if (precision !== undefined && kind === 'string') text = [...text].slice(0, precision).join('');
        break;
      case 'q':
        if (kind === 'string') text = goQuote(arg as string);
        else if (kind === 'int') text = `'${String.fromCodePoint(numberOf(arg))}'`;
        else text = badVerb(verb, arg);
        break;
      case 'd':
        if (kind === 'int') {
          text = String(numberOf(arg));
          if (plus && numberOf(arg) >= 0) text = `+${text}`;
          else if (space && numberOf(arg) >= 0) text = ` ${text}`;
        } else text = badVerb(verb, arg);
        break;
      case 'x':
      case 'X':
      case 'o':
      case 'b': {
        const base = verb === 'o' ? 8 : verb === 'b' ? 2 : 16;
        if (kind === 'int') {
          const n = numberOf(arg);
          text = (n < 0 ? '-' : '') + Math.abs(n).toString(base);
          if (sharp && base === 16) text = `0x${text}`;
          if (sharp && base === 8) text = `0${text}`;
        } else if (kind === 'string' && base === 16) {
          text = Buffer.from(arg as string, 'utf8').toString('hex');
        } else text = badVerb(verb, arg);
        if (verb === 'X') text = text.toUpperCase();
        break;
      }
      case 'c':
        text = kind === 'int' ? String.fromCodePoint(numberOf(arg)) : badVerb(verb, arg);
        break;
      case 't':
        text = kind === 'bool' ? String(arg) : badVerb(verb, arg);
        break;
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
        if (kind === 'float') {
          text = formatFloat(numberOf(arg), verb, precision);
          if (plus && numberOf(arg) >= 0) text = `+${text}`;
        } else text = badVerb(verb, arg);
        break;
      default:
        text = badVerb(verb, arg);
    }
    out += pad(text, width, minus, zero && verb !== 's' && verb !== 'v' && verb !== 'q');
  }
  if (argIndex < args.length) {
    out += `%!(EXTRA ${args
      .slice(argIndex)
      .map((a) => `${typeName(a)}=${formatValue(a)}`)
      .join(', ')})`;
  }
  return out;
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function goSprintValues(args: Value[]): string {
  let out = '';
  args.forEach((arg, i) => {
    const isString = kindOf(arg) === 'string';
    if (i > 0 && !isString && kindOf(args[i - 1]!) !== 'string') out += ' ';
    out += arg === noValue ? '<nil>' : formatValue(arg);
  });
  return out;
}

/** fmt.Sprintln: always spaces, then a newline. */
export function goSprintlnValues(args: Value[]): string {
  return `${args.map((a) => (a === noValue ? '<nil>' : formatValue(a))).join(' ')}\n`;
}
