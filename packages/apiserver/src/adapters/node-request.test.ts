import { describe, expect, it } from 'vitest';
import { isDirectPath, splitUrl } from './node-request.js';

describe('splitUrl', () => {
  it('gives the path and query new URL() gives, for plain and unusual request targets', () => {
    const targets = [
      '/',
      '/api',
      '/api/v1/namespaces/default/pods',
      '/api/v1/namespaces/default/pods?limit=500&continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ%3D%3D',
      '/api/v1/namespaces/default/configmaps/kube-root-ca.crt',
      '/apis/apps/v1/namespaces/default/deployments/web?fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
      '/api/v1/namespaces/default/pods?labelSelector=app+in+(a,b)&fieldSelector=spec.nodeName%3Dminik',
      '/api/v1/namespaces/default/pods/web:8080/proxy/a%20b?x=1',
      '/api/v1/namespaces/default/pods/../secrets',
      '/api/v1/./pods',
      '/api/v1/%2e%2e/pods',
      '/api/v1/pods/caf\u00e9',
      '/api/v1/pods/a b',
      '/api/v1/pods?q=a#frag',
      '/api/v1/pods\\x',
      '//double//slashes/',
      '/api/v1/pods?',
      '/api/v1/pods?a=1&a=2&b',
    ];
    for (const target of targets) {
      const url = new URL(target, 'http://localhost');
      const split = splitUrl(target);
      expect({ target, path: split.path, query: [...split.query] }).toEqual({ target, path: url.pathname, query: [...url.searchParams] });
    }
  });
});

describe('isDirectPath', () => {
  it('sends the API, discovery, version and health straight to the core, the rest through express', () => {
    const direct = ['/api', '/api?timeout=32s', '/api/v1/pods', '/apis', '/apis/apps/v1', '/version', '/version?timeout=32s', '/healthz', '/readyz?verbose', '/livez/ping'];
    const viaExpress = ['/', '/openapi/v2', '/minik/v1/faults', '/apiary', '/apis2', '//api/v1', 'api/v1', '/metrics'];
    expect(direct.filter((p) => !isDirectPath(p))).toEqual([]);
    expect(viaExpress.filter((p) => isDirectPath(p))).toEqual([]);
  });
});
