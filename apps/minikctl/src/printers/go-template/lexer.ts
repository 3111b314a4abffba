/**
 * The lexer of Go's text/template (text/template/parse/lex.go): text and `{{ }}` actions with
 * trim markers (`{{- `, ` -}}`), comments, strings, raw strings, characters, numbers, fields,
 * variables, keywords, pipes, parentheses, `:=` and `=`.
 */

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

export interface Item {
  type: ItemType;
  /** Byte-ish offset (code-unit offset) of the item in the input. */
  pos: number;
  val: string;
  line: number;
}

const keywords: Record<string, ItemType> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
};

const leftDelim = '{{';
const rightDelim = '}}';
const leftComment = '/*';
const rightComment = '*/';

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string): boolean => c === '_' || /[\p{L}\p{Nd}]/u.test(c);

/** Splits a template into items, as Go's lexer does (eagerly). */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  let insideAction = false;

  const emit = (type: ItemType): void => {
    items.push({ type, pos: start, val: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = (): void => {
    line += countNewlines(input.slice(start, pos));
    start = pos;
    startLine = line;
  };
  const next = (): string => {
    if (pos >= input.length) return '';
    const ch = String.fromCodePoint(input.codePointAt(pos)!);
    pos += ch.length;
    if (ch === '\n') line++;
    return ch;
  };
  const backup = (ch: string): void => {
    pos -= ch.length;
    if (ch === '\n') line--;
  };
  const peek = (): string => (pos >= input.length ? '' : String.fromCodePoint(input.codePointAt(pos)!));
  const errorf = (message: string): Item[] => {
    items.push({ type: 'error', pos: start, val: message, line: startLine });
    return items;
  };

  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (input.startsWith(` -${rightDelim}`, pos) || input.startsWith(`\t-${rightDelim}`, pos) || input.startsWith(`\n-${rightDelim}`, pos) || input.startsWith(`\r-${rightDelim}`, pos)) {
      return { delim: true, trim: true };
    }
    if (input.startsWith(rightDelim, pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  };

  for (;;) {
    if (!insideAction) {
      // lexText
      const x = input.indexOf(leftDelim, pos);
      if (x < 0) {
        pos = input.length;
        if (pos > start) {
          line += countNewlines(input.slice(start, pos));
          emit('text');
        }
        items.push({ type: 'eof', pos, val: '', line });
        return items;
      }
      pos = x;
      const trimLeft = input[x + 2] === '-' && isSpace(input[x + 3] ?? '');
      let textEnd = pos;
      if (trimLeft) {
        const text = input.slice(start, pos);
        textEnd = start + text.replace(/[ \t\r\n]+$/, '').length;
      }
      if (textEnd > start) {
        const saved = pos;
        pos = textEnd;
        line += countNewlines(input.slice(start, pos));
        emit('text');
        pos = saved;
      }
      line += countNewlines(input.slice(start, pos));
      start = pos;
      startLine = line;
      // lexLeftDelim
      pos += leftDelim.length;
      if (trimLeft) pos += 2;
      const afterMarker = pos;
      if (input.startsWith(leftComment, afterMarker)) {
        // lexComment
        pos = afterMarker + leftComment.length;
        const end = input.indexOf(rightComment, pos);
        if (end < 0) return errorf('unclosed comment');
        pos = end + rightComment.length;
        const rd = atRightDelim();
        if (!rd.delim) return errorf('comment ends before closing delimiter');
        pos += rd.trim ? 2 + rightDelim.length : rightDelim.length;
        ignore();
        if (rd.trim) {
          while (pos < input.length && isSpace(input[pos]!)) next();
          ignore();
        }
        continue;
      }
      pos = start + leftDelim.length;
      emit('leftDelim');
      if (trimLeft) {
        pos += 2;
        ignore();
      }
      insideAction = true;
      parenDepth = 0;
      continue;
    }
    // lexInsideAction
    const rd = atRightDelim();
    if (rd.delim && parenDepth === 0) {
      if (rd.trim) {
        pos += 2;
        ignore();
      }
      pos += rightDelim.length;
      emit('rightDelim');
      if (rd.trim) {
        while (pos < input.length && isSpace(input[pos]!)) next();
        ignore();
      }
      insideAction = false;
      continue;
    }
    if (rd.delim && parenDepth > 0 && !rd.trim) return errorf('unclosed left paren');
    const r = next();
    if (r === '') return errorf('unclosed action');
    if (isSpace(r)) {
      // lexSpace: a trim-marked closing delimiter (" -}}") is left for the delimiter check.
      let spaces = 1;
      while (isSpace(peek())) {
        next();
        spaces++;
      }
      if (input.startsWith(`-${rightDelim}`, pos)) {
        pos -= 1;
        if (input[pos] === '\n') line--;
        if (spaces === 1) continue;
      }
      emit('space');
    } else if (r === '=') {
      emit('assign');
    } else if (r === ':') {
      if (next() !== '=') return errorf('expected :=');
      emit('declare');
    } else if (r === '|') {
      emit('pipe');
    } else if (r === '"') {
      for (;;) {
        const c = next();
        if (c === '\\') {
          const e = next();
          if (e !== '' && e !== '\n') continue;
        }
        if (c === '' || c === '\n') return errorf('unterminated quoted string');
        if (c === '"') break;
      }
      emit('string');
    } else if (r === '`') {
      for (;;) {
        const c = next();
        if (c === '') return errorf('unterminated raw quoted string');
        if (c === '`') break;
      }
      emit('rawString');
    } else if (r === '$') {
      // lexVariable
      if (!isAlphaNumeric(peek())) emit('variable');
      else {
        while (isAlphaNumeric(peek())) next();
        emit('variable');
      }
    } else if (r === "'") {
      for (;;) {
        const c = next();
        if (c === '\\') {
          const e = next();
          if (e !== '' && e !== '\n') continue;
        }
        if (c === '' || c === '\n') return errorf('unterminated character constant');
        if (c === "'") break;
      }
      emit('charConstant');
    } else if (r === '.') {
      if (pos < input.length) {
        const c = peek();
        if (c >= '0' && c <= '9') {
          backup(r);
          if (!scanNumber()) return errorf(`bad number syntax: "${input.slice(start, pos)}"`);
          emit('number');
          continue;
        }
      }
      // lexField
      if (!isAlphaNumeric(peek())) {
        emit('dot');
      } else {
        while (isAlphaNumeric(peek())) next();
        if (!atTerminator()) return errorf(`bad character U+${peek().codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${peek()}'`);
        emit('field');
      }
    } else if (r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      backup(r);
      if (!scanNumber()) return errorf(`bad number syntax: "${input.slice(start, pos)}"`);
      emit('number');
    } else if (isAlphaNumeric(r)) {
      while (isAlphaNumeric(peek())) next();
      const word = input.slice(start, pos);
      if (!atTerminator()) return errorf(`bad character U+${peek().codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${peek()}'`);
      if (keywords[word] && keywords[word] !== 'dot') emit(keywords[word]!);
      else if (word === 'true' || word === 'false') emit('bool');
      else emit('identifier');
    } else if (r === '(') {
      emit('leftParen');
      parenDepth++;
    } else if (r === ')') {
      parenDepth--;
      if (parenDepth < 0) return errorf('unexpected right paren');
      emit('rightParen');
    } else if (r.charCodeAt(0) <= 0x7f && /[\x20-\x7e]/.test(r)) {
      emit('char');
    } else {
      return errorf(`unrecognized character in action: U+${r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${r}'`);
    }
  }

  function atTerminator(): boolean {
    const c = peek();
    if (c === '' || isSpace(c)) return true;
    if ('.,|:)('.includes(c)) return true;
    return input.startsWith(rightDelim, pos);
  }

  function scanNumber(): boolean {
    if (peek() === '+' || peek() === '-') next();
    let digits = '0123456789_';
    if (peek() === '0') {
      next();
      const c = peek();
      if (c === 'x' || c === 'X') {
        next();
        digits = '0123456789abcdefABCDEF_';
      } else if (c === 'o' || c === 'O') {
        next();
        digits = '01234567_';
      } else if (c === 'b' || c === 'B') {
        next();
        digits = '01_';
      }
    }
    while (peek() !== '' && digits.includes(peek())) next();
    if (peek() === '.') {
      next();
      while (peek() !== '' && digits.includes(peek())) next();
    }
    if (digits.length === 11 && (peek() === 'e' || peek() === 'E')) {
      next();
      if (peek() === '+' || peek() === '-') next();
      while (peek() !== '' && '0123456789_'.includes(peek())) next();
    }
    if (digits.length === 23 && (peek() === 'p' || peek() === 'P')) {
      next();
      if (peek() === '+' || peek() === '-') next();
      while (peek() !== '' && '0123456789_'.includes(peek())) next();
    }
    if (peek() === 'i') next();
    return !isAlphaNumeric(peek());
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (const c of text) if (c === '\n') n++;
  return n;
}
