import type { APIGroup, APIGroupList } from '@minik/types';
import type { ApiGroupResources } from './api-group-index.js';

/** The legacy `/apis` document: every named group with its versions, the first one preferred. */
export function buildApiGroupList(groups: readonly ApiGroupResources[]): APIGroupList {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.filter((group) => group.name !== '').map(buildApiGroup),
  };
}

function buildApiGroup(group: ApiGroupResources): APIGroup {
  const versions = group.versions.map(
    ({ version }): APIGroup['versions'][number] => ({ groupVersion: `${group.name}/${version}`, version }),
  );
  const [preferred] = versions;
  return preferred ? { name: group.name, versions, preferredVersion: { ...preferred } } : { name: group.name, versions };
}
