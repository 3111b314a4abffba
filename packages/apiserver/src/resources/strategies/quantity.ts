/**
 * resource.Quantity parsing, exact to the nano unit (upstream keeps at most nine decimal places
 * and rounds up beyond that). https://github.com/kubernetes/apimachinery/blob/v0.33.1/pkg/api/resource/quantity.go
 */

/** The message upstream's decoder gives for a malformed quantity (a 400 at decode time). */
export const quantityFormatError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const quantityPattern = /^([+-]?)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[-+]?\d*)$/;
const decimalSuffixes: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** The quantity in nano units, or undefined when `value` is not a valid quantity. */
export function parseQuantity(value: string | number): bigint | undefined {
  const text = String(value).trim();
  const m = quantityPattern.exec(text);
  if (m === null) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const whole = m[2] ?? '';
  const fraction = m[3] ?? '';
  const suffix = m[4] ?? '';
  if (whole === '' && fraction === '') return undefined;
  let exponent10 = -fraction.length;
  let exponent2 = 0;
  if (suffix in decimalSuffixes) exponent10 += decimalSuffixes[suffix] ?? 0;
  else if (suffix in binarySuffixes) exponent2 = binarySuffixes[suffix] ?? 0;
  else if (/^[eE][-+]?\d+$/.test(suffix)) exponent10 += Number(suffix.slice(1));
  else return undefined;
  const digits = BigInt(`${whole}${fraction}` || '0');
  // nano units: multiply by 10^9, then apply the exponents; round up what falls below a nano.
  let numerator = digits * 2n ** BigInt(exponent2);
  let denominator = 1n;
  const scale = exponent10 + 9;
  if (scale >= 0) numerator *= 10n ** BigInt(scale);
  else denominator = 10n ** BigInt(-scale);
  const rounded = (numerator + denominator - 1n) / denominator;
  return sign * rounded;
}
