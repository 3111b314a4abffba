import { createHash } from 'node:crypto';
import { builtinResources, builtinSchemas } from '@minik/types';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createOpenApi, openApiV2ContentType } from './create-openapi.js';
import { openApiResponse } from './openapi-response.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const openApi = createOpenApi(builtinResources, builtinSchemas);
const index = openApi.v3Index().body as { paths: Record<string, { serverRelativeURL: string }> };
const gvPaths = Object.keys(index.paths);
const doc = (gvPath: string): Json => openApi.v3Document(gvPath)!.body as Json;

function patchOperationFor(d: Json, gvk: { group: string; version: string; kind: string }): Json | undefined {
  for (const item of Object.values(d.paths) as Json[]) {
    const op = item.patch as Json | undefined;
    const ext = op?.['x-kubernetes-group-version-kind'];
    if (ext && ext.group === gvk.group && ext.version === gvk.version && ext.kind === gvk.kind) return op;
  }
  return undefined;
}

describe('createOpenApi', () => {
  it('serves an empty protobuf v2 document with a media type Go can parse', () => {
    const v2 = openApi.v2();
    expect(v2.contentType).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    expect(v2.contentType).toBe(openApiV2ContentType);
    expect(v2.body.byteLength).toBe(0);
  });

  it('indexes one document per served group-version, each URL carrying the hash of its bytes', () => {
    expect(gvPaths).toEqual([
      'api/v1',
      'apis/apps/v1',
      'apis/authentication.k8s.io/v1',
      'apis/authorization.k8s.io/v1',
      'apis/batch/v1',
      'apis/coordination.k8s.io/v1',
      'apis/discovery.k8s.io/v1',
      'apis/events.k8s.io/v1',
      'apis/rbac.authorization.k8s.io/v1',
    ]);
    for (const gvPath of gvPaths) {
      const served = openApi.v3Document(gvPath)!;
      const hash = createHash('sha512').update(served.text).digest('hex').toUpperCase();
      expect(served.hash).toBe(hash);
      expect(index.paths[gvPath]!.serverRelativeURL).toBe(`/openapi/v3/${gvPath}?hash=${hash}`);
      expect(JSON.parse(served.text)).toEqual(served.body);
    }
    expect(openApi.v3Document('apis/policy/v1')).toBeUndefined();
  });

  it('builds each document once', () => {
    expect(openApi.v3Document('api/v1')).toBe(openApi.v3Document('api/v1'));
  });

  it('changes the hash when the document changes', () => {
    const fewer = createOpenApi(builtinResources.filter((r) => r.kind !== 'ReplicaSet'), builtinSchemas);
    expect(fewer.v3Document('apis/apps/v1')!.hash).not.toBe(openApi.v3Document('apis/apps/v1')!.hash);
    expect(fewer.v3Document('api/v1')!.hash).toBe(openApi.v3Document('api/v1')!.hash);
  });

  it.each(['api/v1', 'apis/apps/v1', 'apis/batch/v1', 'apis/coordination.k8s.io/v1', 'apis/discovery.k8s.io/v1', 'apis/events.k8s.io/v1'])('%s is a valid OpenAPI 3.0 document', async (gvPath) => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc(gvPath)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.0');
  });

  it('resolves every $ref inside its own document', () => {
    for (const gvPath of gvPaths) {
      const d = doc(gvPath);
      const refs = JSON.stringify(d).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
      for (const ref of new Set(refs)) {
        const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
        expect(d.components.schemas[name], `${gvPath}: ${name}`).toBeDefined();
      }
    }
  });

  it('documents every verb of every resource with its action, GVK and write parameters', () => {
    const apps = doc('apis/apps/v1');
    const item = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
    expect(Object.keys(item).sort()).toEqual(['delete', 'get', 'parameters', 'patch', 'put']);
    expect(item.patch.operationId).toBe('patchAppsV1NamespacedDeployment');
    expect(item.patch['x-kubernetes-action']).toBe('patch');
    expect(item.patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', kind: 'Deployment', version: 'v1' });
    expect(item.patch.parameters.map((p: Json) => p.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation', 'force']);
    expect(Object.keys(item.patch.requestBody.content)).toEqual([
      'application/apply-patch+yaml',
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/strategic-merge-patch+json',
    ]);
    const collection = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments'];
    expect(collection.get['x-kubernetes-action']).toBe('list');
    expect(collection.post['x-kubernetes-action']).toBe('post');
    expect(collection.post.parameters.map((p: Json) => p.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation']);
    expect(collection.delete['x-kubernetes-action']).toBe('deletecollection');
    expect(apps.paths['/apis/apps/v1/deployments'].get.operationId).toBe('listAppsV1DeploymentForAllNamespaces');
    expect(apps.paths['/apis/apps/v1/watch/namespaces/{namespace}/deployments/{name}'].get['x-kubernetes-action']).toBe('watch');
    const scale = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'];
    expect(scale.patch['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', kind: 'Scale', version: 'v1' });
    expect(apps.components.schemas['io.k8s.api.autoscaling.v1.Scale']).toBeDefined();
    const core = doc('api/v1');
    expect(core.paths['/api/v1/nodes/{name}'].parameters.map((p: Json) => p.name)).toEqual(['name', 'pretty']);
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/eviction'].post['x-kubernetes-group-version-kind']).toEqual({
      group: 'policy',
      kind: 'Eviction',
      version: 'v1',
    });
    expect(core.paths['/api/v1/namespaces/{name}/finalize'].put.operationId).toBe('replaceCoreV1NamespaceFinalize');
  });

  it('documents pods/log as text and proxies as connect operations of the *ProxyOptions kinds', () => {
    const podDef = builtinResources.find((r) => r.kind === 'Pod')!;
    const pods = {
      ...podDef,
      subresources: [
        { name: 'log', kind: 'Pod', verbs: ['get'] as const },
        { name: 'proxy', kind: 'PodProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] as const },
      ],
    };
    const d = createOpenApi([pods], builtinSchemas).v3Document('api/v1')!.body as Json;
    const log = d.paths['/api/v1/namespaces/{namespace}/pods/{name}/log'].get;
    expect(log.operationId).toBe('readCoreV1NamespacedPodLog');
    expect(log.parameters.map((p: Json) => p.name)).toContain('tailLines');
    const proxy = d.paths['/api/v1/namespaces/{namespace}/pods/{name}/proxy/{path}'];
    expect(proxy.patch['x-kubernetes-action']).toBe('connect');
    expect(proxy.patch['x-kubernetes-group-version-kind']).toEqual({ group: '', kind: 'PodProxyOptions', version: 'v1' });
    expect(proxy.parameters.map((p: Json) => p.name)).toEqual(['name', 'namespace', 'path']);
    expect(patchOperationFor(d, { group: '', version: 'v1', kind: 'Pod' })!.operationId).toBe('patchCoreV1NamespacedPod');
  });

  it('answers kubectl’s “does the server validate fields” question for every kind that can be patched', () => {
    // kubectl asks through the kind's PATCH operation; the create-only reviews have none, as upstream.
    for (const r of builtinResources.filter((def) => def.verbs.includes('patch'))) {
      const d = doc(r.group === '' ? `api/${r.version}` : `apis/${r.group}/${r.version}`);
      const op = patchOperationFor(d, r);
      expect(op, r.kind).toBeDefined();
      expect(op!.parameters.some((p: Json) => p.name === 'fieldValidation' && p.in === 'query')).toBe(true);
    }
  });

  it('puts the GVK and the patch annotations on component schemas', () => {
    const schemas = doc('api/v1').components.schemas;
    expect(schemas['io.k8s.api.core.v1.Pod']['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    const containers = schemas['io.k8s.api.core.v1.PodSpec'].properties.containers;
    expect(containers).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/io.k8s.api.core.v1.Container' },
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
    });
    expect(schemas['io.k8s.api.core.v1.PodSpec'].required).toEqual(['containers']);
    expect(schemas['io.k8s.api.core.v1.PodSpec'].properties.affinity).toMatchObject({ allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Affinity' }] });
    expect(schemas['io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions']['x-kubernetes-group-version-kind']).toContainEqual({
      group: 'apps',
      kind: 'DeleteOptions',
      version: 'v1',
    });
    const deploymentSpec = doc('apis/apps/v1').components.schemas['io.k8s.api.apps.v1.DeploymentSpec'];
    expect(deploymentSpec.properties.strategy['x-kubernetes-patch-strategy']).toBe('retainKeys');
    expect(schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ format: 'int-or-string' });
  });

  it('answers the OpenAPI paths like kube-openapi', () => {
    const none = new URLSearchParams();
    const v2 = openApiResponse(openApi, '/openapi/v2', none)!;
    expect(v2.status).toBe(200);
    expect(v2.headers['content-type']).toBe(openApiV2ContentType);
    const served = openApi.v3Document('apis/apps/v1')!;
    const current = openApiResponse(openApi, '/openapi/v3/apis/apps/v1', new URLSearchParams({ hash: served.hash }))!;
    expect(current.status).toBe(200);
    expect(current.headers.etag).toBe(`"${served.hash}"`);
    expect(current.headers['cache-control']).toBe('public, immutable');
    expect('body' in current && current.body).toBe(served.text);
    const stale = openApiResponse(openApi, '/openapi/v3/apis/apps/v1', new URLSearchParams({ hash: 'ABC' }))!;
    expect(stale.status).toBe(301);
    expect(stale.headers.location).toBe(`/openapi/v3/apis/apps/v1?hash=${served.hash}`);
    expect(openApiResponse(openApi, '/openapi/v3/apis/policy/v1', none)).toBeUndefined();
    expect(openApiResponse(openApi, '/openapi/v4', none)).toBeUndefined();
  });
});
