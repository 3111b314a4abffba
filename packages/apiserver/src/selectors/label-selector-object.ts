import type { LabelSelector } from '@minik/types';
import { badRequest } from '../errors/index.js';
import type { CompiledRequirement, LabelOperator } from './label-requirement.js';
import { newRequirement } from './label-requirement.js';
import type { LabelSelectorMatcher } from './label-selector.js';
import { everythingSelector, nothingSelector, selectorFromRequirements } from './label-selector.js';

const operatorByName: Readonly<Record<string, LabelOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/**
 * Compiled selectors of frozen (stored) selector objects: a controller matches its selector
 * against every pod it owns on every sync, and compiling (validating each key and value) cost
 * more than the matching. A frozen object cannot change, so its compiled form cannot go stale.
 */
const compiled = new WeakMap<object, LabelSelectorMatcher | string>();

/** LabelSelectorAsSelector, returning upstream's error text instead of throwing. */
function asSelector(sel: LabelSelector | null | undefined): LabelSelectorMatcher | string {
  if (sel === null || sel === undefined || !Object.isFrozen(sel)) return compile(sel);
  let result = compiled.get(sel);
  if (result === undefined) compiled.set(sel, (result = compile(sel)));
  return result;
}

function compile(sel: LabelSelector | null | undefined): LabelSelectorMatcher | string {
  // A nil selector selects nothing while an empty one selects everything (metav1 helpers.go).
  if (sel === null || sel === undefined) return nothingSelector();
  const matchLabels = sel.matchLabels ?? {};
  const matchExpressions = sel.matchExpressions ?? [];
  const labelKeys = Object.keys(matchLabels);
  if (labelKeys.length + matchExpressions.length === 0) return everythingSelector();

  const reqs: CompiledRequirement[] = [];
  for (const key of labelKeys) {
    const r = newRequirement(key, '=', [matchLabels[key]!]);
    if (typeof r === 'string') return r;
    reqs.push(r);
  }
  for (const expr of matchExpressions) {
    const operator = Object.hasOwn(operatorByName, expr.operator) ? operatorByName[expr.operator] : undefined;
    if (!operator) return `${JSON.stringify(expr.operator ?? '')} is not a valid label selector operator`;
    // upstream copies values with append([]string(nil), ...): none at all reads as `null` in messages.
    const values = expr.values && expr.values.length > 0 ? expr.values : null;
    const r = newRequirement(expr.key ?? '', operator, values);
    if (typeof r === 'string') return r;
    reqs.push(r);
  }
  return selectorFromRequirements(reqs);
}

/**
 * metav1.LabelSelectorAsSelector: a spec's selector object as a matcher. `null`/`undefined` matches
 * nothing, `{}` matches everything; an unknown operator or invalid key/value throws a 400 BadRequest.
 */
export function labelSelectorFromObject(sel: LabelSelector | null | undefined): LabelSelectorMatcher {
  const result = asSelector(sel);
  if (typeof result === 'string') throw badRequest(result);
  return result;
}

/**
 * metav1.FormatLabelSelector, as kubectl's wide `SELECTOR` columns print it: the canonical string,
 * `<none>` when it is nil or empty, `<error>` when it is invalid.
 */
export function formatLabelSelector(sel: LabelSelector | null | undefined): string {
  const result = asSelector(sel);
  if (typeof result === 'string') return '<error>';
  return result.toString() || '<none>';
}

/**
 * The canonical string of a spec's selector object (`''` for nil and empty alike, as upstream
 * prints both), or undefined when it is invalid — the raw form kubectl's deployment SELECTOR shows.
 */
export function labelSelectorString(sel: LabelSelector | null | undefined): string | undefined {
  const result = asSelector(sel);
  return typeof result === 'string' ? undefined : result.toString();
}
