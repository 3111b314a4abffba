/**
 * YAML exactly as kubectl prints it: sigs.k8s.io/yaml turns the object's JSON into YAML with
 * go-yaml v2, whose emitter (a port of libyaml) decides everything reproduced here: keys in its
 * "natural" order, sequences not indented under their key, strings quoted only when they would
 * read back as another type or cannot be plain, multi-line strings as `|` blocks, and long
 * plain or quoted strings folded at spaces past column 80.
 */

const bestWidth = 80;
const bestIndent = 2;

/** Serialises a JSON value as go-yaml v2 does (with a trailing newline). */
export function goYamlStringify(value: unknown): string {
  const w = new Writer();
  if (nonEmptyMapping(value)) w.mapping(value, 0, true);
  else if (Array.isArray(value) && value.length > 0) w.sequence(value, 0, true);
  else w.scalarOrEmpty(value, -1);
  if (w.column !== 0) w.newline();
  return w.out;
}

class Writer {
  out = '';
  column = 0;

  write(text: string): void {
    this.out += text;
    for (const _ of text) this.column++;
  }

  newline(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** libyaml's write_indent: a new line (unless already at one, after a block scalar) padded to `indent`. */
  newlineTo(indent: number): void {
    if (this.column !== 0) this.newline();
    while (this.column < indent) this.write(' ');
  }

  /** Keys at column `indent`; `inline` puts the first key where the cursor is (after `- `). */
  mapping(value: Record<string, unknown>, indent: number, inline: boolean): void {
    sortKeys(Object.keys(value).filter((k) => value[k] !== undefined)).forEach((key, i) => {
      if (i > 0 || !inline) this.newlineTo(indent);
      this.key(key);
      this.write(':');
      const child = value[key];
      if (nonEmptyMapping(child)) this.mapping(child, indent + bestIndent, false);
      // A sequence in a mapping is "indentless": its dashes sit at the key's column.
      else if (Array.isArray(child) && child.length > 0) this.sequence(child, indent, false);
      else {
        this.write(' ');
        this.scalarOrEmpty(child, indent);
      }
    });
  }

  /** `- item` lines with dashes at column `indent`. */
  sequence(items: unknown[], indent: number, inline: boolean): void {
    items.forEach((item, i) => {
      if (i > 0 || !inline) this.newlineTo(indent);
      this.write('- ');
      if (nonEmptyMapping(item)) this.mapping(item, indent + bestIndent, true);
      else if (Array.isArray(item) && item.length > 0) this.sequence(item, indent + bestIndent, true);
      else this.scalarOrEmpty(item, indent);
    });
  }

  key(key: string): void {
    this.scalar(key, chooseStringStyle(key, true), 0, false);
  }

  /** A scalar (or `{}`/`[]`/`null`) whose continuation lines indent to `parentIndent + 2`. */
  scalarOrEmpty(value: unknown, parentIndent: number): void {
    const indent = parentIndent < 0 ? bestIndent : parentIndent + bestIndent;
    if (value === null || value === undefined) return this.write('null');
    if (Array.isArray(value)) return this.write('[]');
    if (typeof value === 'object') return this.write('{}');
    if (typeof value === 'boolean') return this.write(value ? 'true' : 'false');
    if (typeof value === 'number') return this.write(formatYamlNumber(value));
    const text = String(value);
    this.scalar(text, chooseStringStyle(text, false), indent, true);
  }

  scalar(text: string, style: Style, indent: number, allowBreaks: boolean): void {
    switch (style) {
      case 'plain':
        return this.plain(text, indent, allowBreaks);
      case 'single':
        return this.singleQuoted(text, indent, allowBreaks);
      case 'double':
        return this.doubleQuoted(text, indent, allowBreaks);
      case 'literal':
        return this.literal(text, indent);
    }
  }

  plain(text: string, indent: number, allowBreaks: boolean): void {
    const chars = [...text];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && chars[i + 1] !== ' ') {
          this.newlineTo(indent);
        } else this.write(ch);
        spaces = true;
      } else {
        this.write(ch);
        spaces = false;
      }
    }
  }

  singleQuoted(text: string, indent: number, allowBreaks: boolean): void {
    this.write("'");
    const chars = [...text];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') {
          this.newlineTo(indent);
        } else this.write(ch);
        spaces = true;
      } else {
        if (ch === "'") this.write("'");
        this.write(ch);
        spaces = false;
      }
    }
    this.write("'");
  }

  doubleQuoted(text: string, indent: number, allowBreaks: boolean): void {
    this.write('"');
    const chars = [...text];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const cp = ch.codePointAt(0)!;
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(cp) || ch === '"' || ch === '\\') {
        this.write(escapeChar(cp));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && i !== 0 && i !== chars.length - 1) {
          this.newlineTo(indent);
          if (chars[i + 1] === ' ') this.write('\\');
        } else this.write(ch);
        spaces = true;
      } else {
        this.write(ch);
        spaces = false;
      }
    }
    this.write('"');
  }

  literal(text: string, indent: number): void {
    this.write('|');
    const first = text.codePointAt(0);
    if (first !== undefined && (first === 0x20 || isBreak(first))) this.write(String(bestIndent));
    const last = text.slice(-1);
    if (text.length === 0 || !isBreak(last.codePointAt(0)!)) this.write('-');
    else if (text.length === 1 || isBreak(text.slice(-2, -1).codePointAt(0)!)) this.write('+');
    this.newline();
    let breaks = true;
    for (const ch of text) {
      if (isBreak(ch.codePointAt(0)!)) {
        this.newline();
        breaks = true;
      } else {
        if (breaks) while (this.column < indent) this.write(' ');
        this.write(ch);
        breaks = false;
      }
    }
  }
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function nonEmptyMapping(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).some((v) => v !== undefined);
}

/** go-yaml v2 writes float64 with strconv's shortest 'g' form; integers as they are. */
function formatYamlNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  const [mantissa, expText] = n.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 21) {
    const abs = Math.abs(exp);
    return `${mantissa}e${exp < 0 ? '-' : '+'}${abs < 10 ? `0${abs}` : abs}`;
  }
  return String(n);
}

function isBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

/** go-yaml's is_printable (which, as written, excludes characters outside the BMP). */
function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

function escapeChar(cp: number): string {
  switch (cp) {
    case 0x00:
      return '\\0';
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x09:
      return '\\t';
    case 0x0a:
      return '\\n';
    case 0x0b:
      return '\\v';
    case 0x0c:
      return '\\f';
    case 0x0d:
      return '\\r';
    case 0x1b:
      return '\\e';
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x85:
      return '\\N';
    case 0xa0:
      return '\\_';
    case 0x2028:
      return '\\L';
    case 0x2029:
      return '\\P';
    default: {
      const hex = cp.toString(16).toUpperCase();
      if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
      if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
      return `\\U${hex.padStart(8, '0')}`;
    }
  }
}

const boolsAndNulls = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const timestamps = [
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2} [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/,
];

/** Go's strconv.ParseInt(s, 0, 64) succeeding (base prefixes 0x, 0o, 0b and a leading 0 for octal). */
function parsesAsGoInt(s: string): boolean {
  const body = s.replace(/^[-+]/, '');
  return /^(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.test(body);
}

/** Whether go-yaml's resolver reads an unquoted string as something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (boolsAndNulls.has(s)) return true;
  const first = s[0];
  if (first === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
  if (first !== undefined && /[-+0-9]/.test(first)) {
    if (timestamps.some((re) => re.test(s))) return true;
    const plain = s.replace(/_/g, '');
    if (parsesAsGoInt(plain)) return true;
    if (yamlStyleFloat.test(plain)) return true;
    if (/^-?0[bB][01]+$/.test(plain)) return true;
  }
  return false;
}

/** go-yaml's analysis of which styles a string may be written in. */
function analyze(text: string): { multiline: boolean; blockPlain: boolean; singleQuoted: boolean; block: boolean } {
  if (text === '') return { multiline: false, blockPlain: true, singleQuoted: true, block: false };
  const chars = [...text];
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (text.startsWith('---') || text.startsWith('...')) blockIndicators = true;
  let precededByWhitespace = true;
  const blankz = (i: number): boolean => i >= chars.length || chars[i] === ' ' || chars[i] === '\t' || isBreak(chars[i]!.codePointAt(0)!);
  let followedByWhitespace = blankz(1);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const cp = ch.codePointAt(0)!;
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true;
      if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(cp)) specialCharacters = true;
    if (isBreak(cp)) lineBreaks = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cp)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = ch === ' ' || ch === '\t' || isBreak(cp);
    followedByWhitespace = blankz(i + 2);
  }
  let blockPlain = true;
  let singleQuoted = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (trailingSpace) block = false;
  if (breakSpace) {
    blockPlain = false;
    singleQuoted = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlain = false;
    singleQuoted = false;
    block = false;
  }
  if (lineBreaks) blockPlain = false;
  if (blockIndicators) blockPlain = false;
  return { multiline: lineBreaks, blockPlain, singleQuoted, block };
}

/** go-yaml's encoder plus the emitter's select_scalar_style for a string. */
function chooseStringStyle(text: string, simpleKey: boolean): Style {
  const canUsePlain = !resolvesToNonString(text) && !base60Float.test(text);
  let style: Style = text.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
  const analysis = analyze(text);
  if (simpleKey && analysis.multiline) style = 'double';
  if (style === 'plain') {
    if (!analysis.blockPlain) style = 'single';
    if (text === '' && simpleKey) style = 'single';
  }
  if (style === 'single' && !analysis.singleQuoted) style = 'double';
  if (style === 'literal' && (!analysis.block || simpleKey)) style = 'double';
  return style;
}

/**
 * go-yaml v2's key order (sorter.go): letters before other characters are compared by rune,
 * runs of digits are compared as numbers, and a non-letter sorts before a letter.
 */
export function compareYamlKeys(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]! ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i]! < br[i]! ? -1 : 1;
  }
  return ar.length - br.length;
}

function isLetter(ch: string): boolean {
  return /\p{L}/u.test(ch);
}

function isDigit(ch: string): boolean {
  return /\p{Nd}/u.test(ch);
}

function sortKeys(keys: string[]): string[] {
  return [...keys].sort(compareYamlKeys);
}
