/**
 * JSON as Go's encoding/json writes a `map[string]interface{}` (what kubectl prints with
 * `-o json`): keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped, indented with `indent`.
 */
export function goJsonStringify(value: unknown, indent = '    '): string {
  return write(value, indent, '');
}

const escapes: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** A JSON string literal with Go's escaping. */
export function goJsonString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/["\\\u0000-\u001f<>&\u2028\u2029]/g, (c) => escapes[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

function write(value: unknown, indent: string, prefix: string): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return goJsonString(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      const inner = prefix + indent;
      if (Array.isArray(value)) {
        if (value.length === 0) return '[]';
        if (indent === '') return `[${value.map((v) => write(v, indent, inner)).join(',')}]`;
        return `[\n${value.map((v) => `${inner}${write(v, indent, inner)}`).join(',\n')}\n${prefix}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      if (keys.length === 0) return '{}';
      if (indent === '') return `{${keys.map((k) => `${goJsonString(k)}:${write(record[k], indent, inner)}`).join(',')}}`;
      return `{\n${keys.map((k) => `${inner}${goJsonString(k)}: ${write(record[k], indent, inner)}`).join(',\n')}\n${prefix}}`;
    }
    default:
      return 'null';
  }
}
