import type { Container } from '@minik/types';

/** The wide Containers and Images cells of workload kinds: names and images, comma-joined (upstream's layoutContainerCells). */
export function containerCells(containers: readonly Container[] | null | undefined): [names: string, images: string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}
