import { unquoteBody } from '../jsonpath/jsonpath-parser.js';
import { lex, type Item, type ItemType } from './lexer.js';

/** A parsed template node (text/template/parse). `pos` is the offset the node starts at. */
export type Node = ListNode | TextNode | ActionNode | ControlNode | BreakNode | ContinueNode;
export interface ListNode {
  type: 'list';
  pos: number;
  nodes: Node[];
}
export interface TextNode {
  type: 'text';
  pos: number;
  text: string;
}
export interface ActionNode {
  type: 'action';
  pos: number;
  pipe: PipeNode;
}
export interface ControlNode {
  type: 'if' | 'range' | 'with';
  pos: number;
  pipe: PipeNode;
  list: ListNode;
  elseList?: ListNode;
}
export interface BreakNode {
  type: 'break';
  pos: number;
}
export interface ContinueNode {
  type: 'continue';
  pos: number;
}
export interface PipeNode {
  type: 'pipe';
  pos: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface CommandNode {
  type: 'command';
  pos: number;
  args: ArgNode[];
}
export interface FieldNode {
  type: 'field';
  pos: number;
  ident: string[];
}
export interface VariableNode {
  type: 'variable';
  pos: number;
  ident: string[];
}
export interface IdentifierNode {
  type: 'identifier';
  pos: number;
  name: string;
}
export interface ChainNode {
  type: 'chain';
  pos: number;
  node: ArgNode;
  field: string[];
}
export interface NumberNode {
  type: 'number';
  pos: number;
  text: string;
  isInt: boolean;
  isFloat: boolean;
  value: number;
}
export type ArgNode =
  | FieldNode
  | VariableNode
  | IdentifierNode
  | ChainNode
  | NumberNode
  | PipeNode
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'string'; pos: number; quoted: string; text: string };

/** A template syntax error, formatted like Go's (`template: output:1: unclosed action`). */
export class TemplateParseError extends Error {}

/** Go's String() of a node, used in error contexts (`<.metadata.name.x>`). */
export function nodeString(node: ArgNode | CommandNode): string {
  switch (node.type) {
    case 'field':
      return node.ident.map((i) => `.${i}`).join('');
    case 'variable':
      return node.ident.join('.');
    case 'identifier':
      return node.name;
    case 'chain': {
      const inner = node.node.type === 'pipe' ? `(${nodeString(node.node)})` : nodeString(node.node);
      return `${inner}${node.field.map((f) => `.${f}`).join('')}`;
    }
    case 'number':
      return node.text;
    case 'pipe': {
      const decl = node.decl.length > 0 ? `${node.decl.map((d) => nodeString(d)).join(', ')} ${node.isAssign ? '=' : ':='} ` : '';
      return `${decl}${node.cmds.map((c) => nodeString(c)).join(' | ')}`;
    }
    case 'command':
      return node.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'string':
      return node.quoted;
  }
}

function itemString(item: Item): string {
  if (item.type === 'eof') return 'EOF';
  if (item.type === 'error') return item.val;
  const keywordTypes: ItemType[] = ['block', 'break', 'continue', 'dot', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with'];
  if (keywordTypes.includes(item.type)) return `<${item.val}>`;
  if (item.val.length > 10) return `${JSON.stringify(item.val.slice(0, 10))}...`;
  return JSON.stringify(item.val);
}

/** Parses a template for execution; `functions` are the names the template may call. */
export function parseTemplate(text: string, name: string, functions: ReadonlySet<string>): ListNode {
  const items = lex(text);
  let index = 0;
  let rangeDepth = 0;
  let vars: string[] = ['$'];
  let current: Item = items[0]!;

  const errorf = (message: string): never => {
    throw new TemplateParseError(`template: ${name}:${current.line}: ${message}`);
  };
  const next = (): Item => {
    current = items[index] ?? items[items.length - 1]!;
    if (index < items.length) index++;
    return current;
  };
  const backup = (): void => {
    index--;
  };
  const peek = (): Item => items[index] ?? items[items.length - 1]!;
  const nextNonSpace = (): Item => {
    let item = next();
    while (item.type === 'space') item = next();
    return item;
  };
  const peekNonSpace = (): Item => {
    const item = nextNonSpace();
    backup();
    return item;
  };
  const unexpected = (item: Item, context: string): never => {
    if (item.type === 'error') return errorf(item.val);
    return errorf(`unexpected ${itemString(item)} in ${context}`);
  };
  const expect = (type: ItemType, context: string): Item => {
    const item = nextNonSpace();
    if (item.type !== type) unexpected(item, context);
    return item;
  };

  type Terminal = { kind: 'end'; pos: number } | { kind: 'else'; pos: number; elseIf: boolean; elseWith: boolean };

  const textOrAction = (): Node | Terminal => {
    const token = nextNonSpace();
    if (token.type === 'text') return { type: 'text', pos: token.pos, text: token.val };
    if (token.type === 'leftDelim') return action();
    return unexpected(token, 'input');
  };

  const itemList = (): { list: ListNode; next: Terminal } => {
    const list: ListNode = { type: 'list', pos: peekNonSpace().pos, nodes: [] };
    while (peekNonSpace().type !== 'eof') {
      const n = textOrAction();
      if ('kind' in n) return { list, next: n };
      list.nodes.push(n);
    }
    return errorf('unexpected EOF');
  };

  const action = (): Node | Terminal => {
    const token = nextNonSpace();
    switch (token.type) {
      case 'block':
      case 'define':
      case 'template':
        return errorf(`{{${token.val}}} is not supported by minikctl`);
      case 'break':
      case 'continue': {
        const closing = nextNonSpace();
        if (closing.type !== 'rightDelim') unexpected(closing, `{{${token.val}}}`);
        if (rangeDepth === 0) errorf(`{{${token.val}}} outside {{range}}`);
        return { type: token.type, pos: token.pos };
      }
      case 'else': {
        const p = peekNonSpace();
        if (p.type === 'if') return { kind: 'else', pos: p.pos, elseIf: true, elseWith: false };
        if (p.type === 'with') return { kind: 'else', pos: p.pos, elseIf: false, elseWith: true };
        const closing = expect('rightDelim', 'else');
        return { kind: 'else', pos: closing.pos, elseIf: false, elseWith: false };
      }
      case 'end':
        return { kind: 'end', pos: expect('rightDelim', 'end').pos };
      case 'if':
        return control('if');
      case 'range':
        return control('range');
      case 'with':
        return control('with');
      default: {
        backup();
        const start = peek();
        return { type: 'action', pos: start.pos, pipe: pipeline('command', 'rightDelim') };
      }
    }
  };

  const control = (context: 'if' | 'range' | 'with'): ControlNode => {
    const saved = vars.length;
    const pipe = pipeline(context, 'rightDelim');
    if (context === 'range') rangeDepth++;
    const { list, next: after } = itemList();
    if (context === 'range') rangeDepth--;
    let elseList: ListNode | undefined;
    if (after.kind === 'else') {
      if (after.elseIf && context === 'if') {
        nextNonSpace();
        elseList = { type: 'list', pos: after.pos, nodes: [control('if')] };
      } else if (after.elseWith && context === 'with') {
        nextNonSpace();
        elseList = { type: 'list', pos: after.pos, nodes: [control('with')] };
      } else {
        if (after.elseIf || after.elseWith) {
          // `{{else if}}` after range/with: Go parses the if/with in the else branch as usual.
          nextNonSpace();
          const inner = control(after.elseIf ? 'if' : 'with');
          elseList = { type: 'list', pos: after.pos, nodes: [inner] };
        } else {
          const rest = itemList();
          if (rest.next.kind !== 'end') errorf(`expected end; found {{else}}`);
          elseList = rest.list;
        }
      }
    }
    vars = vars.slice(0, saved);
    return { type: context, pos: pipe.pos, pipe, list, elseList };
  };

  const pipeline = (context: string, end: ItemType): PipeNode => {
    const start = peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: start.pos, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = peekNonSpace();
      if (v.type !== 'variable') break;
      nextNonSpace();
      const variableIndex = index - 1;
      const following = peekNonSpace();
      if (following.type === 'assign' || following.type === 'declare') {
        pipe.isAssign = following.type === 'assign';
        nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.val] });
        vars.push(v.val);
        break;
      }
      if (following.type === 'char' && following.val === ',') {
        nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.val] });
        vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = peekNonSpace().type;
          if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue;
          errorf('range can only initialize variables');
        }
        errorf(`too many declarations in ${context}`);
      }
      // Not a declaration: the variable is the pipeline's first operand.
      index = variableIndex;
      break;
    }
    for (;;) {
      const token = nextNonSpace();
      if (token.type === end) {
        if (pipe.cmds.length === 0) errorf(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
          const first = c.args[0]!.type;
          if (first === 'bool' || first === 'dot' || first === 'nil' || first === 'number' || first === 'string') {
            errorf(`non executable command in pipeline stage ${i + 2}`);
          }
        });
        return pipe;
      }
      switch (token.type) {
        case 'bool':
        case 'charConstant':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          backup();
          pipe.cmds.push(command());
          break;
        default:
          unexpected(token, context);
      }
    }
  };

  const command = (): CommandNode => {
    const cmd: CommandNode = { type: 'command', pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const token = next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') backup();
      else if (token.type !== 'pipe') unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) errorf('empty command');
    return cmd;
  };

  const operand = (): ArgNode | undefined => {
    let node = term();
    if (!node) return undefined;
    if (peek().type === 'field') {
      const chainPos = peek().pos;
      const fields: string[] = [];
      while (peek().type === 'field') fields.push(next().val.slice(1));
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos: chainPos, ident: [...node.ident, ...fields] };
          break;
        case 'variable':
          node = { type: 'variable', pos: chainPos, ident: [...node.ident, ...fields] };
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          errorf(`unexpected . after term ${JSON.stringify(nodeString(node))}`);
          break;
        default:
          node = { type: 'chain', pos: chainPos, node, field: fields };
      }
    }
    return node;
  };

  const term = (): ArgNode | undefined => {
    const token = nextNonSpace();
    switch (token.type) {
      case 'identifier':
        if (!functions.has(token.val)) errorf(`function ${JSON.stringify(token.val)} not defined`);
        return { type: 'identifier', pos: token.pos, name: token.val };
      case 'dot':
        return { type: 'dot', pos: token.pos };
      case 'nil':
        return { type: 'nil', pos: token.pos };
      case 'variable': {
        const [head, ...rest] = token.val.split('.');
        if (!vars.includes(head!)) errorf(`undefined variable ${JSON.stringify(head)}`);
        return { type: 'variable', pos: token.pos, ident: [head!, ...rest] };
      }
      case 'field':
        return { type: 'field', pos: token.pos, ident: [token.val.slice(1)] };
      case 'bool':
        return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case 'charConstant':
      case 'number':
        return numberNode(token);
      case 'leftParen':
        return pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        let text: string;
        if (token.type === 'rawString') text = token.val.slice(1, -1).replace(/\r/g, '');
        else {
          try {
            text = unquoteBody(token.val.slice(1, -1), '"');
          } catch {
            return errorf('invalid syntax');
          }
        }
        return { type: 'string', pos: token.pos, quoted: token.val, text };
      }
      default:
        backup();
        return undefined;
    }
  };

  const numberNode = (token: Item): NumberNode => {
    const text = token.val;
    if (token.type === 'charConstant') {
      let ch: string;
      try {
        ch = unquoteBody(text.slice(1, -1), "'");
      } catch {
        return errorf(`malformed character constant: ${text}`);
      }
      const cp = ch.codePointAt(0) ?? 0;
      return { type: 'number', pos: token.pos, text, isInt: true, isFloat: false, value: cp };
    }
    const clean = text.replace(/_/g, '');
    if (/i$/.test(clean)) return errorf(`complex numbers are not supported: ${text}`);
    let value: number;
    let isInt = false;
    if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(clean) || /^[+-]?0[oO][0-7]+$/.test(clean) || /^[+-]?0[bB][01]+$/.test(clean)) {
      const sign = clean.startsWith('-') ? -1 : 1;
      value = sign * Number(clean.replace(/^[+-]/, '').replace(/^0[oO]/, '0o'));
      isInt = true;
    } else if (/^[+-]?0[0-7]+$/.test(clean)) {
      value = parseInt(clean, 8);
      isInt = true;
    } else if (/^[+-]?[0-9]+$/.test(clean)) {
      value = Number(clean);
      isInt = true;
    } else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(clean)) {
      value = Number(clean);
    } else return errorf(`illegal number syntax: ${JSON.stringify(text)}`);
    return { type: 'number', pos: token.pos, text, isInt, isFloat: !isInt, value };
  };

  const root: ListNode = { type: 'list', pos: 0, nodes: [] };
  while (peek().type !== 'eof') {
    const n = textOrAction();
    if ('kind' in n) errorf(`unexpected {{${n.kind}}}`);
    else root.nodes.push(n);
  }
  return root;
}
