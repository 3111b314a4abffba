import { describe, expect, it } from 'vitest';
import { parseResourcePath, resourceInfoOf } from './request-info.js';

const parse = (method: string, path: string, query = '') => parseResourcePath({ method, path, query: new URLSearchParams(query) });

describe('parseResourcePath', () => {
  it('resolves core and group paths, namespaced and cluster-scoped, to upstream RequestInfo', () => {
    expect(parse('GET', '/api/v1/namespaces/default/pods')).toMatchObject({ group: '', version: 'v1', namespace: 'default', resource: 'pods', name: undefined, verb: 'list' });
    expect(parse('GET', '/apis/apps/v1/namespaces/ns/deployments/web/scale')).toMatchObject({ group: 'apps', resource: 'deployments', name: 'web', subresource: 'scale', verb: 'get' });
    expect(parse('GET', '/api/v1/nodes/minik')).toMatchObject({ namespace: undefined, resource: 'nodes', name: 'minik', verb: 'get' });
    expect(parse('GET', '/api/v1/pods', 'watch=true')).toMatchObject({ namespace: undefined, resource: 'pods', verb: 'watch' });
    expect(parse('GET', '/api/v1/namespaces/default/pods/x', 'watch=1')).toMatchObject({ name: 'x', verb: 'watch' });
  });

  it('treats namespaces/{name}/status and /finalize as the namespace itself', () => {
    expect(parse('GET', '/api/v1/namespaces/default')).toMatchObject({ resource: 'namespaces', name: 'default', namespace: undefined, verb: 'get' });
    expect(parse('PUT', '/api/v1/namespaces/gone/finalize')).toMatchObject({ resource: 'namespaces', name: 'gone', subresource: 'finalize', verb: 'update' });
    expect(parse('GET', '/api/v1/namespaces')).toMatchObject({ resource: 'namespaces', verb: 'list' });
  });

  it('maps methods to verbs and keeps the path after a subresource', () => {
    expect(parse('POST', '/api/v1/namespaces/d/pods')?.verb).toBe('create');
    expect(parse('PATCH', '/api/v1/namespaces/d/pods/p')?.verb).toBe('patch');
    expect(parse('DELETE', '/api/v1/namespaces/d/pods/p')?.verb).toBe('delete');
    expect(parse('DELETE', '/api/v1/namespaces/d/pods')?.verb).toBe('deletecollection');
    expect(parse('GET', '/api/v1/namespaces/d/pods/p/proxy/a/b')).toMatchObject({ subresource: 'proxy', rest: ['a', 'b'] });
  });

  it('ignores paths that are not resource paths', () => {
    expect(parse('GET', '/api')).toBeUndefined();
    expect(parse('GET', '/api/v1')).toBeUndefined();
    expect(parse('GET', '/apis/apps/v1')).toBeUndefined();
    expect(parse('GET', '/version')).toBeUndefined();
  });
});

describe('resourceInfoOf', () => {
  const request = (method: string, path: string) => ({ method, path, query: new URLSearchParams() });

  it('answers for each request, asked in turn or again after another', () => {
    const pods = request('GET', '/api/v1/namespaces/a/pods/x');
    const deployments = request('DELETE', '/apis/apps/v1/namespaces/b/deployments/y');
    expect(resourceInfoOf(pods)).toMatchObject({ verb: 'get', resource: 'pods', namespace: 'a', name: 'x' });
    expect(resourceInfoOf(pods)).toBe(resourceInfoOf(pods));
    expect(resourceInfoOf(deployments)).toMatchObject({ verb: 'delete', group: 'apps', resource: 'deployments', namespace: 'b', name: 'y' });
    // An async answer's layer asks about its request after another was served.
    expect(resourceInfoOf(pods)).toMatchObject({ verb: 'get', resource: 'pods', namespace: 'a', name: 'x' });
    expect(resourceInfoOf(request('GET', '/version'))).toBeUndefined();
  });
});
