/**
 * Go's `fmt.Sprint` (`%v`) of values decoded from JSON, which kubectl's printers use for table
 * cells, JSONPath results and template output: maps print as `map[k:v]` with sorted keys,
 * slices as `[a b]`, nil as `<nil>`.
 */

/** How JSON numbers were decoded on the Go side. */
export type NumberMode =
  /** k8s.io/apimachinery's decoding: whole numbers are int64, others float64. */
  | 'int-or-float'
  /** encoding/json into interface{}: every number is a float64 (go-template's data). */
  | 'float';

/** `strconv.FormatFloat(f, 'g', -1, 64)`, which `%v` uses for float64. */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, expText] = f.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  // %e form when the exponent is below -4 or at least 6 (the shortest-precision rule).
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mantissa}e${exp < 0 ? '-' : '+'}${abs < 10 ? `0${abs}` : abs}`;
  }
  // Plain decimal notation with the shortest digits.
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let out: string;
  if (exp >= 0) {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    out = frac ? `${intPart}.${frac}` : intPart;
  } else {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return negative ? `-${out}` : out;
}

function formatNumber(n: number, mode: NumberMode): string {
  if (mode === 'int-or-float' && Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  return formatGoFloat(n);
}

/** `fmt.Sprint(v)` for a JSON-decoded value. */
export function goSprint(value: unknown, mode: NumberMode = 'int-or-float'): string {
  if (value === null || value === undefined) return '<nil>';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return formatNumber(value, mode);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => goSprint(v, mode)).join(' ')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      return `map[${keys.map((k) => `${k}:${goSprint(record[k], mode)}`).join(' ')}]`;
    }
    default:
      return String(value);
  }
}
