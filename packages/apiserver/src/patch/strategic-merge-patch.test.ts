import { describe, expect, it } from 'vitest';
import { acceptedPatchTypes, patchTypeOf } from '../api/patch.js';
import { ApiError } from '../errors/index.js';
import { applyStrategicMergePatch } from './strategic-merge-request.js';

// Strategic merge patches as kubectl sends them, against the built-in Deployment and Pod schemas.

const deploymentType = { kind: 'ref', name: 'io.k8s.api.apps.v1.Deployment' } as const;
const podType = { kind: 'ref', name: 'io.k8s.api.core.v1.Pod' } as const;

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web', tier: 'fe' }, finalizers: ['a/x', 'b/y', 'c/z'] },
  spec: {
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }] },
          { name: 'sidecar', image: 'busybox' },
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    },
  },
});

type Deployment = ReturnType<typeof deployment>;
const smp = (patch: unknown, current: unknown = deployment()) => applyStrategicMergePatch(current, JSON.stringify(patch), deploymentType) as Deployment;

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('strategic merge patch of built-in kinds', () => {
  it('merges containers by name: set image changes one field and keeps the order', () => {
    const out = smp({ spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }], containers: [{ image: 'nginx:1.26', name: 'nginx' }] } } } });
    expect(out.spec.template.spec.containers).toEqual([
      { name: 'nginx', image: 'nginx:1.26', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }] },
      { name: 'sidecar', image: 'busybox' },
    ]);
  });

  it('reorders a merging list by $setElementOrder', () => {
    const out = smp({ spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'nginx' }] } } } });
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(['sidecar', 'nginx']);
  });

  it('merges env by name and ports by containerPort; a list without a merge strategy is replaced', () => {
    // Without $setElementOrder, items only the patch has come before the live-only ones, as upstream orders them.
    const out = smp({
      spec: {
        template: {
          spec: {
            containers: [{ name: 'nginx', env: [{ name: 'B', value: '2' }], ports: [{ containerPort: 443 }], command: ['run'] }],
          },
        },
      },
    });
    const nginx = out.spec.template.spec.containers[0] as Record<string, unknown>;
    expect(nginx.env).toEqual([
      { name: 'B', value: '2' },
      { name: 'A', value: '1' },
    ]);
    expect(nginx.ports).toEqual([{ containerPort: 443 }, { containerPort: 80, protocol: 'TCP' }]);
    expect(nginx.command).toEqual(['run']);
  });

  it('places a new item where $setElementOrder puts it, or before the live items without one', () => {
    const bare = smp({ spec: { template: { spec: { containers: [{ name: 'extra', image: 'redis' }] } } } });
    expect(bare.spec.template.spec.containers.map((c) => c.name)).toEqual(['extra', 'nginx', 'sidecar']);
    const ordered = smp({
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }, { name: 'extra' }], containers: [{ name: 'extra', image: 'redis' }] } } },
    });
    expect(ordered.spec.template.spec.containers.map((c) => c.name)).toEqual(['nginx', 'sidecar', 'extra']);
  });

  it('deletes a list item with $patch: delete and a field with null', () => {
    const out = smp({ metadata: { labels: { tier: null } }, spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } });
    expect(out.metadata.labels).toEqual({ app: 'web' });
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(['nginx']);
  });

  it('replaces a map with $patch: replace and a list with a $patch: replace item', () => {
    const out = smp({
      metadata: { labels: { $patch: 'replace', only: 'this' } },
      spec: { template: { spec: { containers: [{ $patch: 'replace' }, { name: 'solo', image: 'x' }] } } },
    });
    expect(out.metadata.labels).toEqual({ only: 'this' });
    expect(out.spec.template.spec.containers).toEqual([{ name: 'solo', image: 'x' }]);
  });

  it('empties a map with $patch: delete', () => {
    expect(smp({ metadata: { labels: { $patch: 'delete' } } }).metadata.labels).toEqual({});
  });

  it('clears the fields $retainKeys does not list (the Recreate strategy drops rollingUpdate)', () => {
    const out = smp({ spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('merges primitive lists with a merge strategy and deletes from them with $deleteFromPrimitiveList', () => {
    expect(smp({ metadata: { finalizers: ['d/w', 'a/x'] } }).metadata.finalizers).toEqual(['d/w', 'a/x', 'b/y', 'c/z']);
    const out = smp({ metadata: { '$setElementOrder/finalizers': ['c/z', 'a/x'], '$deleteFromPrimitiveList/finalizers': ['b/y'] } });
    expect(out.metadata.finalizers).toEqual(['c/z', 'a/x']);
  });

  it('keeps a retainKeys list merging by key (volumes)', () => {
    const out = smp({ spec: { template: { spec: { volumes: [{ name: 'data', $retainKeys: ['name', 'hostPath'], hostPath: { path: '/srv' } }] } } } });
    expect((out.spec.template.spec as { volumes: unknown }).volumes).toEqual([{ name: 'data', hostPath: { path: '/srv' } }]);
  });

  it('drops nulls for fields the object lacks and leftover directives', () => {
    const out = smp({ spec: { paused: null, template: { metadata: { annotations: { a: 'b', gone: null } } } } });
    expect(out.spec).not.toHaveProperty('paused');
    expect(out.spec.template.metadata).toEqual({ labels: { app: 'web' }, annotations: { a: 'b' } });
  });

  it('answers errors with upstream codes and messages', () => {
    const noKey = apiError(() => smp({ spec: { template: { spec: { containers: [{ image: 'x' }] } } } }));
    expect(noKey.code).toBe(500);
    expect(noKey.message).toBe('map: map[image:x] does not contain declared merge key: name');
    expect(noKey.toStatus().reason).toBeUndefined();

    const retain = apiError(() => smp({ spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } }));
    expect([retain.code, retain.message]).toEqual([400, 'invalid patch format of retainKeys']);

    const order = apiError(() => smp({ spec: { template: { spec: { '$setElementOrder/containers': 'nginx' } } } }));
    expect([order.code, order.message]).toEqual([500, 'expected a []interface {}, but received a string']);

    const badKey = apiError(() => smp({ metadata: { $setElementOrderfinalizers: [] } }));
    expect([badKey.code, badKey.message]).toEqual([400, 'invalid patch format of setElementOrder list']);

    const directive = apiError(() => smp({ metadata: { labels: { $patch: 'merge' } } }));
    expect([directive.code, directive.message]).toEqual([500, 'unknown patch type: merge in map: map[$patch:merge]']);

    const lists = apiError(() => smp({ metadata: { finalizers: [['a']] } }, { ...deployment(), metadata: { name: 'web', finalizers: [] } }));
    expect([lists.code, lists.reason, lists.message]).toEqual([422, 'Invalid', 'the server rejected our request due to an error in our request']);

    const notJson = apiError(() => applyStrategicMergePatch(deployment(), '[1]', deploymentType));
    expect([notJson.code, notJson.message]).toEqual([400, 'json: cannot unmarshal array into Go value of type map[string]interface {}']);
  });

  it('merges pod containers the same way', () => {
    const pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x' }] } };
    const out = applyStrategicMergePatch(pod, JSON.stringify({ spec: { containers: [{ name: 'a', image: 'y' }] } }), podType);
    expect(out).toEqual({ metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'y' }] } });
  });
});

describe('accepted patch types', () => {
  it('lists strategic merge for kinds with a schema and refuses it (415) for kinds without one, as for CRDs', () => {
    expect(acceptedPatchTypes({ group: 'apps', version: 'v1', kind: 'Deployment' })).toEqual([
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/strategic-merge-patch+json',
      'application/apply-patch+yaml',
    ]);
    const custom = { group: 'example.com', version: 'v1', kind: 'Widget' };
    const error = apiError(() => patchTypeOf('application/strategic-merge-patch+json', custom));
    expect(error.code).toBe(415);
    expect(error.message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
  });
});
