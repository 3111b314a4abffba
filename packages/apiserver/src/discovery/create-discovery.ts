import type { APIGroupDiscovery, ResourceDefinition } from '@minik/types';
import {
  aggregatedDiscoveryContentType,
  negotiateAggregatedDiscovery,
  type AggregatedDiscoveryVersion,
} from './aggregated-discovery-media-type.js';
import { buildGroupDiscovery, buildGroupDiscoveryList } from './aggregated-discovery.js';
import { indexApiGroups } from './api-group-index.js';
import { buildApiGroupList } from './api-group-list.js';
import { buildApiResourceList } from './api-resource-list.js';
import { buildApiVersions } from './api-versions.js';
import { deepFreeze } from '../util/deep-freeze.js';
import { jsonContentType, type DiscoveryResponse } from './discovery-response.js';

/** What discovery needs from the running server. */
export interface DiscoveryOptions {
  /** `host:port` clients reach the server at; read per request since the port is known only after listen. */
  serverAddress: () => string;
}

/** Answers the discovery endpoints from the resource registry; `undefined` means "not served here" (404). */
export interface Discovery {
  /** `GET /api`: legacy APIVersions, or the aggregated core group when Accept asks for it. */
  coreVersions(accept: string | undefined): DiscoveryResponse | undefined;
  /** `GET /apis`: legacy APIGroupList, or one aggregated item per named group. */
  groups(accept: string | undefined): DiscoveryResponse;
  /** `GET /api/v1` (group '') and `GET /apis/{group}/{version}`: the legacy APIResourceList. */
  resourceList(group: string, version: string): DiscoveryResponse | undefined;
}

/**
 * Builds the discovery endpoints for a registry. Documents depend only on the registry, so each is
 * built on first use, frozen and reused; only `/api`'s server address is read per request.
 */
export function createDiscovery(resources: readonly ResourceDefinition[], options: DiscoveryOptions): Discovery {
  const index = lazy(() => {
    const groups = indexApiGroups(resources);
    const core = groups.find((group) => group.name === '');
    const named = groups.filter((group) => group.name !== '');
    const byGroupVersion = new Map<string, readonly ResourceDefinition[]>();
    for (const group of groups) {
      for (const { version, resources: rows } of group.versions) byGroupVersion.set(`${group.name}/${version}`, rows);
    }
    return { core, named, byGroupVersion };
  });

  // Items are shared by the v2 and v2beta1 lists: the two differ only in apiVersion.
  const coreItems = lazy(() => {
    const { core } = index();
    return core ? [buildGroupDiscovery(core)] : [];
  });
  const namedItems = lazy(() => index().named.map(buildGroupDiscovery));
  const aggregatedCore = perVersion((version) => aggregated(version, coreItems()));
  const aggregatedGroups = perVersion((version) => aggregated(version, namedItems()));
  const groupList = lazy(() => json(buildApiGroupList(index().named)));

  // `/api` embeds the server address; rebuild only when it changes (in practice once per listen).
  let apiVersions: { address: string; response: DiscoveryResponse } | undefined;
  const resourceLists = new Map<string, DiscoveryResponse>();

  return {
    coreVersions(accept) {
      const { core } = index();
      if (!core) return undefined;
      const version = negotiateAggregatedDiscovery(accept);
      if (version) return aggregatedCore(version);
      const address = options.serverAddress();
      if (apiVersions?.address !== address) {
        const versions = core.versions.map((v) => v.version);
        apiVersions = { address, response: json(buildApiVersions(versions, address)) };
      }
      return apiVersions.response;
    },

    groups(accept) {
      const version = negotiateAggregatedDiscovery(accept);
      return version ? aggregatedGroups(version) : groupList();
    },

    resourceList(group, version) {
      const key = `${group}/${version}`;
      const cached = resourceLists.get(key);
      if (cached) return cached;
      // Only known group/versions are cached, so arbitrary paths cannot grow the map.
      const rows = index().byGroupVersion.get(key);
      if (!rows) return undefined;
      const response = json(buildApiResourceList(group, version, rows));
      resourceLists.set(key, response);
      return response;
    },
  };
}

function json(body: unknown): DiscoveryResponse {
  return deepFreeze({ contentType: jsonContentType, body });
}

function aggregated(version: AggregatedDiscoveryVersion, items: readonly APIGroupDiscovery[]): DiscoveryResponse {
  return deepFreeze({
    contentType: aggregatedDiscoveryContentType(version),
    body: buildGroupDiscoveryList(version, items),
  });
}

function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}

function perVersion<T>(build: (version: AggregatedDiscoveryVersion) => T): (version: AggregatedDiscoveryVersion) => T {
  const byVersion = { v2: lazy(() => build('v2')), v2beta1: lazy(() => build('v2beta1')) };
  return (version) => byVersion[version]();
}
