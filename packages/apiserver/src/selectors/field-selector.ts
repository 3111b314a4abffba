import { badRequest } from '../errors/index.js';
import { compareStrings } from './label-requirement.js';

/** One term of a field selector. */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  /** Unescaped. */
  readonly value: string;
}

/** A parsed field selector (upstream fields.Selector): ANDed terms over an object's selectable fields. */
export interface FieldSelectorMatcher {
  /** True when it does not restrict anything. */
  readonly empty: boolean;
  /** The terms in upstream's order (sorted by their raw text). */
  readonly requirements: readonly FieldRequirement[];
  /** `valueOf` gives the object's value for a field label (see `fieldValue`). */
  matches(valueOf: (field: string) => string): boolean;
  /** upstream's String(): `f=v,g!=w` with `\`, `,` and `=` in values escaped. */
  toString(): string;
}

class Terms implements FieldSelectorMatcher {
  readonly empty: boolean;

  constructor(readonly requirements: readonly FieldRequirement[]) {
    this.empty = requirements.length === 0;
  }

  matches(valueOf: (field: string) => string): boolean {
    const reqs = this.requirements;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i]!;
      if ((valueOf(r.field) === r.value) !== (r.operator === '=')) return false;
    }
    return true;
  }

  toString(): string {
    return this.requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(',');
  }
}

/** fields.EscapeValue. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** fields.UnescapeValue; Go prints the offending rune with %v, i.e. as its code point number. */
function unescapeFieldValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      throw badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw badRequest('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** Splits on commas not escaped by a backslash; the backslashes stay for unescaping later. */
function splitTerms(text: string): string[] {
  if (text.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

const termOperators = ['!=', '==', '='] as const;

/** The first operator wins; there is no escaping on the field side. `==` before `=` so no `=` is left over. */
function splitTerm(term: string): [string, (typeof termOperators)[number], string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of termOperators) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

/**
 * Parses the `fieldSelector` query syntax (`f=v`, `f==v`, `f!=v`, comma means AND, "" selects
 * everything, `\,` `\=` `\\` escapes in values), as upstream fields.ParseSelector. Whitespace is
 * significant, as upstream. Throws a 400 BadRequest with upstream's message for malformed input.
 */
export function parseFieldSelector(text: string): FieldSelectorMatcher {
  const parts = splitTerms(text).sort(compareStrings);
  const requirements: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
    const [field, op, rawValue] = split;
    const value = unescapeFieldValue(rawValue);
    // upstream's identity Transform drops a term whose field and value are both empty (`=`).
    if (field === '' && value === '') continue;
    requirements.push({ field, operator: op === '!=' ? '!=' : '=', value });
  }
  return new Terms(requirements);
}

/**
 * Rejects the first field the kind cannot select on, as the list handler's field-label conversion
 * does. `conversion: 'default'` words it like runtime.DefaultMetaV1FieldSelectorConversion, which
 * upstream uses for kinds that register no field labels of their own (only metadata.name/namespace).
 */
export function assertFieldsSupported(
  sel: FieldSelectorMatcher,
  supported: ReadonlySet<string>,
  conversion: 'kind' | 'default' = 'kind',
): void {
  for (const { field } of sel.requirements) {
    if (supported.has(field)) continue;
    throw badRequest(
      conversion === 'kind'
        ? `field label not supported: ${field}`
        : `${JSON.stringify(field)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
    );
  }
}
