import type { CompiledRequirement, LabelRequirement } from './label-requirement.js';
import { compareStrings, requirementMatches, requirementToString } from './label-requirement.js';

/** A parsed label selector (upstream labels.Selector), built once and matched many times. */
export interface LabelSelectorMatcher {
  /** True when it does not restrict anything (upstream `Empty()`); false for "nothing". */
  readonly empty: boolean;
  /** The ANDed requirements, sorted by key. */
  readonly requirements: readonly LabelRequirement[];
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  /** upstream's canonical form: requirements sorted by key, e.g. `app=web,tier in (a,b)`. */
  toString(): string;
}

class RequirementsSelector implements LabelSelectorMatcher {
  readonly empty: boolean;
  private readonly reqs: readonly CompiledRequirement[];
  private text: string | undefined;

  constructor(reqs: readonly CompiledRequirement[]) {
    this.reqs = reqs;
    this.empty = reqs.length === 0;
  }

  get requirements(): readonly LabelRequirement[] {
    return this.reqs;
  }

  matches(labels: Readonly<Record<string, string>> | undefined): boolean {
    const reqs = this.reqs;
    for (let i = 0; i < reqs.length; i++) if (!requirementMatches(reqs[i]!, labels)) return false;
    return true;
  }

  toString(): string {
    return (this.text ??= this.reqs.map(requirementToString).join(','));
  }
}

/** upstream labels.Nothing(): matches no object, yet is not "empty". */
const nothing: LabelSelectorMatcher = Object.freeze({
  empty: false,
  requirements: [],
  matches: () => false,
  toString: () => '',
});

const everything: LabelSelectorMatcher = new RequirementsSelector([]);

/** labels.Everything(). */
export const everythingSelector = (): LabelSelectorMatcher => everything;

/** labels.Nothing(). */
export const nothingSelector = (): LabelSelectorMatcher => nothing;

/** A selector over these requirements, sorted by key as upstream's `Add` and `Parse` do (stable here). */
export function selectorFromRequirements(reqs: readonly CompiledRequirement[]): LabelSelectorMatcher {
  if (reqs.length === 0) return everything;
  return new RequirementsSelector([...reqs].sort((a, b) => compareStrings(a.key, b.key)));
}
