/**
 * How Go's fmt prints the decoded JSON values (`map[string]interface{}`, `[]interface{}`, int64,
 * float64, string, bool, nil) that upstream's patch errors interpolate, so messages match byte for
 * byte. Integral numbers print as the int64 that k8s.io/apimachinery's JSON decoding produces.
 */

/** Go's `reflect.TypeOf(v).String()` for a decoded JSON value; `undefined` for a nil interface. */
export function goTypeName(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return '[]interface {}';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int64' : 'float64';
    case 'object':
      return 'map[string]interface {}';
    default:
      return typeof value;
  }
}

/** Go's `%v` of a float64 (`strconv.FormatFloat(f, 'g', -1, 64)`). */
function goFloat(f: number): string {
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : f < 0 ? '-Inf' : 'NaN';
  if (f === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(f)));
  // Shortest %g switches to exponent form below 1e-4 and from 1e6 up (strconv's eprec of 6).
  if (exp < -4 || exp >= 6) {
    const [mantissa, e] = f.toExponential().split('e') as [string, string];
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '');
    return `${mantissa}e${sign}${digits.padStart(2, '0')}`;
  }
  return String(f);
}

/** Go's `%v` of a decoded JSON value: `map[a:1 b:[x y]]` with sorted keys, `<nil>` for nil. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`;
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
      return String(value);
    case 'number':
      return Number.isInteger(value) ? String(value) : goFloat(value);
    case 'object': {
      const map = value as Record<string, unknown>;
      const keys = Object.keys(map).sort();
      return `map[${keys.map((k) => `${k}:${goValue(map[k])}`).join(' ')}]`;
    }
    default:
      return String(value);
  }
}

/** Go's `%s` of an interface value: strings as-is, anything else as `%!s(type=value)`. */
export function goString(value: unknown): string {
  if (typeof value === 'string') return value;
  const type = goTypeName(value);
  if (type === undefined) return '%!s(<nil>)';
  return `%!s(${type}=${goValue(value)})`;
}

/** Go's `%s` of a `reflect.Type` (nil prints as `%!s(<nil>)`). */
export function goTypeString(value: unknown): string {
  return goTypeName(value) ?? '%!s(<nil>)';
}
