import type { ResourceDefinition } from '@minik/types';

/** The resources of one group/version, in registry order. */
export interface GroupVersionResources {
  version: string;
  resources: readonly ResourceDefinition[];
}

/** One API group with its versions; versions are in registry order and the first is preferred. */
export interface ApiGroupResources {
  /** '' for the core (legacy) group served under `/api`. */
  name: string;
  versions: readonly GroupVersionResources[];
}

/**
 * Groups registry rows by API group and version, keeping the order in which each group and version
 * first appears. Discovery order matters to clients: `kubectl get all` lists kinds in discovery
 * order, and the first version of a group is its preferred one.
 */
export function indexApiGroups(resources: readonly ResourceDefinition[]): ApiGroupResources[] {
  const groups = new Map<string, Map<string, ResourceDefinition[]>>();
  for (const def of resources) {
    let versions = groups.get(def.group);
    if (!versions) groups.set(def.group, (versions = new Map()));
    let rows = versions.get(def.version);
    if (!rows) versions.set(def.version, (rows = []));
    rows.push(def);
  }
  return [...groups].map(([name, versions]) => ({
    name,
    versions: [...versions].map(([version, rows]) => ({ version, resources: rows })),
  }));
}
