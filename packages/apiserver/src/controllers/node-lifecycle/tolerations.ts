import type { Taint, Toleration } from '@minik/types';

/** Toleration.ToleratesTaint: effect and key match (empty means any), then Equal or Exists. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/**
 * v1helper.GetMatchingTolerations: whether every taint is tolerated, and the first toleration
 * that tolerates each.
 */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { all: boolean; used: Toleration[] } {
  if (taints.length === 0) return { all: true, used: [] };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => tolerates(t, taint));
    if (!match) return { all: false, used: [] };
    used.push(match);
  }
  return { all: true, used };
}

/**
 * getMinTolerationTime: the shortest tolerationSeconds in seconds (zero or less evicts at once);
 * undefined when every toleration is forever.
 */
export function minTolerationSeconds(tolerations: readonly Toleration[]): number | undefined {
  if (tolerations.length === 0) return 0;
  let min: number | undefined;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    if (min === undefined || t.tolerationSeconds < min) min = t.tolerationSeconds;
  }
  return min;
}
