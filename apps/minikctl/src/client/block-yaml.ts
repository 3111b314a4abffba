/**
 * A small reader for the block-style YAML that kubectl and minik write into kubeconfig files
 * (mappings, `- ` sequences, plain/quoted scalars, `{}`/`[]`, comments). Loading the full `yaml`
 * package costs tens of milliseconds on every command, so kubeconfigs go through this first and
 * only fall back to the full parser when it throws {@link UnsupportedYaml}.
 */

/** Thrown for any construct this reader does not handle; the caller then uses a full YAML parser. */
export class UnsupportedYaml extends Error {}

interface Line {
  indent: number;
  text: string;
}

/** Parses one YAML document made of block mappings and sequences. */
export function parseBlockYaml(source: string): unknown {
  const lines: Line[] = [];
  for (const raw of source.split(/\r?\n/)) {
    if (raw.includes('\t') && /^\s*\t/.test(raw)) throw new UnsupportedYaml('tab indentation');
    const stripped = stripComment(raw);
    if (stripped.trim() === '') continue;
    if (stripped.trim() === '---') {
      if (lines.length > 0) throw new UnsupportedYaml('several documents');
      continue;
    }
    if (/^\s*(%|\.\.\.)/.test(stripped)) throw new UnsupportedYaml('directives');
    const indent = stripped.length - stripped.trimStart().length;
    lines.push({ indent, text: stripped.trim() });
  }
  if (lines.length === 0) return null;
  const state = { index: 0 };
  const value = parseNode(lines, state, lines[0]!.indent);
  if (state.index !== lines.length) throw new UnsupportedYaml('unexpected indentation');
  return value;
}

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
    } else if (ch === '"' || ch === "'") {
      if (i === 0 || /[\s:\-[{,]/.test(line[i - 1]!)) quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

function parseNode(lines: Line[], state: { index: number }, indent: number): unknown {
  const line = lines[state.index]!;
  if (line.text.startsWith('- ') || line.text === '-') return parseSequence(lines, state, line.indent);
  return parseMapping(lines, state, indent);
}

function parseSequence(lines: Line[], state: { index: number }, indent: number): unknown[] {
  const items: unknown[] = [];
  while (state.index < lines.length) {
    const line = lines[state.index]!;
    if (line.indent < indent) break;
    if (line.indent > indent) throw new UnsupportedYaml('bad sequence indentation');
    if (!(line.text.startsWith('- ') || line.text === '-')) break;
    const rest = line.text === '-' ? '' : line.text.slice(2).trimStart();
    if (rest === '') {
      state.index++;
      const next = lines[state.index];
      items.push(next && next.indent > indent ? parseNode(lines, state, next.indent) : null);
      continue;
    }
    const itemIndent = indent + (line.text.length - rest.length);
    if (rest.startsWith('- ')) throw new UnsupportedYaml('nested inline sequence');
    if (keyOf(rest) !== undefined) {
      // A mapping that starts on the dash line: treat the rest as a line of its own.
      lines[state.index] = { indent: itemIndent, text: rest };
      items.push(parseMapping(lines, state, itemIndent));
      continue;
    }
    items.push(parseScalar(rest));
    state.index++;
  }
  return items;
}

/** The key of `key: value` / `key:`, or undefined when the line is not a mapping entry. */
function keyOf(text: string): { key: string; rest: string } | undefined {
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = findQuoteEnd(text);
    if (end < 0) return undefined;
    const after = text.slice(end + 1);
    if (!after.startsWith(':')) return undefined;
    if (after.length > 1 && after[1] !== ' ') return undefined;
    return { key: String(parseScalar(text.slice(0, end + 1))), rest: after.slice(1).trim() };
  }
  if (text.startsWith('[') || text.startsWith('{') || text.startsWith('? ') || text.startsWith('&') || text.startsWith('*')) return undefined;
  const m = /^([^:]*?):(?: |$)/.exec(text);
  if (!m) return undefined;
  return { key: m[1]!.trim(), rest: text.slice(m[0].length).trim() };
}

function findQuoteEnd(text: string): number {
  const quote = text[0]!;
  for (let i = 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

function parseMapping(lines: Line[], state: { index: number }, indent: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  while (state.index < lines.length) {
    const line = lines[state.index]!;
    if (line.indent < indent) break;
    if (line.indent > indent) throw new UnsupportedYaml('bad mapping indentation');
    const entry = keyOf(line.text);
    if (!entry) {
      if (line.text.startsWith('- ')) break;
      throw new UnsupportedYaml(`not a mapping entry: ${line.text}`);
    }
    state.index++;
    if (entry.rest === '') {
      const next = lines[state.index];
      if (next && (next.indent > indent || (next.indent === indent && (next.text.startsWith('- ') || next.text === '-')))) {
        out[entry.key] = parseNode(lines, state, next.indent);
      } else out[entry.key] = null;
    } else {
      if (entry.rest.startsWith('|') || entry.rest.startsWith('>')) throw new UnsupportedYaml('block scalar');
      if (entry.rest.startsWith('&') || entry.rest.startsWith('*') || entry.rest.startsWith('!')) throw new UnsupportedYaml('anchors and tags');
      out[entry.key] = parseScalar(entry.rest);
    }
  }
  return out;
}

/** A flow scalar: quoted strings, `{}`/`[]`, null/bool/number per YAML 1.1 core as Go's yaml.v2 reads them. */
function parseScalar(text: string): unknown {
  if (text === '{}') return {};
  if (text === '[]') return [];
  if (text.startsWith('[') || text.startsWith('{')) throw new UnsupportedYaml('flow collection');
  if (text.startsWith('"')) {
    if (findQuoteEnd(text) !== text.length - 1) throw new UnsupportedYaml('text after a quoted scalar');
    try {
      return JSON.parse(text) as string;
    } catch {
      throw new UnsupportedYaml('escape sequence');
    }
  }
  if (text.startsWith("'")) {
    if (findQuoteEnd(text) !== text.length - 1) throw new UnsupportedYaml('text after a quoted scalar');
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text.startsWith('&') || text.startsWith('*') || text.startsWith('!') || text.startsWith('|') || text.startsWith('>')) {
    throw new UnsupportedYaml('anchors, tags and block scalars');
  }
  if (/^(~|null|Null|NULL)$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?(0|[1-9][0-9]*)$/.test(text)) return Number(text);
  if (/^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  return text;
}
