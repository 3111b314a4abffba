import { describe, expect, it } from 'vitest';
import { createClusterCore, type ClusterCore } from '../cluster/create-cluster.js';
import { ManualClock } from '../util/manual-clock.js';

// PATCH, POST and PUT through the API core, as kubectl sends them, checking answers and managed fields.

const deployments = '/apis/apps/v1/namespaces/default/deployments';
const userAgent = 'kubectl.1.33/v1.33.1 (linux/amd64) kubernetes/8adc0f0';

interface Answer {
  status: number;
  body: any;
}

async function call(core: ClusterCore, method: string, path: string, body?: unknown, contentType = 'application/json', query = ''): Promise<Answer> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': contentType, 'user-agent': userAgent };
  const response = await core.handle({
    method,
    path,
    query: new URLSearchParams(query),
    header: (name) => headers[name],
    body: text === undefined ? undefined : new TextEncoder().encode(text),
    signal: new AbortController().signal,
  });
  if (!('body' in response)) throw new Error('unexpected stream');
  return { status: response.status, body: JSON.parse(String(response.body)) };
}

const apply = (core: ClusterCore, name: string, body: unknown, query = 'fieldManager=kubectl') =>
  call(core, 'PATCH', `${deployments}/${name}`, body, 'application/apply-patch+yaml', query);

const manifest = (name: string, replicas = 2, image = 'nginx:1.25') => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image }] } },
  },
});

function cluster(): { core: ClusterCore; clock: ManualClock } {
  const clock = new ManualClock('2024-05-01T10:00:00Z');
  return { core: createClusterCore({ clock, controllers: false }), clock };
}

const managersOf = (obj: any): string[] => (obj.metadata.managedFields ?? []).map((e: any) => `${e.manager}/${e.operation}${e.subresource ? `/${e.subresource}` : ''}`);

describe('server-side apply through the API', () => {
  it('creates a missing object (201), then updates it (200)', async () => {
    const { core, clock } = cluster();
    const created = await apply(core, 'web', manifest('web'));
    expect(created.status).toBe(201);
    expect(created.body.metadata.uid).toBeTruthy();
    expect(created.body.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(created.body.metadata.managedFields).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: '2024-05-01T10:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:template': { 'f:metadata': { 'f:labels': { 'f:app': {} } }, 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } },
          },
        },
      },
    ]);
    clock.advance(1000);
    const updated = await apply(core, 'web', manifest('web', 3));
    expect(updated.status).toBe(200);
    expect(updated.body.spec.replicas).toBe(3);
    expect(updated.body.metadata.generation).toBe(2);
    expect(updated.body.metadata.managedFields[0].time).toBe('2024-05-01T10:00:01Z');
  });

  it('answers a conflict with a 409 Status listing causes, and applies with force', async () => {
    const { core } = cluster();
    expect((await call(core, 'POST', deployments, manifest('web'), 'application/json', 'fieldManager=kubectl-create')).status).toBe(201);
    const conflict = await apply(core, 'web', manifest('web', 5));
    expect(conflict).toEqual({
      status: 409,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Apply failed with 1 conflict: conflict with "kubectl-create" using apps/v1: .spec.replicas',
        reason: 'Conflict',
        details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-create" using apps/v1', field: '.spec.replicas' }] },
        code: 409,
      },
    });
    const forced = await apply(core, 'web', manifest('web', 5), 'fieldManager=kubectl&force=true');
    expect(forced.status).toBe(200);
    expect(forced.body.spec.replicas).toBe(5);
  });

  it('validates patch options as upstream does', async () => {
    const { core } = cluster();
    const noManager = await apply(core, 'web', manifest('web'), '');
    expect(noManager).toEqual({
      status: 422,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
        reason: 'Invalid',
        details: { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }] },
        code: 422,
      },
    });
    await call(core, 'POST', deployments, manifest('web'));
    const force = await call(core, 'PATCH', `${deployments}/web`, { spec: { replicas: 1 } }, 'application/merge-patch+json', 'force=true');
    expect([force.status, force.body.message]).toEqual([422, 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch']);
    const badName = await apply(core, 'other', manifest('web'));
    expect([badName.status, badName.body.message]).toEqual([400, 'the name of the object (web) does not match the name on the URL (other)']);
    const badYaml = await apply(core, 'web', '- a\n- b\n');
    expect(badYaml.status).toBe(400);
    const statusOfMissing = await call(core, 'PATCH', `${deployments}/missing/status`, manifest('missing'), 'application/apply-patch+yaml', 'fieldManager=x');
    expect([statusOfMissing.status, statusOfMissing.body.message]).toEqual([404, 'deployments.apps "missing" not found']);
  });

  it('does not store a dry-run apply', async () => {
    const { core } = cluster();
    const dry = await apply(core, 'web', manifest('web'), 'fieldManager=kubectl&dryRun=All');
    expect(dry.status).toBe(201);
    expect((await call(core, 'GET', `${deployments}/web`)).status).toBe(404);
  });

  it('records writers without a fieldManager by their User-Agent, and subresource writes by subresource', async () => {
    const { core } = cluster();
    await call(core, 'POST', deployments, manifest('web'));
    await call(core, 'PATCH', `${deployments}/web/scale`, { spec: { replicas: 4 } }, 'application/merge-patch+json');
    await call(core, 'PATCH', `${deployments}/web/status`, { status: { replicas: 4 } }, 'application/merge-patch+json', 'fieldManager=controller');
    const d = (await call(core, 'GET', `${deployments}/web`)).body;
    expect(d.spec.replicas).toBe(4);
    // Entries sort as upstream sorts them: operation, time, manager, apiVersion, subresource.
    expect(managersOf(d)).toEqual(['controller/Update/status', 'kubectl.1.33/Update', 'kubectl.1.33/Update/scale']);
  });

  it('applies through /scale and /status', async () => {
    const { core } = cluster();
    await apply(core, 'web', manifest('web'));
    const scale = await call(core, 'PATCH', `${deployments}/web/scale`, { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web' }, spec: { replicas: 6 } }, 'application/apply-patch+yaml', 'fieldManager=hpa&force=true');
    expect([scale.status, scale.body.kind, scale.body.spec.replicas]).toEqual([200, 'Scale', 6]);
    const status = await call(core, 'PATCH', `${deployments}/web/status`, { ...manifest('web'), status: { replicas: 6 } }, 'application/apply-patch+yaml', 'fieldManager=ctl');
    expect(status.status).toBe(200);
    expect(status.body.status.replicas).toBe(6);
    expect(managersOf(status.body)).toEqual(['ctl/Apply/status', 'hpa/Apply/scale', 'kubectl/Apply']);
    // The scale applier took .spec.replicas from the main applier.
    const fields = Object.fromEntries(status.body.metadata.managedFields.map((e: any) => [e.manager, e.fieldsV1]));
    expect(fields.hpa).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(fields.kubectl['f:spec']).not.toHaveProperty('f:replicas');
  });

  it('answers a JSON patch that cannot apply with upstream generic 422', async () => {
    const { core } = cluster();
    await call(core, 'POST', deployments, manifest('web'));
    const failed = await call(core, 'PATCH', `${deployments}/web`, [{ op: 'test', path: '/spec/replicas', value: 9 }], 'application/json-patch+json');
    expect([failed.status, failed.body.reason, failed.body.message]).toEqual([422, 'Invalid', 'the server rejected our request due to an error in our request']);
  });
});
