import {
  GoFloat,
  goSprintf,
  goSprintlnValues,
  goSprintValues,
  isTrue,
  kindOf,
  noValue,
  numberOf,
  typeName,
  unwrap,
  type Value,
} from './go-values.js';
import { nodeString, parseTemplate, type ArgNode, type CommandNode, type ControlNode, type ListNode, type Node, type PipeNode } from './parser.js';

/** An execution error, formatted like Go's (`template: output:1:2: executing "output" at <len .x>: …`). */
export class TemplateExecError extends Error {}

class Break {}
class Continue {}

type Fn = (args: Value[], nodes: ArgNode[]) => Value;

const builtinNames = ['and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'html', 'js', 'urlquery', 'call'];
/** Functions kubectl adds to templates (cli-runtime's GoTemplatePrinter). */
const kubectlNames = ['exists', 'base64decode'];

/**
 * Go's text/template, as kubectl's `-o go-template` runs it (missingkey=default, so a missing key
 * prints `<no value>`), with Go's builtins and kubectl's `exists` and `base64decode`.
 */
export class GoTemplate {
  readonly #root: ListNode;
  readonly #text: string;

  constructor(
    text: string,
    readonly name = 'output',
  ) {
    this.#text = text;
    this.#root = parseTemplate(text, name, new Set([...builtinNames, ...kubectlNames]));
  }

  /**
   * Runs the template on JSON data. `write` receives output as it is produced, so on an error
   * the text printed so far is already out, as with Go's Execute.
   */
  execute(data: unknown, write: (text: string) => void): void {
    new State(this.#text, this.name, write).run(data as Value, this.#root);
  }
}

class State {
  vars: { name: string; value: Value }[] = [];
  node: { pos: number; context: string } | undefined;

  constructor(
    readonly text: string,
    readonly name: string,
    readonly write: (text: string) => void,
  ) {}

  run(data: Value, root: ListNode): void {
    this.vars = [{ name: '$', value: data }];
    this.walk(data, root);
  }

  at(pos: number, context: string): void {
    this.node = { pos, context };
  }

  errorf(message: string): never {
    const pos = this.node?.pos ?? 0;
    const before = this.text.slice(0, pos);
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const lastNewline = before.lastIndexOf('\n');
    const col = lastNewline < 0 ? pos : pos - lastNewline - 1;
    const location = `${this.name}:${line}:${col}`;
    throw new TemplateExecError(`template: ${location}: executing "${this.name}" at <${this.node?.context ?? ''}>: ${message}`);
  }

  walk(dot: Value, node: Node): void {
    switch (node.type) {
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(value);
        return;
      }
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'range':
        return this.walkRange(dot, node);
      case 'list':
        for (const child of node.nodes) this.walk(dot, child);
        return;
      case 'text':
        this.write(node.text);
        return;
    }
  }

  printValue(value: Value): void {
    if (value === noValue) return this.write('<no value>');
    this.write(value === null ? '<nil>' : goSprintValues([value]));
  }

  mark(): number {
    return this.vars.length;
  }

  pop(mark: number): void {
    this.vars.length = mark;
  }

  walkIfOrWith(dot: Value, node: ControlNode): void {
    const mark = this.mark();
    try {
      const value = this.evalPipeline(dot, node.pipe);
      if (isTrue(value)) this.walk(node.type === 'with' ? value : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  walkRange(dot: Value, node: ControlNode): void {
    const outer = this.mark();
    try {
      const value = this.evalPipeline(dot, node.pipe);
      const mark = this.mark();
      const one = (index: Value, elem: Value): boolean => {
        const decl = node.pipe.decl;
        if (decl.length > 0) {
          if (node.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
          else this.vars[this.vars.length - 1]!.value = elem;
        }
        if (decl.length > 1) {
          if (node.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
          else this.vars[this.vars.length - 2]!.value = index;
        }
        try {
          this.walk(elem, node.list);
        } catch (error) {
          if (error instanceof Break) return false;
          if (!(error instanceof Continue)) throw error;
        } finally {
          this.pop(mark);
        }
        return true;
      };
      const kind = kindOf(value);
      if (kind === 'slice' && (value as Value[]).length > 0) {
        const items = value as Value[];
        for (let i = 0; i < items.length; i++) if (!one(i, items[i]!)) break;
        return;
      }
      if (kind === 'map' && Object.keys(value as object).length > 0) {
        const map = value as Record<string, Value>;
        for (const key of Object.keys(map).sort()) if (!one(key, map[key]!)) break;
        return;
      }
      if (kind === 'int' && numberOf(value) > 0) {
        for (let i = 0; i < numberOf(value); i++) if (!one(i, i)) break;
        return;
      }
      if (kind !== 'slice' && kind !== 'map' && kind !== 'invalid' && kind !== 'nil' && kind !== 'int') {
        this.at(node.pos, nodeString(node.pipe));
        this.errorf(`range can't iterate over ${kind === 'float' ? String(numberOf(value)) : String(unwrap(value))}`);
      }
      if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(outer);
    }
  }

  setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    return this.errorf(`undefined variable: ${name}`);
  }

  evalPipeline(dot: Value, pipe: PipeNode): Value {
    this.at(pipe.pos, nodeString(pipe));
    let value: Value = noValue;
    let first = true;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, first ? undefined : value);
      first = false;
      // A nil interface{} result becomes an invalid value, as Go's reflect.ValueOf(nil) does.
      if (value === null) value = noValue;
    }
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0]!, value);
      else this.vars.push({ name: variable.ident[0]!, value });
    }
    return value;
  }

  notAFunction(args: ArgNode[], final: Value | undefined): void {
    if (args.length > 1 || final !== undefined) this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  evalCommand(dot: Value, cmd: CommandNode, final: Value | undefined): Value {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
      case 'chain': {
        this.at(first.pos, nodeString(first));
        if (first.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(first)}`);
        const receiver = this.evalArg(dot, first.node);
        return this.evalFieldChain(dot, receiver, first, first.field, cmd.args, final);
      }
      case 'identifier':
        return this.evalFunction(dot, first.name, cmd, final);
      case 'pipe':
        this.at(first.pos, nodeString(cmd));
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable': {
        this.at(first.pos, nodeString(first));
        const value = this.varValue(first.ident[0]!);
        if (first.ident.length === 1) {
          this.notAFunction(cmd.args, final);
          return value;
        }
        return this.evalFieldChain(dot, value, first, first.ident.slice(1), cmd.args, final);
      }
      default:
        break;
    }
    this.at(first.pos, nodeString(first));
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return first.isInt ? first.value : new GoFloat(first.value);
      case 'string':
        return first.text;
    }
    return this.errorf(`can't evaluate command ${JSON.stringify(nodeString(first))}`);
  }

  evalFieldChain(dot: Value, receiver: Value, node: ArgNode, idents: string[], args: ArgNode[], final: Value | undefined): Value {
    this.at(node.pos, nodeString(node));
    const hasArgs = args.length > 1 || final !== undefined;
    let value = receiver;
    for (let i = 0; i < idents.length; i++) {
      const last = i === idents.length - 1;
      value = this.evalField(idents[i]!, value, last && hasArgs);
    }
    void dot;
    return value;
  }

  evalField(name: string, receiver: Value, hasArgs: boolean): Value {
    if (receiver === noValue) return noValue;
    if (receiver === null) return this.errorf(`nil pointer evaluating interface {}.${name}`);
    if (kindOf(receiver) === 'map') {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      const map = receiver as Record<string, Value>;
      return Object.prototype.hasOwnProperty.call(map, name) ? map[name]! : noValue;
    }
    return this.errorf(`can't evaluate field ${name} in type interface {}`);
  }

  evalArg(dot: Value, node: ArgNode): Value {
    switch (node.type) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'field':
        return this.evalFieldChain(dot, dot, node, node.ident, [node], undefined);
      case 'variable': {
        const value = this.varValue(node.ident[0]!);
        return node.ident.length === 1 ? value : this.evalFieldChain(dot, value, node, node.ident.slice(1), [node], undefined);
      }
      case 'pipe':
        return this.evalPipeline(dot, node);
      case 'identifier':
        return this.evalFunction(dot, node.name, { type: 'command', pos: node.pos, args: [node] }, undefined);
      case 'chain': {
        const receiver = this.evalArg(dot, node.node);
        return this.evalFieldChain(dot, receiver, node, node.field, [node], undefined);
      }
      case 'bool':
        return node.value;
      case 'number':
        return node.isInt ? node.value : new GoFloat(node.value);
      case 'string':
        return node.text;
    }
  }

  evalFunction(dot: Value, name: string, cmd: CommandNode, final: Value | undefined): Value {
    this.at(cmd.pos, nodeString(cmd));
    const argNodes = cmd.args.slice(1);
    // and/or short-circuit: arguments are evaluated only as needed.
    if (name === 'and' || name === 'or') {
      if (argNodes.length + (final === undefined ? 0 : 1) === 0) this.errorf(`wrong number of args for ${name}: want at least 1 got 0`);
      let value: Value = noValue;
      const all = [...argNodes.map((n) => () => this.evalArg(dot, n)), ...(final === undefined ? [] : [() => final])];
      for (const get of all) {
        value = get();
        if (name === 'and' ? !isTrue(value) : isTrue(value)) return value;
      }
      return value;
    }
    const args = argNodes.map((n) => this.evalArg(dot, n));
    if (final !== undefined) args.push(final);
    this.at(cmd.pos, nodeString(cmd));
    const fn = functions[name];
    if (!fn) return this.errorf(`${JSON.stringify(name)} is not a defined function`);
    try {
      return fn(args, argNodes);
    } catch (error) {
      if (error instanceof CallError) this.errorf(`error calling ${name}: ${error.message}`);
      if (error instanceof ArgCountError) this.errorf(error.message);
      throw error;
    }
  }
}

class CallError extends Error {}
class ArgCountError extends Error {}

function want(name: string, args: Value[], count: number): void {
  if (args.length !== count) throw new ArgCountError(`wrong number of args for ${name}: want ${count} got ${args.length}`);
}

const comparisonError = 'incompatible types for comparison';

type BasicKind = 'int' | 'float' | 'string' | 'bool' | 'invalid' | 'other';

function basicKind(v: Value): BasicKind {
  const k = kindOf(v);
  if (k === 'int' || k === 'float' || k === 'string' || k === 'bool') return k;
  if (k === 'invalid') return 'invalid';
  return 'other';
}

function eq(args: Value[]): boolean {
  if (args.length < 2) throw new CallError('missing argument for comparison');
  const [a, ...rest] = args as [Value, ...Value[]];
  const ka = basicKind(a);
  for (const b of rest) {
    const kb = basicKind(b);
    let truth = false;
    if (ka !== kb) {
      if (ka !== 'invalid' && kb !== 'invalid') throw new CallError(comparisonError);
    } else if (ka === 'int' || ka === 'float') truth = numberOf(a) === numberOf(b);
    else if (ka === 'string' || ka === 'bool') truth = a === b;
    else if (ka === 'other') {
      if ((a === null) !== (b === null) || (a !== null && b !== null)) {
        if (a === null || b === null) truth = false;
        else throw new CallError(`non-comparable type ${typeName(a)}`);
      } else truth = true;
    }
    if (truth) return true;
  }
  return false;
}

function lt(args: Value[]): boolean {
  const [a, b] = args as [Value, Value];
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'bool' || ka === 'other' || ka === 'invalid') throw new CallError('invalid type for comparison');
  if (ka !== kb) throw new CallError(comparisonError);
  return ka === 'string' ? (a as string) < (b as string) : numberOf(a) < numberOf(b);
}

function length(v: Value): number {
  switch (kindOf(v)) {
    case 'string':
      return Buffer.byteLength(v as string);
    case 'slice':
      return (v as Value[]).length;
    case 'map':
      return Object.keys(v as object).length;
    case 'invalid':
      throw new CallError('reflect: call of reflect.Value.Type on zero Value');
    default:
      throw new CallError(`len of type ${typeName(v)}`);
  }
}

function indexInto(item: Value, indexes: Value[]): Value {
  let v = item;
  for (const ix of indexes) {
    const kind = kindOf(v);
    if (kind === 'slice' || kind === 'string') {
      if (kindOf(ix) !== 'int') throw new CallError(`cannot index slice/array with type ${typeName(ix)}`);
      const arr = kind === 'string' ? [...Buffer.from(v as string)] : (v as Value[]);
      const i = numberOf(ix);
      if (i < 0 || i >= arr.length) throw new CallError(`error calling index: index out of range: ${i}`);
      v = arr[i]!;
    } else if (kind === 'map') {
      if (kindOf(ix) !== 'string') throw new CallError(`value has type ${typeName(ix)}; should be string`);
      const map = v as Record<string, Value>;
      v = Object.prototype.hasOwnProperty.call(map, ix as string) ? map[ix as string]! : null;
    } else if (kind === 'nil' || kind === 'invalid') {
      throw new CallError('index of untyped nil');
    } else throw new CallError(`can't index item of type ${typeName(v)}`);
  }
  return v;
}

function htmlEscape(s: string): string {
  return s.replace(/[<>&'"\0]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' })[c]!);
}

function jsEscape(s: string): string {
  return s.replace(/[\\'"<>&=\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === "'" ? "\\'" : c === '"' ? '\\"' : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

const functions: Record<string, Fn> = {
  not: (args) => {
    want('not', args, 1);
    return !isTrue(args[0]!);
  },
  len: (args) => {
    want('len', args, 1);
    return length(args[0]!);
  },
  index: (args) => {
    if (args.length < 1) throw new ArgCountError('wrong number of args for index: want at least 1 got 0');
    return indexInto(args[0]!, args.slice(1));
  },
  slice: (args) => {
    const [item, ...ix] = args as [Value, ...Value[]];
    const from = ix[0] === undefined ? 0 : numberOf(ix[0]);
    if (kindOf(item) === 'string') {
      const s = item as string;
      return s.slice(from, ix[1] === undefined ? s.length : numberOf(ix[1]));
    }
    if (kindOf(item) !== 'slice') throw new CallError(`can't slice item of type ${typeName(item)}`);
    const arr = item as Value[];
    return arr.slice(from, ix[1] === undefined ? arr.length : numberOf(ix[1]));
  },
  print: (args) => goSprintValues(args),
  printf: (args) => {
    if (args.length === 0) throw new ArgCountError('wrong number of args for printf: want at least 1 got 0');
    if (kindOf(args[0]!) !== 'string') throw new CallError(`wrong type for value; expected string; got ${typeName(args[0]!)}`);
    return goSprintf(args[0] as string, args.slice(1).map((a) => (a === noValue ? null : a)));
  },
  println: (args) => goSprintlnValues(args),
  eq: (args) => eq(args),
  ne: (args) => {
    want('ne', args, 2);
    return !eq(args);
  },
  lt: (args) => {
    want('lt', args, 2);
    return lt(args);
  },
  le: (args) => {
    want('le', args, 2);
    return lt(args) || eq(args);
  },
  gt: (args) => {
    want('gt', args, 2);
    return !lt(args) && !eq(args);
  },
  ge: (args) => {
    want('ge', args, 2);
    return !lt(args);
  },
  html: (args) => htmlEscape(goSprintValues(args)),
  js: (args) => jsEscape(goSprintValues(args)),
  urlquery: (args) => encodeURIComponent(goSprintValues(args)).replace(/%20/g, '+'),
  call: () => {
    throw new CallError('call of nil');
  },
  // kubectl: exists reports whether a path of keys/indexes exists in the item.
  exists: (args) => {
    if (args.length < 1) throw new CallError('wrong number of args');
    let v = args[0]!;
    for (const ix of args.slice(1)) {
      const kind = kindOf(v);
      if (kind === 'map' && kindOf(ix) === 'string') {
        const map = v as Record<string, Value>;
        if (!Object.prototype.hasOwnProperty.call(map, ix as string)) return false;
        v = map[ix as string]!;
      } else if (kind === 'slice' && kindOf(ix) === 'int') {
        const arr = v as Value[];
        if (numberOf(ix) < 0 || numberOf(ix) >= arr.length) return false;
        v = arr[numberOf(ix)]!;
      } else return false;
    }
    return true;
  },
  // kubectl: base64decode decodes a Secret's data value.
  base64decode: (args) => {
    want('base64decode', args, 1);
    if (kindOf(args[0]!) !== 'string') throw new CallError(`wrong type for value; expected string; got ${typeName(args[0]!)}`);
    const text = args[0] as string;
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
      throw new CallError(`base64 decode failed: illegal base64 data at input byte ${Math.max(0, text.search(/[^A-Za-z0-9+/=]/))}`);
    }
    return Buffer.from(text, 'base64').toString('utf8');
  },
};
