import { badRequest } from '../errors/index.js';
import type { CompiledRequirement, LabelOperator } from './label-requirement.js';
import { compareStrings, labelKeyError, newRequirement } from './label-requirement.js';
import type { LabelSelectorMatcher } from './label-selector.js';
import { selectorFromRequirements } from './label-selector.js';

/*
 * A port of upstream's lexer and recursive-descent parser (k8s.io/apimachinery/pkg/labels/selector.go)
 * kept token for token, so odd inputs fail, or pass, with the same messages as a real apiserver:
 * the list handler wraps the parse error verbatim in a 400 BadRequest.
 */

const Tok = {
  Error: 0,
  EndOfString: 1,
  ClosedPar: 2,
  Comma: 3,
  DoesNotExist: 4,
  DoubleEquals: 5,
  Equals: 6,
  GreaterThan: 7,
  Identifier: 8,
  In: 9,
  LessThan: 10,
  NotEquals: 11,
  NotIn: 12,
  OpenPar: 13,
} as const;
type Tok = (typeof Tok)[keyof typeof Tok];

const string2token: ReadonlyMap<string, Tok> = new Map<string, Tok>([
  [')', Tok.ClosedPar],
  [',', Tok.Comma],
  ['!', Tok.DoesNotExist],
  ['==', Tok.DoubleEquals],
  ['=', Tok.Equals],
  ['>', Tok.GreaterThan],
  ['in', Tok.In],
  ['<', Tok.LessThan],
  ['!=', Tok.NotEquals],
  ['notin', Tok.NotIn],
  ['(', Tok.OpenPar],
]);

/** upstream binaryOperators, as listed in "expected:" messages. */
const binaryOperators = 'in, notin, =, ==, !=, gt, lt';

interface Item {
  tok: Tok;
  lit: string;
}

const isWhitespace = (ch: number): boolean => ch === 0x20 || ch === 0x09 || ch === 0x0d || ch === 0x0a;

/** `=`, `!`, `(`, `)`, `,`, `>`, `<`. */
const isSpecialSymbol = (ch: number): boolean =>
  ch === 0x3d || ch === 0x21 || ch === 0x28 || ch === 0x29 || ch === 0x2c || ch === 0x3e || ch === 0x3c;

class Lexer {
  private pos = 0;
  constructor(private readonly s: string) {}

  /** 0 at the end of input; like upstream, a NUL character also reads as the end (but is consumed). */
  private read(): number {
    return this.pos < this.s.length ? this.s.charCodeAt(this.pos++) : 0;
  }

  private unread(): void {
    this.pos--;
  }

  private scanIdOrKeyword(): Item {
    const start = this.pos;
    let end = start;
    for (;;) {
      end = this.pos;
      const ch = this.read();
      if (ch === 0) break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
    }
    const lit = this.s.slice(start, end);
    const tok = string2token.get(lit);
    return { tok: tok ?? Tok.Identifier, lit };
  }

  /** The longest operator made of special symbols: `!=` over `!`, `==` over `=`. */
  private scanSpecialSymbol(): Item {
    let last: Item | undefined;
    let buffer = '';
    for (;;) {
      const ch = this.read();
      if (ch === 0) break;
      if (!isSpecialSymbol(ch)) {
        this.unread();
        break;
      }
      buffer += String.fromCharCode(ch);
      const tok = string2token.get(buffer);
      if (tok !== undefined) last = { tok, lit: buffer };
      else if (last) {
        this.unread();
        break;
      }
    }
    return last ?? { tok: Tok.Error, lit: `error expected: keyword found '${buffer}'` };
  }

  lex(): Item {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === 0) return { tok: Tok.EndOfString, lit: '' };
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIdOrKeyword();
  }
}

class SelectorSyntaxError extends Error {}

function fail(message: string): never {
  throw new SelectorSyntaxError(message);
}

/** In a value position `in` and `notin` are plain identifiers: `x in (in,notin)`. */
const Context = { KeyAndOperator: 0, Values: 1 } as const;
type Context = (typeof Context)[keyof typeof Context];

class Parser {
  private readonly items: Item[] = [];
  private position = 0;

  constructor(text: string) {
    const lexer = new Lexer(text);
    for (;;) {
      const item = lexer.lex();
      this.items.push(item);
      if (item.tok === Tok.EndOfString) break;
    }
  }

  private lookahead(context: Context): Item {
    const item = this.items[Math.min(this.position, this.items.length - 1)]!;
    return this.inContext(item, context);
  }

  private consume(context: Context): Item {
    const item = this.items[Math.min(this.position, this.items.length - 1)]!;
    this.position++;
    return this.inContext(item, context);
  }

  private inContext(item: Item, context: Context): Item {
    if (context === Context.Values && (item.tok === Tok.In || item.tok === Tok.NotIn)) {
      return { tok: Tok.Identifier, lit: item.lit };
    }
    return item;
  }

  parse(): CompiledRequirement[] {
    const requirements: CompiledRequirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(Context.Values);
      switch (tok) {
        case Tok.Identifier:
        case Tok.DoesNotExist: {
          let r: CompiledRequirement;
          try {
            r = this.parseRequirement();
          } catch (err) {
            if (err instanceof SelectorSyntaxError) fail(`unable to parse requirement: ${err.message}`);
            throw err;
          }
          requirements.push(r);
          const next = this.consume(Context.Values);
          if (next.tok === Tok.EndOfString) return requirements;
          if (next.tok === Tok.Comma) {
            const after = this.lookahead(Context.Values);
            if (after.tok !== Tok.Identifier && after.tok !== Tok.DoesNotExist) {
              fail(`found '${after.lit}', expected: identifier after ','`);
            }
            break;
          }
          return fail(`found '${next.lit}', expected: ',' or 'end of string'`);
        }
        case Tok.EndOfString:
          return requirements;
        default:
          return fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): CompiledRequirement {
    const [key, inferred] = this.parseKeyAndInferOperator();
    if (inferred === 'exists' || inferred === '!') return required(newRequirement(key, inferred, []));
    const operator = this.parseOperator();
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
    // upstream collects values in a sets.String and passes its sorted, de-duplicated List().
    return required(newRequirement(key, operator, [...values].sort(compareStrings)));
  }

  private parseKeyAndInferOperator(): [string, LabelOperator | undefined] {
    let operator: LabelOperator | undefined;
    let item = this.consume(Context.Values);
    if (item.tok === Tok.DoesNotExist) {
      operator = '!';
      item = this.consume(Context.Values);
    }
    if (item.tok !== Tok.Identifier) fail(`found '${item.lit}', expected: identifier`);
    // The parser has no field path: upstream prints its nil path as `<nil>`.
    const keyErr = labelKeyError(item.lit, '<nil>');
    if (keyErr) fail(keyErr);
    const next = this.lookahead(Context.Values).tok;
    if ((next === Tok.EndOfString || next === Tok.Comma) && operator !== '!') operator = 'exists';
    return [item.lit, operator];
  }

  private parseOperator(): LabelOperator {
    const { tok, lit } = this.consume(Context.KeyAndOperator);
    switch (tok) {
      case Tok.In:
        return 'in';
      case Tok.Equals:
        return '=';
      case Tok.DoubleEquals:
        return '==';
      case Tok.GreaterThan:
        return 'gt';
      case Tok.LessThan:
        return 'lt';
      case Tok.NotIn:
        return 'notin';
      case Tok.NotEquals:
        return '!=';
      default:
        return fail(`found '${lit}', expected: ${binaryOperators}`);
    }
  }

  /** `(a,b)`; empty members are the empty value: `()`, `(,a)`, `(a,,b)`. */
  private parseValues(): Set<string> {
    const open = this.consume(Context.Values);
    if (open.tok !== Tok.OpenPar) fail(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead(Context.Values);
    switch (tok) {
      case Tok.Identifier:
      case Tok.Comma: {
        const values = this.parseIdentifiersList();
        if (this.consume(Context.Values).tok !== Tok.ClosedPar) fail(`found '${lit}', expected: ')'`);
        return values;
      }
      case Tok.ClosedPar:
        this.consume(Context.Values);
        return new Set(['']);
      default:
        return fail(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(Context.Values);
      switch (tok) {
        case Tok.Identifier: {
          values.add(lit);
          const next = this.lookahead(Context.Values);
          if (next.tok === Tok.Comma) continue;
          if (next.tok === Tok.ClosedPar) return values;
          return fail(`found '${next.lit}', expected: ',' or ')'`);
        }
        case Tok.Comma: {
          if (values.size === 0) values.add('');
          const next = this.lookahead(Context.Values).tok;
          if (next === Tok.ClosedPar) {
            values.add('');
            return values;
          }
          if (next === Tok.Comma) {
            this.consume(Context.Values);
            values.add('');
          }
          break;
        }
        default:
          return fail(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  /** The single value after `=`, `==`, `!=`, `>`, `<`; nothing before `,` or the end means "". */
  private parseExactValue(): Set<string> {
    const next = this.lookahead(Context.Values).tok;
    if (next === Tok.EndOfString || next === Tok.Comma) return new Set(['']);
    const { tok, lit } = this.consume(Context.Values);
    if (tok === Tok.Identifier) return new Set([lit]);
    return fail(`found '${lit}', expected: identifier`);
  }
}

function required(r: CompiledRequirement | string): CompiledRequirement {
  return typeof r === 'string' ? fail(r) : r;
}

/**
 * Parses the `labelSelector` query syntax (`k=v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`,
 * `k>1`, `k<1`; comma means AND; "" selects everything), as upstream labels.Parse.
 * Throws a 400 BadRequest carrying upstream's message for malformed input.
 */
export function parseLabelSelector(text: string): LabelSelectorMatcher {
  let requirements: CompiledRequirement[];
  try {
    requirements = new Parser(text).parse();
  } catch (err) {
    if (err instanceof SelectorSyntaxError) throw badRequest(err.message);
    throw err;
  }
  return selectorFromRequirements(requirements);
}
