import type { APIResource, APIResourceList, ResourceDefinition } from '@minik/types';
import { storageVersionHash } from './storage-version-hash.js';

/**
 * The legacy `/api/v1` or `/apis/{group}/{version}` document. Each resource is followed by its
 * `plural/sub` entries, as upstream lists them. The real core list carries no `apiVersion`; group
 * lists do (kubectl accepts both, but matching upstream keeps golden comparisons simple).
 */
export function buildApiResourceList(
  group: string,
  version: string,
  resources: readonly ResourceDefinition[],
): APIResourceList {
  return {
    kind: 'APIResourceList',
    ...(group === '' ? {} : { apiVersion: 'v1' as const }),
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources: resources.flatMap((def) => [resourceEntry(def), ...subresourceEntries(def)]),
  };
}

function resourceEntry(def: ResourceDefinition): APIResource {
  return {
    name: def.plural,
    singularName: def.singular,
    namespaced: def.namespaced,
    kind: def.kind,
    verbs: [...def.verbs],
    ...(def.shortNames?.length ? { shortNames: [...def.shortNames] } : {}),
    ...(def.categories?.length ? { categories: [...def.categories] } : {}),
    storageVersionHash: storageVersionHash(def.group, def.version, def.kind),
  };
}

function subresourceEntries(def: ResourceDefinition): APIResource[] {
  return (def.subresources ?? []).map((sub) => {
    // Upstream names the group/version only when the subresource answers with another group's
    // kind (deployments/scale → autoscaling/v1 Scale); otherwise the parent's is implied.
    const foreign = sub.group !== undefined && sub.group !== def.group;
    return {
      name: `${def.plural}/${sub.name}`,
      singularName: '',
      namespaced: def.namespaced,
      ...(foreign ? { group: sub.group, version: sub.version ?? def.version } : {}),
      kind: sub.kind,
      verbs: [...sub.verbs],
    };
  });
}
