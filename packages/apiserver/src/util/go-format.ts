// Go's renderings of decoded JSON values that upstream puts in messages and annotations.

type JsonMap = Record<string, unknown>;

/** Go's json.Marshal of an unstructured value: keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped. */
export function goJsonMarshal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJsonMarshal).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const map = value as JsonMap;
    return `{${Object.keys(map)
      .sort()
      .map((k) => `${goJsonMarshal(k)}:${goJsonMarshal(map[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * fmt's `%+v` of a value decoded into `map[string]interface{}`: `map[spec:map[replicas:x]]`, maps
 * with sorted keys, slices as `[a b]`, strings bare, integers as int64, other numbers as float64.
 */
export function goPrintValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goPrintValue).join(' ')}]`;
  if (typeof value === 'object') {
    const map = value as JsonMap;
    return `map[${Object.keys(map)
      .sort()
      .map((k) => `${k}:${goPrintValue(map[k])}`)
      .join(' ')}]`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : goFloat(value);
  return String(value);
}

/** strconv's shortest 'g' form, as %v prints a float64: an exponent from 1e+06 up and below 1e-04. */
function goFloat(value: number): string {
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 6) return String(value);
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}
