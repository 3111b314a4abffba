import { goSprint } from '../go-format.js';
import { goJsonStringify } from '../go-json.js';
import { parseJsonPath, type JsonPathNode, type ListNode } from './jsonpath-parser.js';

/** A value the walk produced; `null` is a JSON null (Go's nil interface). */
type Value = unknown;

/** An execution error, with upstream's message. */
export class JsonPathExecutionError extends Error {}

/**
 * client-go's JSONPath executor over JSON data: walks each action, runs `range`/`end` blocks,
 * and prints results the way kubectl does (strings raw, numbers and booleans via `%v`, maps and
 * lists as compact JSON; several results of one action joined by spaces).
 */
export class JsonPath {
  #nodes: JsonPathNode[];

  constructor(
    template: string,
    private readonly allowMissingKeys = true,
    private readonly outputJson = false,
  ) {
    this.#nodes = parseJsonPath(template).nodes;
  }

  /** Executes the template against `data` and returns the text. */
  execute(data: Value): string {
    return this.results(data)
      .map((r) => this.printResults(r))
      .join('');
  }

  /**
   * Every action's results for `data`, in order. A `{range X}…{end}` block runs its body once per
   * value of X and execution goes on after its `{end}` (also when X is empty), as kubectl 1.33
   * prints nested and empty ranges.
   */
  results(data: Value): Value[][] {
    return this.#run(this.#nodes, [data]);
  }

  #run(nodes: JsonPathNode[], cur: Value[]): Value[][] {
    const out: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const keyword = keywordOf(node);
      if (keyword === 'range') {
        const end = matchingEnd(nodes, i + 1);
        const body = nodes.slice(i + 1, end < 0 ? nodes.length : end);
        const rangeOver: ListNode = { type: 'list', nodes: (node as ListNode).nodes.slice(1) };
        for (const value of this.#evalList(cur, rangeOver)) out.push(...this.#run(body, [value]));
        if (end < 0) break;
        i = end;
        continue;
      }
      if (keyword === 'end') throw new JsonPathExecutionError('not in range, nothing to end');
      out.push(this.#walk(cur, node));
    }
    return out;
  }

  /** Prints one action's results. */
  printResults(results: Value[]): string {
    if (this.outputJson) return `${goJsonStringify(results, '    ')}\n`;
    return results
      .map((r, i) => {
        const text = typeof r === 'object' && r !== null ? goJsonStringify(r, '') : toText(r);
        return i !== results.length - 1 ? `${text} ` : text;
      })
      .join('');
  }

  #walk(value: Value[], node: JsonPathNode): Value[] {
    switch (node.type) {
      case 'list':
        return this.#evalList(value, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.#evalField(value, node.value);
      case 'array':
        return this.#evalArray(value, node);
      case 'filter':
        return this.#evalFilter(value, node);
      case 'int':
      case 'float':
        return value.map(() => node.value);
      case 'bool':
        return value.map(() => node.value);
      case 'wildcard':
        return this.#evalWildcard(value);
      case 'recursive':
        return this.#evalRecursive(value);
      case 'union':
        return node.nodes.flatMap((list) => this.#evalList(value, list));
      case 'identifier':
        return this.#evalIdentifier(node.name);
    }
  }

  #evalList(value: Value[], node: ListNode): Value[] {
    let cur = value;
    for (const child of node.nodes) cur = this.#walk(cur, child);
    return cur;
  }

  #evalIdentifier(name: string): Value[] {
    throw new JsonPathExecutionError(`unrecognized identifier ${name}`);
  }

  #evalArray(input: Value[], node: Extract<JsonPathNode, { type: 'array' }>): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new JsonPathExecutionError(`${goTypeName(value)} is not array or slice`);
      const params = node.params.map((p) => ({ ...p }));
      const len = value.length;
      if (!params[0]!.known) params[0]!.value = 0;
      if (params[0]!.value < 0) params[0]!.value += len;
      if (!params[1]!.known) params[1]!.value = len;
      if (params[1]!.value < 0 || (params[1]!.value === 0 && params[1]!.derived)) params[1]!.value += len;
      const from = params[0]!.value;
      const to = params[1]!.value;
      // Requesting zero elements is allowed whatever the bounds.
      if (to === from) continue;
      if (from >= len || from < 0) throw new JsonPathExecutionError(`array index out of bounds: index ${from}, length ${len}`);
      if (to > len || to < 0) throw new JsonPathExecutionError(`array index out of bounds: index ${to - 1}, length ${len}`);
      if (from > to) throw new JsonPathExecutionError(`starting index ${from} is greater than ending index ${to}`);
      let step = 1;
      if (params[2]!.known) {
        if (params[2]!.value <= 0) throw new JsonPathExecutionError('step must be > 0');
        step = params[2]!.value;
      }
      for (let i = from; i < to; i += step) result.push(value[i]);
    }
    return result;
  }

  #evalField(input: Value[], name: string): Value[] {
    const results: Value[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) continue;
      if (Object.prototype.hasOwnProperty.call(value, name)) results.push((value as Record<string, Value>)[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathExecutionError(`${name} is not found`);
    return results;
  }

  #evalWildcard(input: Value[]): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (Array.isArray(value)) results.push(...value);
      else if (typeof value === 'string') results.push(...[...value].map((c) => c.codePointAt(0)!));
      else if (typeof value === 'object') results.push(...Object.values(value as Record<string, Value>));
    }
    return results;
  }

  #evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      let children: Value[] = [];
      if (Array.isArray(value)) children = value;
      else if (typeof value === 'string') children = [...value].map((c) => c.codePointAt(0)!);
      else if (typeof value === 'object') children = Object.values(value as Record<string, Value>);
      if (children.length > 0) {
        result.push(value);
        result.push(...this.#evalRecursive(children));
      }
    }
    return result;
  }

  #evalFilter(input: Value[], node: Extract<JsonPathNode, { type: 'filter' }>): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new JsonPathExecutionError(`${goSprint(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        let lefts: Value[];
        try {
          lefts = this.#evalList([item], node.left);
        } catch (error) {
          if (node.operator === 'exists') continue;
          throw error;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecutionError('can only compare one element at a time');
        const rights = this.#evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecutionError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.operator)) results.push(item);
      }
    }
    return results;
  }
}

/** `range` or `end` when an action is that keyword (`{range .items[*]}`, `{end}`). */
function keywordOf(node: JsonPathNode): string | undefined {
  if (node.type !== 'list') return undefined;
  const first = node.nodes[0];
  return first?.type === 'identifier' && (first.name === 'range' || first.name === 'end') ? first.name : undefined;
}

/** The index of the `end` closing the range whose body starts at `from`, or -1. */
function matchingEnd(nodes: JsonPathNode[], from: number): number {
  let depth = 0;
  for (let i = from; i < nodes.length; i++) {
    const keyword = keywordOf(nodes[i]!);
    if (keyword === 'range') depth++;
    else if (keyword === 'end') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function toText(value: Value): string {
  if (value === null || value === undefined) return '<nil>';
  return goSprint(value);
}

function goTypeName(value: Value): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  return 'map[string]interface {}';
}

type Kind = 'int' | 'float' | 'string' | 'bool' | 'nil' | 'other';

function kindOf(value: Value): Kind {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  return 'other';
}

/** text/template's eq/ne/lt/le/gt/ge on basic kinds, as the forked comparison functions do. */
function compare(left: Value, right: Value, operator: string): boolean {
  const lk = kindOf(left);
  const rk = kindOf(right);
  const numeric = (k: Kind): boolean => k === 'int' || k === 'float';
  if (operator === '==' || operator === '!=') {
    let equal: boolean;
    if (numeric(lk) && numeric(rk)) {
      if (lk !== rk) throw new JsonPathExecutionError('incompatible types for comparison');
      equal = left === right;
    } else if (lk !== rk) throw new JsonPathExecutionError('incompatible types for comparison');
    else if (lk === 'other' || lk === 'nil') throw new JsonPathExecutionError('invalid type for comparison');
    else equal = left === right;
    return operator === '==' ? equal : !equal;
  }
  if (lk !== rk) throw new JsonPathExecutionError('incompatible types for comparison');
  if (lk === 'bool' || lk === 'other' || lk === 'nil') throw new JsonPathExecutionError('invalid type for comparison');
  const l = left as number | string;
  const r = right as number | string;
  switch (operator) {
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    case '>=':
      return l >= r;
    default:
      throw new JsonPathExecutionError(`unrecognized filter operator ${operator}`);
  }
}

/**
 * kubectl's RelaxedJSONPathExpression (custom columns, --sort-by): accepts `.a.b`, `a.b`,
 * `{.a.b}` and `{a.b}`, returning the braced form.
 */
export function relaxedJsonPathExpression(path: string): string {
  if (path.length === 0) return path;
  const m = /^\{?(\.?[^{}]+)\}?$/.exec(path);
  if (!m) throw new Error('unexpected path string, expected a \'name1.name2\' or \'.name1.name2\' or \'{name1.name2}\' or \'{.name1.name2}\'');
  const inner = m[1]!;
  return inner.startsWith('.') ? `{${inner}}` : `{.${inner}}`;
}
