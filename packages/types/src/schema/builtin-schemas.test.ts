import { describe, expect, it } from 'vitest';
import { builtinResources } from '../registry/builtin-resources.js';
import { builtinSchemas, schemaNameFor } from './builtin-schemas.js';
import type { FieldType, ObjectDefinition } from './schema-types.js';

const def = (name: string): ObjectDefinition => {
  const found = builtinSchemas.get(name);
  if (!found) throw new Error(`no definition ${name}`);
  return found;
};
const fieldType = (name: string, field: string): FieldType => {
  const found = def(name).fields[field];
  if (!found) throw new Error(`${name} has no field ${field}`);
  return found.type;
};
const core = (kind: string): string => `io.k8s.api.core.v1.${kind}`;
const meta = (kind: string): string => `io.k8s.apimachinery.pkg.apis.meta.v1.${kind}`;

function refsOf(type: FieldType): string[] {
  if (type.kind === 'ref') return [type.name];
  if (type.kind === 'array') return refsOf(type.items);
  if (type.kind === 'map') return refsOf(type.values);
  return [];
}

describe('builtin schemas', () => {
  it('describe every served kind and its list', () => {
    for (const r of builtinResources) {
      const name = schemaNameFor(r.group, r.version, r.kind);
      expect(name, `${r.group}/${r.version} ${r.kind}`).toBeDefined();
      expect(builtinSchemas.get(name!)?.gvk).toEqual({ group: r.group, version: r.version, kind: r.kind });
      // Kinds that can only be created (the reviews) have no list.
      if (r.verbs.includes('list')) expect(schemaNameFor(r.group, r.version, `${r.kind}List`), `${r.kind}List`).toBeDefined();
    }
  });

  it('tell the two Event kinds and the subresource kinds apart', () => {
    expect(schemaNameFor('', 'v1', 'Event')).toBe(core('Event'));
    expect(schemaNameFor('events.k8s.io', 'v1', 'Event')).toBe('io.k8s.api.events.v1.Event');
    expect(schemaNameFor('autoscaling', 'v1', 'Scale')).toBe('io.k8s.api.autoscaling.v1.Scale');
    expect(schemaNameFor('policy', 'v1', 'Eviction')).toBe('io.k8s.api.policy.v1.Eviction');
    expect(schemaNameFor('', 'v1', 'Binding')).toBe(core('Binding'));
    expect(schemaNameFor('', 'v1', 'Status')).toBe(meta('Status'));
    expect(schemaNameFor('apps', 'v1', 'DeleteOptions')).toBe(meta('DeleteOptions'));
    expect(schemaNameFor('apps', 'v1', 'Nope')).toBeUndefined();
  });

  it('resolve every reference', () => {
    for (const d of builtinSchemas.values()) {
      for (const [field, f] of Object.entries(d.fields)) {
        for (const ref of refsOf(f.type)) expect(builtinSchemas.has(ref), `${d.name}.${field} → ${ref}`).toBe(true);
      }
    }
  });

  it('carry the 1.33 fields, types and required markers', () => {
    expect(Object.keys(def(core('Container')).fields)).toEqual(expect.arrayContaining(['name', 'image', 'resizePolicy', 'restartPolicy', 'volumeDevices']));
    expect(def(core('Container')).fields.name?.required).toBe(true);
    expect(def(core('Lifecycle')).fields.stopSignal).toBeDefined();
    expect(def(core('PodSpec')).fields.resources).toBeDefined();
    expect(def(core('PodSpec')).fields.hostnameOverride).toBeUndefined(); // 1.34
    expect(fieldType(core('ContainerPort'), 'containerPort')).toEqual({ kind: 'integer', format: 'int32' });
    expect(fieldType(meta('ObjectMeta'), 'generation')).toEqual({ kind: 'integer', format: 'int64' });
    expect(fieldType(meta('ObjectMeta'), 'creationTimestamp')).toEqual({ kind: 'time' });
    expect(fieldType('io.k8s.api.coordination.v1.LeaseSpec', 'renewTime')).toEqual({ kind: 'time', micro: true });
    expect(fieldType(core('ServicePort'), 'targetPort')).toEqual({ kind: 'int-or-string' });
    expect(fieldType(core('ResourceRequirements'), 'limits')).toEqual({ kind: 'map', values: { kind: 'quantity' } });
    expect(fieldType(core('Secret'), 'data')).toEqual({ kind: 'map', values: { kind: 'bytes' } });
    expect(fieldType(meta('ManagedFieldsEntry'), 'fieldsV1')).toEqual({ kind: 'any' });
    expect(def('io.k8s.api.apps.v1.DeploymentSpec').fields.selector?.required).toBe(true);
  });

  it('carry upstream strategic merge and server-side apply annotations', () => {
    expect(fieldType(core('PodSpec'), 'containers')).toMatchObject({ patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] });
    expect(fieldType(core('Container'), 'ports')).toMatchObject({ patchStrategy: 'merge', patchMergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'] });
    expect(fieldType(core('Container'), 'env')).toMatchObject({ patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] });
    expect(fieldType(core('Container'), 'args')).toEqual({ kind: 'array', items: { kind: 'string' }, listType: 'atomic' });
    expect(fieldType(core('PodSpec'), 'volumes')).toMatchObject({ patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map' });
    expect(fieldType(core('PodSpec'), 'tolerations')).toMatchObject({ listType: 'atomic' });
    expect(fieldType(core('PodSpec'), 'tolerations')).not.toHaveProperty('patchStrategy');
    expect(fieldType(core('PodSpec'), 'topologySpreadConstraints')).toMatchObject({ patchMergeKey: 'topologyKey', listMapKeys: ['topologyKey', 'whenUnsatisfiable'] });
    expect(fieldType(core('PodSpec'), 'nodeSelector')).toMatchObject({ kind: 'map', mapType: 'atomic' });
    expect(fieldType(core('PodStatus'), 'conditions')).toMatchObject({ patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] });
    expect(def('io.k8s.api.apps.v1.DeploymentSpec').fields.strategy?.patchStrategy).toBe('retainKeys');
    expect(fieldType(meta('ObjectMeta'), 'finalizers')).toMatchObject({ patchStrategy: 'merge', listType: 'set' });
    expect(fieldType(meta('ObjectMeta'), 'ownerReferences')).toMatchObject({ patchStrategy: 'merge', patchMergeKey: 'uid', listType: 'map', listMapKeys: ['uid'] });
    expect(fieldType(core('ServiceSpec'), 'ports')).toMatchObject({ patchStrategy: 'merge', patchMergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] });
    expect(fieldType(core('ServiceSpec'), 'selector')).toMatchObject({ mapType: 'atomic' });
    expect(fieldType(core('NodeSpec'), 'podCIDRs')).toMatchObject({ patchStrategy: 'merge', listType: 'set' });
    expect(def(meta('LabelSelector')).mapType).toBe('atomic');
    expect(def(meta('OwnerReference')).mapType).toBe('atomic');
  });

  it('are frozen, shared data', () => {
    expect(Object.isFrozen(def(core('PodSpec')).fields)).toBe(true);
  });
});
