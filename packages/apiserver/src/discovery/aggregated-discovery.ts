import type {
  APIGroupDiscovery,
  APIGroupDiscoveryList,
  APIResourceDiscovery,
  APISubresourceDiscovery,
  ResourceDefinition,
} from '@minik/types';
import type { ApiGroupResources } from './api-group-index.js';
import type { AggregatedDiscoveryVersion } from './aggregated-discovery-media-type.js';

/**
 * One item of an aggregated discovery list (apidiscovery.k8s.io, identical JSON in v2 and v2beta1).
 * The core group item, served on `/api`, has no `metadata.name`.
 */
export function buildGroupDiscovery(group: ApiGroupResources): APIGroupDiscovery {
  return {
    metadata: group.name === '' ? { creationTimestamp: null } : { name: group.name, creationTimestamp: null },
    // Versions in preference order; kubectl treats any freshness but `Current` as a failed version.
    versions: group.versions.map(({ version, resources }) => ({
      version,
      freshness: 'Current',
      resources: resources.map(resourceDiscovery),
    })),
  };
}

/** Wraps items in the list envelope whose `apiVersion` must match the negotiated content type. */
export function buildGroupDiscoveryList(
  version: AggregatedDiscoveryVersion,
  items: readonly APIGroupDiscovery[],
): APIGroupDiscoveryList {
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items: [...items] };
}

function resourceDiscovery(def: ResourceDefinition): APIResourceDiscovery {
  const subresources = (def.subresources ?? []).map((sub): APISubresourceDiscovery => {
    // Empty group/version mean "the parent's"; kubectl drops entries whose responseKind lacks a kind.
    const foreign = sub.group !== undefined && sub.group !== def.group;
    return {
      subresource: sub.name,
      responseKind: foreign
        ? { group: sub.group ?? '', version: sub.version ?? def.version, kind: sub.kind }
        : { group: '', version: '', kind: sub.kind },
      verbs: [...sub.verbs],
    };
  });
  return {
    resource: def.plural,
    responseKind: { group: '', version: '', kind: def.kind },
    scope: def.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: def.singular,
    verbs: [...def.verbs],
    ...(def.shortNames?.length ? { shortNames: [...def.shortNames] } : {}),
    ...(def.categories?.length ? { categories: [...def.categories] } : {}),
    ...(subresources.length ? { subresources } : {}),
  };
}
