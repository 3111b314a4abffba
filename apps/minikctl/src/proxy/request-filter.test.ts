import { describe, expect, it } from 'vitest';
import { accepts, defaultAcceptHosts, defaultAcceptPaths, defaultRejectMethods, defaultRejectPaths, hostOf, regexpList } from './request-filter.js';

const filter = {
  acceptHosts: regexpList(defaultAcceptHosts),
  acceptPaths: regexpList(defaultAcceptPaths),
  rejectPaths: regexpList(defaultRejectPaths),
  rejectMethods: regexpList(defaultRejectMethods),
};

describe("kubectl proxy's request filter", () => {
  it('accepts local hosts and rejects exec and attach', () => {
    expect(accepts(filter, 'GET', '/api/v1/pods', hostOf('localhost:8001'))).toBe(true);
    expect(accepts(filter, 'GET', '/api/v1/pods', hostOf('127.0.0.1:8001'))).toBe(true);
    expect(accepts(filter, 'GET', '/api/v1/pods', hostOf('localhost'))).toBe(true);
    expect(accepts(filter, 'GET', '/api/v1/pods', hostOf('example.com:8001'))).toBe(false);
    expect(accepts(filter, 'POST', '/api/v1/namespaces/default/pods/web/exec', hostOf('localhost:8001'))).toBe(false);
    expect(accepts(filter, 'GET', '/api/v1/namespaces/default/pods/web/attach', hostOf('localhost:8001'))).toBe(false);
  });

  it("splits the Host header like Go's net.SplitHostPort", () => {
    expect(hostOf('[::1]:8001')).toBe('::1');
    expect(hostOf('[::1]')).toBe('[::1]');
  });
});
