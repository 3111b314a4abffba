import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '@minik/apiserver';
import { kubectlVersions, lines, useKubectlCluster, type Kubectl } from '../support/index.js';

// minik authenticates nobody and authorizes everything (kube-apiserver with anonymous requests and
// the AlwaysAllow authorizer): the reviews `kubectl auth` creates say so.
describe.each(kubectlVersions)('kubectl %s auth', (version) => {
  let kubectl: Kubectl;
  useKubectlCluster(version, {}, (started) => ({ kubectl } = started));

  it('can-i answers yes for any verb, resource and namespace', async () => {
    for (const args of [['create', 'pods'], ['delete', 'deployments.apps', '-n', 'kube-system'], ['*', '*', '--all-namespaces'], ['get', '/healthz']]) {
      const r = await kubectl.run(['auth', 'can-i', ...args]);
      expect([r.stdout.trimEnd(), r.stderr, r.code]).toEqual(['yes', '', 0]);
    }
  });

  it('can-i --list lists every verb on every resource and URL', async () => {
    const r = await kubectl.run(['auth', 'can-i', '--list']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((line) => line.split(/\s+/).filter(Boolean))).toEqual([
      ['Resources', 'Non-Resource', 'URLs', 'Resource', 'Names', 'Verbs'],
      ['*.*', '[]', '[]', '[*]'],
      ['[*]', '[]', '[*]'],
    ]);
  });

  it('create token prints a service account JWT with the requested audience and lifetime', async () => {
    expect((await kubectl.run(['create', 'serviceaccount', 'bot'])).code).toBe(0);
    const r = await kubectl.run(['create', 'token', 'bot', '--audience=vault', '--duration=2h']);
    expect(r.code).toBe(0);
    const [header, claims, signature] = r.stdout.trimEnd().split('.');
    const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    expect(decode(header!).alg).toBe('RS256');
    const payload = decode(claims!);
    expect(payload).toMatchObject({ aud: ['vault'], iss: 'https://kubernetes.default.svc.cluster.local', sub: 'system:serviceaccount:default:bot' });
    expect(payload.exp - payload.iat).toBe(7200);
    expect(payload['kubernetes.io'].serviceaccount.name).toBe('bot');
    expect(Buffer.from(signature!, 'base64url')).toHaveLength(256);
    const short = await kubectl.run(['create', 'token', 'bot', '--duration=1m']);
    expect([short.code, short.stderr.trimEnd()]).toEqual([
      1,
      'error: failed to create token: TokenRequest.authentication.k8s.io "bot" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
    ]);
    const missing = await kubectl.run(['create', 'token', 'nobody']);
    expect([missing.code, missing.stderr.trimEnd()]).toEqual([1, 'error: failed to create token: serviceaccounts "nobody" not found']);
  });

  it.skipIf(version === '1.27')('whoami names the anonymous user', async () => {
    const r = await kubectl.run(['auth', 'whoami']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(['ATTRIBUTE   VALUE', 'Username    system:anonymous', 'Groups      [system:unauthenticated]']);
  });
});

describe('reviews over HTTP', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ port: 0 });
  });
  afterAll(async () => {
    await cluster.stop();
  });

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${cluster.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'dashboard/1.0' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const access = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

  it('answers a SelfSubjectAccessReview with allowed, its fields recorded and nothing stored', async () => {
    const r = await post(access, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'list', resource: 'secrets' } } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null, managedFields: [{ manager: 'dashboard', operation: 'Update', fieldsV1: { 'f:spec': { 'f:resourceAttributes': { '.': {}, 'f:resource': {}, 'f:verb': {} } } } }] },
      spec: { resourceAttributes: { verb: 'list', resource: 'secrets' } },
      status: { allowed: true },
    });
    expect(Object.keys(r.body)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    const nonResource = await post(access, { spec: { nonResourceAttributes: { path: '/metrics', verb: 'get' } } });
    expect(nonResource.body.status).toEqual({ allowed: true });
    const list = await fetch(`${cluster.url}${access}`);
    expect(list.status).toBe(405);
  });

  it('rejects an access review without exactly one kind of attributes (422) and a rules review without a namespace (400)', async () => {
    const neither = await post(access, { spec: {} });
    expect(neither.status).toBe(422);
    expect(neither.body.message).toBe(
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
    const both = await post(access, { spec: { resourceAttributes: { verb: 'get' }, nonResourceAttributes: { path: '/', verb: 'get' } } });
    expect(both.body.message).toBe(
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.nonResourceAttributes: Invalid value: authorization.NonResourceAttributes{Path:"/", Verb:"get"}: cannot be specified in combination with resourceAttributes',
    );
    const rules = await post('/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', { spec: {} });
    expect([rules.status, rules.body.reason, rules.body.message]).toEqual([400, 'BadRequest', 'no namespace on request']);
  });

  it('answers a TokenRequest with its defaults, the account it names and when the token expires', async () => {
    const started = Date.now();
    const r = await post('/api/v1/namespaces/kube-system/serviceaccounts/default/token', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name: 'default', namespace: 'kube-system' },
      spec: { audiences: ['https://kubernetes.default.svc.cluster.local'], expirationSeconds: 3600, boundObjectRef: null },
    });
    const expires = Date.parse(r.body.status.expirationTimestamp) - started;
    expect(expires).toBeGreaterThan(3590_000);
    expect(expires).toBeLessThanOrEqual(3601_000);
    expect(r.body.status.token.split('.')).toHaveLength(3);
    const renamed = await post('/api/v1/namespaces/kube-system/serviceaccounts/default/token', { metadata: { name: 'other' }, spec: {} });
    expect(renamed.body.message).toBe('TokenRequest.authentication.k8s.io "default" is invalid: metadata.name: Invalid value: "other": must match the service account name if specified');
 
    // Bad bodies are typed as TokenRequests: 400s, never a 500 or a token for a string lifetime.
    const typed = await post('/api/v1/namespaces/kube-system/serviceaccounts/default/token', { spec: { expirationSeconds: 'an hour' } });
    expect([typed.status, typed.body.message]).toEqual([
      400,
      'TokenRequest in version "v1" cannot be handled as a TokenRequest: json: cannot unmarshal string into Go struct field TokenRequestSpec.spec.expirationSeconds of type int64',
    ]);
    const audiences = await post('/api/v1/namespaces/kube-system/serviceaccounts/default/token', { spec: { audiences: 'vault' } });
    expect(audiences.status).toBe(400);
  });

  it('answers a SelfSubjectReview with the anonymous user', async () => {
    const r = await post('/apis/authentication.k8s.io/v1/selfsubjectreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      kind: 'SelfSubjectReview',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { creationTimestamp: null },
      status: { userInfo: { username: 'system:anonymous', groups: ['system:unauthenticated'] } },
    });
  });
});
