import type { LabelSelector } from '@minik/types';

/*
 * A metav1.LabelSelector printed the way upstream prints it (metav1.LabelSelectorAsSelector
 * followed by Selector.String()): requirements sorted by key, values of set requirements sorted,
 * `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`. A small local copy: the selectors module
 * parses and matches selectors; the printers only need the canonical string.
 */

/** One requirement: its key and how it prints. */
interface PrintedRequirement {
  key: string;
  text: string;
}

const qualifiedNamePart = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

// Upstream's NewRequirement rejects keys and values that are not valid label keys and values.
function isLabelKey(key: string): boolean {
  const slash = key.indexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !dnsSubdomain.test(prefix))) return false;
  return name.length > 0 && name.length <= 63 && qualifiedNamePart.test(name);
}

function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && qualifiedNamePart.test(value));
}

function requirement(key: string, operator: string, values: readonly string[]): PrintedRequirement | undefined {
  if (!isLabelKey(key) || !values.every(isLabelValue)) return undefined;
  const sorted = [...values].sort();
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) return undefined;
      return { key, text: `${key} ${operator === 'In' ? 'in' : 'notin'} (${sorted.join(',')})` };
    case 'Exists':
      return values.length === 0 ? { key, text: key } : undefined;
    case 'DoesNotExist':
      return values.length === 0 ? { key, text: `!${key}` } : undefined;
    default:
      return undefined;
  }
}

/**
 * The selector's canonical string, `''` for a nil or empty selector (upstream's Nothing and
 * Everything both print empty), undefined when the selector is invalid.
 */
export function labelSelectorString(selector: LabelSelector | null | undefined): string | undefined {
  if (selector === null || selector === undefined) return '';
  const requirements: PrintedRequirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!isLabelKey(key) || !isLabelValue(value)) return undefined;
    requirements.push({ key, text: `${key}=${value}` });
  }
  for (const expression of selector.matchExpressions ?? []) {
    const printed = requirement(expression.key, expression.operator, expression.values ?? []);
    if (printed === undefined) return undefined;
    requirements.push(printed);
  }
  // Array.prototype.sort is stable; compare as Go compares strings (by code unit for ASCII keys).
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return requirements.map((r) => r.text).join(',');
}

/** Upstream's metav1.FormatLabelSelector: the canonical string, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  const text = labelSelectorString(selector);
  if (text === undefined) return '<error>';
  return text === '' ? '<none>' : text;
}
