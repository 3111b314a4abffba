import type { Table } from '@minik/types';
import { CliError } from '../cli/cli-error.js';
import { JsonPath, relaxedJsonPathExpression } from '../printers/jsonpath/jsonpath.js';
import { goSort } from '../printers/go-sort.js';

const suffixes: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** resource.ParseQuantity, as a number (enough to order quantities), or undefined. */
export function parseQuantity(text: string): number | undefined {
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:([eE][+-]?[0-9]+)|(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?)$/.exec(text);
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * suffixes[m[3] ?? '']!;
}

/**
 * kubectl's isLess for values found by a JSONPath: nil first, then quantities by amount and other
 * strings byte by byte (kubectl 1.31 dropped the natural order that put "web-9" before "web-10").
 */
export function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (qa !== undefined && qb !== undefined) return qa < qb;
    return a < b;
  }
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  throw new CliError(`unsortable type: ${typeof a}`);
}

function firstValue(path: JsonPath, obj: unknown): { found: boolean; value: unknown } {
  const results = path.results(obj);
  if (results.length === 0 || results[0]!.length === 0) return { found: false, value: undefined };
  return { found: true, value: results[0]![0] };
}

/** kubectl's Less of its sorters: an element without the field sorts first (and "before" another without it). */
function lessKeyed(a: { key: { found: boolean; value: unknown } }, b: { key: { found: boolean; value: unknown } }): boolean {
  if (!a.key.found) return true;
  if (!b.key.found) return false;
  return isLess(a.key.value, b.key.value);
}

/** kubectl's TableSorter: orders a server Table's rows by a field of each row's object. */
export function sortTableRows(table: Table, sortBy: string): void {
  const path = new JsonPath(relaxedJsonPathExpression(sortBy), true);
  const keyed = (table.rows ?? []).map((row) => ({ row, key: firstValue(path, row.object) }));
  goSort(keyed, lessKeyed);
  table.rows = keyed.map((k) => k.row);
}

/** kubectl's RuntimeSort for printed objects (JSON, YAML, templates, names). */
export function sortObjects(items: Record<string, unknown>[], sortBy: string): Record<string, unknown>[] {
  const field = relaxedJsonPathExpression(sortBy);
  const path = new JsonPath(field, true);
  const keyed = items.map((item) => ({ item, key: firstValue(path, item) }));
  if (keyed.length > 0 && keyed.every((k) => !k.key.found)) {
    throw new CliError(`couldn't find any field with path "${field}" in the list of objects`);
  }
  goSort(keyed, lessKeyed);
  return keyed.map((k) => k.item);
}
