import { goSprint } from './go-format.js';
import { goQuote } from './go-template/go-values.js';

/**
 * Go's `%#v` of JSON data (`map[string]interface {}{"a":1}`) when `syntax` is true, else `%+v`
 * (the same as `%v` for maps): what kubectl prints when a template fails, to help debug it.
 */
export function goSyntax(value: unknown, syntax: boolean): string {
  if (!syntax) return goSprint(value);
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return goSprint(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map((v) => goSyntax(v, true)).join(', ')}}`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSyntax(record[k], true)}`).join(', ')}}`;
}
