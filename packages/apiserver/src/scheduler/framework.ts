import type { Pod } from '@minik/types';
import type { NodeInfo } from './node-info.js';

/**
 * Why a node was filtered out. `UnschedulableAndUnresolvable` means preemption cannot help
 * (the node's labels, taints or cordon would still not fit), as upstream's framework codes it.
 */
export interface FilterStatus {
  readonly code: 'Unschedulable' | 'UnschedulableAndUnresolvable';
  /** Reasons as they appear in FailedScheduling messages: `node(s) were unschedulable`, `Insufficient cpu`. */
  readonly reasons: readonly string[];
}

/** A Filter plugin: undefined when the node fits. */
export interface FilterPlugin {
  readonly name: string;
  /** PreFilter's Skip status: the pod asks nothing of this plugin, which then filters no node this cycle. */
  skip?(pod: Readonly<Pod>): boolean;
  filter(pod: Readonly<Pod>, node: NodeInfo): FilterStatus | undefined;
}

/** A Score plugin: raw scores per feasible node, normalised to 0–100, then weighted. */
export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** PreScore's Skip status: the plugin would score every node alike for this pod, so it is left out. */
  skip?(pod: Readonly<Pod>): boolean;
  score(pod: Readonly<Pod>, node: NodeInfo, all: readonly NodeInfo[]): number;
  /** Maps raw scores onto 0–100 (NormalizeScore); raw scores are used as they are without it. */
  normalize?(scores: readonly number[]): number[];
}

/** MaxNodeScore. */
export const maxNodeScore = 100;

export const unschedulable = (...reasons: string[]): FilterStatus => ({ code: 'Unschedulable', reasons });
export const unresolvable = (...reasons: string[]): FilterStatus => ({ code: 'UnschedulableAndUnresolvable', reasons });

/** helper.DefaultNormalizeScore: scales to 0–100 by the highest score, reversed when lower is better. */
export function defaultNormalize(scores: readonly number[], reverse: boolean): number[] {
  const highest = Math.max(0, ...scores);
  if (highest === 0) return scores.map(() => (reverse ? maxNodeScore : 0));
  return scores.map((s) => {
    const normalized = Math.floor((maxNodeScore * s) / highest);
    return reverse ? maxNodeScore - normalized : normalized;
  });
}
