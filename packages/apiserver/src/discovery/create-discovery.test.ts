import { builtinResources, type ResourceDefinition } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { createDiscovery } from './create-discovery.js';

// Accept headers exactly as kubectl sends them (reference §2.2).
const accept127 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const accept133 =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const acceptLegacy = 'application/json, */*';

const v2ContentType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const v2beta1ContentType = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function discovery(resources: readonly ResourceDefinition[] = builtinResources) {
  let address = '127.0.0.1:6443';
  const d = createDiscovery(resources, { serverAddress: () => address });
  return Object.assign(d, { setAddress: (a: string) => (address = a) });
}

/** The named groups minik serves, in registry order. */
const namedGroups = ['apps', 'authentication.k8s.io', 'authorization.k8s.io', 'batch', 'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io', 'rbac.authorization.k8s.io'];

describe('legacy discovery', () => {
  it('answers /api with APIVersions', () => {
    expect(discovery().coreVersions(acceptLegacy)).toEqual({
      contentType: 'application/json',
      body: {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
      },
    });
  });

  it('reads the server address per request', () => {
    const d = discovery();
    d.coreVersions(undefined);
    d.setAddress('127.0.0.1:40123');
    expect(d.coreVersions(undefined)?.body).toMatchObject({
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:40123' }],
    });
  });

  it('answers /apis with every named group in registry order', () => {
    const res = discovery().groups(acceptLegacy);
    expect(res.contentType).toBe('application/json');
    expect(res.body).toMatchObject({ kind: 'APIGroupList', apiVersion: 'v1' });
    const { groups } = res.body as { groups: { name: string }[] };
    expect(groups.map((g) => g.name)).toEqual(namedGroups);
    expect(groups[0]).toEqual({
      name: 'apps',
      versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    });
  });

  it('answers /api/v1 without apiVersion, subresources right after their resource', () => {
    const res = discovery().resourceList('', 'v1');
    expect(res?.contentType).toBe('application/json');
    const body = res?.body as { kind: string; groupVersion: string; resources: { name: string }[] };
    expect(body).not.toHaveProperty('apiVersion');
    expect(body.kind).toBe('APIResourceList');
    expect(body.groupVersion).toBe('v1');
    const names = body.resources.map((r) => r.name);
    const pods = builtinResources.find((r) => r.plural === 'pods')!;
    const podEntries = ['pods', ...pods.subresources!.map((s) => `pods/${s.name}`)];
    expect(names.slice(names.indexOf('pods'), names.indexOf('pods') + podEntries.length)).toEqual(podEntries);
    expect(podEntries).toEqual(expect.arrayContaining(['pods/binding', 'pods/eviction', 'pods/status']));
    expect(body.resources.find((r) => r.name === 'pods')).toEqual({
      name: 'pods',
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      verbs: allVerbs,
      shortNames: ['po'],
      categories: ['all'],
      storageVersionHash: 'xPOwRZ+Yhw8=',
    });
    expect(body.resources.find((r) => r.name === 'pods/status')).toEqual({
      name: 'pods/status',
      singularName: '',
      namespaced: true,
      kind: 'Pod',
      verbs: ['get', 'patch', 'update'],
    });
    expect(body.resources.find((r) => r.name === 'pods/eviction')).toMatchObject({
      group: 'policy',
      version: 'v1',
      kind: 'Eviction',
    });
    // No empty optional arrays: Secret has neither shortNames nor categories.
    expect(body.resources.find((r) => r.name === 'secrets')).not.toHaveProperty('shortNames');
    expect(body.resources.find((r) => r.name === 'secrets')).not.toHaveProperty('categories');
  });

  it('answers /apis/apps/v1 with apiVersion and a foreign-group scale subresource', () => {
    const body = discovery().resourceList('apps', 'v1')?.body as { resources: { name: string }[] };
    expect(body).toMatchObject({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'apps/v1' });
    expect(body.resources.map((r) => r.name)).toEqual([
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'statefulsets/scale',
      'statefulsets/status',
    ]);
    expect(body.resources[3]).toEqual({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
    expect(body.resources[2]).not.toHaveProperty('group');
  });

  it('returns undefined for unknown group/versions', () => {
    const d = discovery();
    expect(d.resourceList('apps', 'v1beta1')).toBeUndefined();
    expect(d.resourceList('widgets.example.com', 'v1')).toBeUndefined();
    expect(d.resourceList('', 'v2')).toBeUndefined();
  });

  it('has no /api without core resources', () => {
    const apps = builtinResources.filter((r) => r.group === 'apps');
    expect(discovery(apps).coreVersions(accept133)).toBeUndefined();
  });

  it('builds each document once and freezes it', () => {
    const d = discovery();
    expect(d.resourceList('apps', 'v1')).toBe(d.resourceList('apps', 'v1'));
    expect(d.groups(acceptLegacy)).toBe(d.groups(undefined));
    expect(d.coreVersions(accept133)).toBe(d.coreVersions(accept133));
    expect(Object.isFrozen((d.groups(accept133).body as { items: unknown[] }).items[0])).toBe(true);
  });
});

describe('aggregated discovery', () => {
  it('answers kubectl 1.30+ with v2', () => {
    const res = discovery().groups(accept133);
    expect(res.contentType).toBe(v2ContentType);
    const body = res.body as { items: { metadata: { name?: string } }[] };
    expect(body).toMatchObject({ kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {} });
    expect(body.items.map((i) => i.metadata.name)).toEqual(namedGroups);
    expect(body.items[0]).toEqual({
      metadata: { name: 'apps', creationTimestamp: null },
      versions: [
        {
          version: 'v1',
          freshness: 'Current',
          resources: ['DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'].map((kind) => ({
            resource: `${kind.toLowerCase()}s`,
            responseKind: { group: '', version: '', kind },
            scope: 'Namespaced',
            singularResource: kind.toLowerCase(),
            verbs: allVerbs,
            shortNames: [{ DaemonSet: 'ds', Deployment: 'deploy', ReplicaSet: 'rs', StatefulSet: 'sts' }[kind]!],
            categories: ['all'],
            subresources: [
              // DaemonSets have no scale subresource.
              ...(kind === 'DaemonSet'
                ? []
                : [{ subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] }]),
              { subresource: 'status', responseKind: { group: '', version: '', kind }, verbs: ['get', 'patch', 'update'] },
            ],
          })),
        },
      ],
    });
  });

  it('answers kubectl 1.27–1.29 with v2beta1', () => {
    const res = discovery().coreVersions(accept127);
    expect(res?.contentType).toBe(v2beta1ContentType);
    const body = res?.body as { apiVersion: string; items: { metadata: unknown; versions: unknown[] }[] };
    expect(body.apiVersion).toBe('apidiscovery.k8s.io/v2beta1');
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.metadata).toEqual({ creationTimestamp: null });
    const [v1] = body.items[0]?.versions as { version: string; resources: Record<string, unknown>[] }[];
    expect(v1?.version).toBe('v1');
    expect(v1?.resources.find((r) => r.resource === 'namespaces')).toEqual({
      resource: 'namespaces',
      responseKind: { group: '', version: '', kind: 'Namespace' },
      scope: 'Cluster',
      singularResource: 'namespace',
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['ns'],
      subresources: [
        { subresource: 'finalize', responseKind: { group: '', version: '', kind: 'Namespace' }, verbs: ['update'] },
        { subresource: 'status', responseKind: { group: '', version: '', kind: 'Namespace' }, verbs: ['get', 'patch', 'update'] },
      ],
    });
    // Optional arrays are omitted, never empty.
    expect(v1?.resources.find((r) => r.resource === 'configmaps')).not.toHaveProperty('subresources');
    expect(v1?.resources.find((r) => r.resource === 'configmaps')).not.toHaveProperty('categories');
  });

  it('shares items between v2 and v2beta1, differing only in apiVersion', () => {
    const d = discovery();
    const v2 = d.groups(accept133).body as { apiVersion: string; items: unknown[] };
    const v2beta1 = d.groups(accept127).body as { apiVersion: string; items: unknown[] };
    expect(v2beta1.items).toEqual(v2.items);
    expect(v2beta1.apiVersion).not.toBe(v2.apiVersion);
  });

  it('falls back to legacy JSON for application/json, */*', () => {
    const d = discovery();
    expect(d.coreVersions(acceptLegacy)?.contentType).toBe('application/json');
    expect(d.coreVersions(acceptLegacy)?.body).toMatchObject({ kind: 'APIVersions' });
    expect(d.groups(acceptLegacy).contentType).toBe('application/json');
    expect(d.groups('*/*').body).toMatchObject({ kind: 'APIGroupList' });
  });
});
