import type { KubeObject, ResourceDefinition } from '@minik/types';
import { builtinResources } from '@minik/types';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors/index.js';
import { cloneJson } from '../../util/clone-json.js';
import { frozenJsonCopy } from '../../util/compact-freeze.js';
import { fieldManagerFor, type WriteSubresource } from '../field-ownership.js';
import { lastAppliedAnnotation } from './field-manager.js';
import type { ManagedFieldsEntry } from './managed-fields.js';

const rowOf = (group: string, kind: string): ResourceDefinition => builtinResources.find((d) => d.group === group && d.kind === kind)!;
const configMaps = rowOf('', 'ConfigMap');
const deployments = rowOf('apps', 'Deployment');

const t0 = '2024-05-01T10:00:00Z';
const t1 = '2024-05-01T10:00:05Z';
const t2 = '2024-05-01T10:00:10Z';

const manager = (def: ResourceDefinition, now: string, sub?: WriteSubresource) => fieldManagerFor(def, sub, now);

function configMap(data: Record<string, string>, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default', ...extra }, data };
}

/** An Update write: the object with the managed fields it gets. */
function update(live: KubeObject | undefined, next: KubeObject, who: string, now: string, def = configMaps, sub?: WriteSubresource): KubeObject {
  const entries = manager(def, now, sub).update(live, next, who);
  return { ...next, metadata: { ...next.metadata, managedFields: entries as KubeObject['metadata']['managedFields'] } };
}

const entries = (obj: KubeObject): ManagedFieldsEntry[] => (obj.metadata.managedFields ?? []) as ManagedFieldsEntry[];
const summary = (obj: KubeObject) => entries(obj).map((e) => ({ manager: e.manager, operation: e.operation, fields: e.fieldsV1 }));

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('field manager: Update operations', () => {
  it('records what a create set, with `.` for maps that appeared and none for structs that always exist', () => {
    const created = update(undefined, configMap({ k: 'v' }, { labels: { app: 'x' } }), 'kubectl-create', t0);
    expect(entries(created)).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        time: t0,
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { '.': {}, 'f:k': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } },
      },
    ]);
  });

  it('gives back the stored field sets when a writer sends a copy of them and changes only fields it owns', () => {
    const stored = frozenJsonCopy(update(undefined, configMap({ a: '1' }, { labels: { app: 'x' } }), 'renewer', t0));
    const copy = cloneJson(stored);
    const renewed = update(stored, { ...copy, data: { a: '2' } }, 'renewer', t1);
    expect(entries(renewed)[0]!.fieldsV1).toBe(entries(stored)[0]!.fieldsV1);
    expect(entries(renewed)[0]!.time).toBe(t1);
    // Another writer's change gives new sets.
    const other = update(stored, { ...copy, data: { a: '3' } }, 'editor', t1);
    expect(entries(other).map((e) => e.manager)).toEqual(['renewer', 'editor']);
    expect(entries(other)[0]!.fieldsV1).toEqual({ 'f:data': {}, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } });
  });

  it('gives the sole manager a new set when it adds or removes fields, not only when it rewrites them', () => {
    const stored = frozenJsonCopy(update(undefined, configMap({ a: '1', b: '1' }), 'renewer', t0));
    const added = update(stored, { ...cloneJson(stored), data: { a: '1', b: '1', c: '1' } }, 'renewer', t1);
    expect(entries(added)[0]!.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:a': {}, 'f:b': {}, 'f:c': {} } });
    const removed = update(stored, { ...cloneJson(stored), data: { a: '2' } }, 'renewer', t1);
    expect(entries(removed)[0]!.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:a': {} } });
    expect(entries(removed)[0]!.time).toBe(t1);
  });

  it('moves ownership of changed fields to the writer and drops removed fields from every owner', () => {
    const created = update(undefined, configMap({ a: '1', b: '2' }), 'creator', t0);
    const edited = update(created, configMap({ a: 'changed' }, { managedFields: created.metadata.managedFields }), 'editor', t1);
    expect(summary(edited)).toEqual([
      // Still owning the map itself: a member with no children serialises as `{}`.
      { manager: 'creator', operation: 'Update', fields: { 'f:data': {} } },
      { manager: 'editor', operation: 'Update', fields: { 'f:data': { 'f:a': {} } } },
    ]);
    // A write that changes nothing leaves ownership and times alone.
    const again = update(edited, { ...edited }, 'other', t2);
    expect(entries(again)).toEqual(entries(edited));
  });

  it('records subresource writes with their subresource', () => {
    const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: { replicas: 1 } };
    const scaled = update(d, { ...d, spec: { replicas: 3 } }, 'kubectl', t1, deployments, 'scale');
    expect(entries(scaled)).toEqual([
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', time: t1, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ]);
    // A main-resource write does not own status, which its strategy resets.
    const withStatus = update(d, { ...d, status: { replicas: 1 } }, 'writer', t1, deployments);
    expect(entries(withStatus)).toEqual([]);
  });

  it('resets managed fields when a write sends an empty list', () => {
    const created = update(undefined, configMap({ a: '1' }), 'creator', t0);
    const reset = update(created, configMap({ a: '1', b: '2' }, { managedFields: [] }), 'editor', t1);
    expect(summary(reset)).toEqual([{ manager: 'editor', operation: 'Update', fields: { 'f:data': { 'f:b': {} } } }]);
  });

  it('merges the oldest of more than ten updaters into ancient-changes', () => {
    let obj = update(undefined, configMap({ k0: '0' }), 'm0', '2024-05-01T10:00:00Z');
    for (let i = 1; i <= 10; i++) {
      const data = { ...(obj.data as Record<string, string>), [`k${i}`]: String(i) };
      obj = update(obj, { ...obj, data }, `m${i}`, `2024-05-01T10:00:${String(i).padStart(2, '0')}Z`);
    }
    const names = entries(obj).map((e) => e.manager);
    expect(names).toHaveLength(10);
    expect(names).toContain('ancient-changes');
    expect(names).not.toContain('m0');
    expect(names).not.toContain('m1');
    expect(entries(obj).find((e) => e.manager === 'ancient-changes')!.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:k0': {}, 'f:k1': {} } });
  });
});

describe('field manager: server-side apply', () => {
  const applied = (data: Record<string, string>, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data, ...extra });

  it('creates with an Apply entry that owns exactly what was applied', () => {
    const { object, changed } = manager(configMaps, t0).apply(undefined, applied({ k: 'v' }), 'kubectl', false);
    expect(changed).toBe(true);
    expect(object.data).toEqual({ k: 'v' });
    expect(entries(object)).toEqual([
      { manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: t0, fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:k': {} } } },
    ]);
  });

  it('conflicts when a value owned by another manager would change, shares it when the value is the same, takes it with force', () => {
    const live = update(undefined, configMap({ k: 'x', other: 'o' }), 'editor', t0);
    const conflict = apiError(() => manager(configMaps, t1).apply(live, applied({ k: 'y' }), 'kubectl', false));
    expect(conflict.code).toBe(409);
    expect(conflict.reason).toBe('Conflict');
    expect(conflict.message).toBe('Apply failed with 1 conflict: conflict with "editor" using v1: .data.k');
    expect(conflict.toStatus().details).toEqual({ causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "editor" using v1', field: '.data.k' }] });

    const shared = manager(configMaps, t1).apply(live, applied({ k: 'x' }), 'kubectl', false).object;
    expect(summary(shared).map((e) => e.manager)).toEqual(['kubectl', 'editor']);
    expect(entries(shared).find((e) => e.manager === 'editor')!.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:k': {}, 'f:other': {} } });

    const forced = manager(configMaps, t1).apply(live, applied({ k: 'y' }), 'kubectl', true).object;
    expect(forced.data).toEqual({ k: 'y', other: 'o' });
    expect(summary(forced)).toEqual([
      { manager: 'kubectl', operation: 'Apply', fields: { 'f:data': { 'f:k': {} } } },
      { manager: 'editor', operation: 'Update', fields: { 'f:data': { '.': {}, 'f:other': {} } } },
    ]);
  });

  it('lists several conflicts by manager', () => {
    let live = update(undefined, configMap({ a: '1', b: '2' }), 'one', t0);
    live = update(live, { ...live, data: { a: '1', b: '2', c: '3' } }, 'two', t1);
    const error = apiError(() => manager(configMaps, t2).apply(live, applied({ a: 'x', b: 'y', c: 'z' }), 'kubectl', false));
    expect(error.message).toBe('Apply failed with 3 conflicts: conflicts with "one" using v1:\n- .data.a\n- .data.b\nconflicts with "two" using v1:\n- .data.c');
  });

  it('removes fields its manager applied before and applies no more, unless another applier owns them', () => {
    const first = manager(configMaps, t0).apply(undefined, applied({ a: '1', b: '2' }), 'kubectl', false).object;
    const second = manager(configMaps, t1).apply(first, applied({ a: '1' }), 'kubectl', false).object;
    expect(second.data).toEqual({ a: '1' });

    const withOther = manager(configMaps, t1).apply(first, applied({ b: '2' }), 'other-applier', false).object;
    const dropped = manager(configMaps, t2).apply(withOther, applied({ a: '1' }), 'kubectl', false).object;
    expect(dropped.data).toEqual({ a: '1', b: '2' });
  });

  it('keeps the object and the times when an apply changes nothing', () => {
    const first = manager(configMaps, t0).apply(undefined, applied({ a: '1' }), 'kubectl', false).object;
    const { object, changed } = manager(configMaps, t2).apply(first, applied({ a: '1' }), 'kubectl', false);
    expect(changed).toBe(false);
    expect(entries(object)).toEqual(entries(first));
  });

  it('attributes existing fields to before-first-apply when the object has no managed fields', () => {
    const legacy = configMap({ old: 'x' });
    const { object } = manager(configMaps, t1).apply(legacy, applied({ k: 'v' }), 'kubectl', false);
    expect(summary(object).map((e) => e.manager)).toEqual(['kubectl', 'before-first-apply']);
  });

  it("lets kubectl's apply take over client-side apply fields that still hold the last applied value", () => {
    const lastApplied = `${JSON.stringify(applied({ k: 'v' }))}\n`;
    const live = update(undefined, configMap({ k: 'v' }, { annotations: { [lastAppliedAnnotation]: lastApplied } }), 'kubectl-client-side-apply', t0);
    const { object } = manager(configMaps, t1).apply(live, applied({ k: 'v2' }), 'kubectl', false);
    expect(object.data).toEqual({ k: 'v2' });
    // The annotation follows the applied configuration (sorted keys, like Go's encoder).
    expect(object.metadata.annotations?.[lastAppliedAnnotation]).toBe(
      '{"apiVersion":"v1","data":{"k":"v2"},"kind":"ConfigMap","metadata":{"name":"cfg","namespace":"default"}}\n',
    );
    // Other managers do not get that pass.
    expect(apiError(() => manager(configMaps, t1).apply(live, applied({ k: 'v2' }), 'my-tool', false)).code).toBe(409);
  });

  it('rejects configurations of another kind, with managed fields, or with undeclared fields', () => {
    const wrongKind = apiError(() => manager(configMaps, t0).apply(undefined, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cfg' } }, 'kubectl', false));
    expect([wrongKind.code, wrongKind.message]).toEqual([400, 'invalid object type: /v1, Kind=Secret']);
    const withManaged = apiError(() => manager(configMaps, t0).apply(undefined, applied({}, { metadata: { name: 'cfg', managedFields: [] } }), 'kubectl', false));
    expect([withManaged.code, withManaged.message]).toEqual([400, 'metadata.managedFields must be nil']);
    const unknown = apiError(() => manager(configMaps, t0).apply(undefined, applied({ k: 'v' }, { color: 'red' }), 'kubectl', false));
    expect([unknown.code, unknown.message]).toEqual([500, 'failed to create typed patch object (default/cfg; /v1, Kind=ConfigMap): .color: field not declared in schema']);
    const dup = apiError(() =>
      manager(deployments, t0).apply(
        undefined,
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'd' },
          spec: { replicas: 'two', template: { spec: { containers: [{ name: 'a' }, { name: 'a' }] } } },
        },
        'kubectl',
        false,
      ),
    );
    expect(dup.message).toBe(
      'failed to create typed patch object (/d; apps/v1, Kind=Deployment): errors:\n  .spec.replicas: expected numeric (int or float), got string\n  .spec.template.spec.containers: duplicate entries for key [name="a"]',
    );
  });
});
