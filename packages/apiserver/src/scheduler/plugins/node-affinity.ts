import type { Node, Pod } from '@minik/types';
import type { FilterPlugin, ScorePlugin } from '../framework.js';
import { defaultNormalize, unresolvable } from '../framework.js';

type NodeSelectorTerm = NonNullable<NonNullable<NonNullable<NonNullable<Pod['spec']>['affinity']>['nodeAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']>['nodeSelectorTerms'][number];
type Requirement = NonNullable<NodeSelectorTerm['matchExpressions']>[number];

function requirementMatches(req: Readonly<Requirement>, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const n = Number(value);
      const bound = Number(values[0]);
      if (value === undefined || !Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return req.operator === 'Gt' ? n > bound : n < bound;
    }
    default:
      return false;
  }
}

/** Whether a node selector term matches: all its expressions on labels and fields (an empty term matches nothing). */
export function termMatches(term: Readonly<NodeSelectorTerm>, node: Readonly<Node>): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  return (
    expressions.every((req) => requirementMatches(req, labels[req.key])) &&
    fields.every((req) => requirementMatches(req, req.key === 'metadata.name' ? node.metadata?.name : undefined))
  );
}

/** spec.nodeSelector and the required node affinity (any term) both hold. */
export function requiredAffinityMatches(pod: Readonly<Pod>, node: Readonly<Node>): boolean {
  const selector = pod.spec?.nodeSelector;
  const labels = node.metadata?.labels ?? {};
  if (selector) for (const key in selector) if (labels[key] !== selector[key]) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return required.nodeSelectorTerms.some((term) => termMatches(term, node));
}

/** NodeAffinity (filter): nodeSelector and requiredDuringSchedulingIgnoredDuringExecution. */
export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  // Upstream's PreFilter: no nodeSelector and no required node affinity, nothing to check.
  skip: (pod) => !pod.spec?.nodeSelector && !pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
  filter: (pod, node) => (requiredAffinityMatches(pod, node.node) ? undefined : unresolvable("node(s) didn't match Pod's node affinity/selector")),
};

/** NodeAffinity (score): the summed weights of the preferred terms a node matches. */
export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  // Upstream's PreScore: no preferred terms, nothing to score.
  skip: (pod) => (pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length === 0,
  score(pod, node) {
    let sum = 0;
    for (const term of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (termMatches(term.preference, node.node)) sum += term.weight;
    }
    return sum;
  },
  normalize: (scores) => defaultNormalize(scores, false),
};
