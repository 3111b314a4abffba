import { fieldErrors } from '../errors/index.js';
import { isQualifiedName, isValidLabelValue } from './label-validation.js';

/** upstream selection.Operator values (k8s.io/apimachinery/pkg/selection/operator.go). */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

/** One parsed term of a label selector: `key <operator> values`. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  /** In the order given; the canonical string sorts them. */
  readonly values: readonly string[];
}

/** A requirement plus what matching needs, computed once so `matches` never allocates. */
export interface CompiledRequirement extends LabelRequirement {
  /** For in/notin with many values. */
  readonly valueSet: ReadonlySet<string> | undefined;
  /** For gt/lt: the integer bound. */
  readonly bound: number | bigint;
}

const setThreshold = 8;
const int64Re = /^[+-]?[0-9]+$/;
const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/** Go's strconv.ParseInt(s, 10, 64), or undefined when it would fail. */
export function parseInt64(s: string): number | bigint | undefined {
  if (!int64Re.test(s)) return undefined;
  // Up to 15 digits is exact as a double; only longer numbers pay for a bigint.
  if (s.length <= 15) return Number(s);
  const n = BigInt(s);
  return n < int64Min || n > int64Max ? undefined : n;
}

/** Field paths are relative; upstream passes a nil root, which prints as `<nil>` only for the parser's key check. */
function fieldError(path: string, value: unknown, detail: string): string {
  return fieldErrors.invalid(path, value, detail).message;
}

/** upstream utilerrors.NewAggregate(...).Error(): one message bare, several de-duplicated in brackets. */
export function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

/** The label-key check as upstream's parser words it (field path `<nil>` because it has none). */
export function labelKeyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length === 0 ? undefined : fieldError(path, key, errs.join('; '));
}

/**
 * labels.NewRequirement: validates and returns the requirement, or the aggregated error text.
 * `values` is what upstream would log as the bad value: `null` for a nil slice.
 */
export function newRequirement(
  key: string,
  operator: LabelOperator,
  values: readonly string[] | null,
): CompiledRequirement | string {
  const errs: string[] = [];
  const keyErr = labelKeyError(key, 'key');
  if (keyErr) errs.push(keyErr);
  const vals = values ?? [];
  let bound: number | bigint = 0;
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(fieldError('values', values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(fieldError('values', values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(fieldError('values', values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(fieldError('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        const n = parseInt64(v);
        if (n === undefined) errs.push(fieldError(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        else if (i === 0) bound = n;
      });
      break;
  }
  vals.forEach((v, i) => {
    const valueErrs = isValidLabelValue(v);
    if (valueErrs.length > 0) errs.push(fieldError(`values[${i}][${key}]`, v, valueErrs.join('; ')));
  });
  if (errs.length > 0) return aggregate(errs);
  const valueSet = (operator === 'in' || operator === 'notin') && vals.length > setThreshold ? new Set(vals) : undefined;
  return { key, operator, values: [...vals], valueSet, bound };
}

function hasValue(r: CompiledRequirement, value: string): boolean {
  if (r.valueSet) return r.valueSet.has(value);
  const vals = r.values;
  for (let i = 0; i < vals.length; i++) if (vals[i] === value) return true;
  return false;
}

/** Requirement.Matches: note `!=` and `notin` match when the key is absent. */
export function requirementMatches(r: CompiledRequirement, labels: Readonly<Record<string, string>> | undefined): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, r.key);
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && hasValue(r, labels[r.key]!);
    case 'notin':
    case '!=':
      return !has || !hasValue(r, labels[r.key]!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || r.values.length !== 1) return false;
      const n = parseInt64(labels[r.key]!);
      if (n === undefined) return false;
      return r.operator === 'gt' ? n > r.bound : n < r.bound;
    }
  }
}

const operatorText: Readonly<Record<LabelOperator, string>> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
};

/** Requirement.String: `!k`, `k`, `k=v`, `k in (a,b)` with values sorted, `k>1`. */
export function requirementToString(r: LabelRequirement): string {
  if (r.operator === 'exists') return r.key;
  if (r.operator === '!') return `!${r.key}`;
  const vals = r.values.length === 1 ? r.values[0]! : [...r.values].sort(compareStrings).join(',');
  const text = `${r.key}${operatorText[r.operator]}`;
  return r.operator === 'in' || r.operator === 'notin' ? `${text}(${vals})` : `${text}${vals}`;
}

/** Go's byte-wise string order (sort.Strings), close enough in UTF-16 for label text. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
