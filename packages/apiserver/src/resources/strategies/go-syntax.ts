import { GoValue } from '../../errors/index.js';

/**
 * Go's `%#v` renderings of the values upstream puts in field errors. Servers up to 1.33 print
 * non-scalar bad values this way (`map[string]string{"app":"web"}`); 1.34 switched to JSON.
 * https://github.com/kubernetes/kubernetes/blob/v1.33.1/staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go
 */

/** Go's `%q` (strconv.Quote) of a string. */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `map[string]string{"a":"1", "b":"2"}` (keys sorted, as fmt does), or `map[string]string(nil)`. */
export function goStringMap(map: Readonly<Record<string, string>> | null | undefined): string {
  if (map === null || map === undefined) return 'map[string]string(nil)';
  const entries = Object.keys(map)
    .sort()
    .map((key) => `${goQuote(key)}:${goQuote(String(map[key]))}`);
  return `map[string]string{${entries.join(', ')}}`;
}

/** `[]string{"a", "b"}`, or `[]string(nil)`. */
export function goStringSlice(values: readonly string[] | null | undefined): string {
  if (values === null || values === undefined) return '[]string(nil)';
  return `[]string{${values.map((v) => goQuote(String(v))).join(', ')}}`;
}

interface SelectorLike {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: readonly { key?: string; operator?: string; values?: readonly string[] | null }[] | null;
}

/** `v1.LabelSelector{MatchLabels:map[string]string{…}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`. */
export function goLabelSelector(selector: SelectorLike | null | undefined): string {
  if (selector === null || selector === undefined) return 'null';
  const expressions = selector.matchExpressions;
  const renderedExpressions =
    expressions === null || expressions === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${expressions
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? '')}, Operator:${goQuote(e.operator ?? '')}, Values:${goStringSlice(e.values)}}`,
          )
          .join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(selector.matchLabels)}, MatchExpressions:${renderedExpressions}}`;
}

/** Field-error values for the renderings above. */
export const goValue = {
  stringMap: (map: Readonly<Record<string, string>> | null | undefined): GoValue => new GoValue(goStringMap(map)),
  stringSlice: (values: readonly string[] | null | undefined): GoValue => new GoValue(goStringSlice(values)),
  labelSelector: (selector: SelectorLike | null | undefined): GoValue => new GoValue(goLabelSelector(selector)),
  /** An IntOrString prints through its String() method: the bare number or the bare string. */
  intOrString: (value: number | string): GoValue => new GoValue(String(value)),
};
