import { describe, expect, it } from 'vitest';
import type { ResourceMapping } from '../client/resource-resolver.js';
import { computeApplyPatch } from './apply-patch.js';

const mapping = (group: string, version: string, kind: string, resource: string): ResourceMapping => ({
  group,
  version,
  kind,
  resource,
  singular: kind.toLowerCase(),
  namespaced: true,
  verbs: [],
  shortNames: [],
  categories: [],
});

const deployments = mapping('apps', 'v1', 'Deployment', 'deployments');
const widgets = mapping('example.com', 'v1', 'Widget', 'widgets');
const withContainers = (...names: string[]) => ({ spec: { template: { spec: { containers: names.map((name) => ({ name, image: 'x' })) } } } });

describe('computeApplyPatch', () => {
  it('sends a strategic merge patch, serialised as Go does, for kinds with a schema', () => {
    const patch = computeApplyPatch(deployments, JSON.stringify(withContainers('a', 'b')), withContainers('a'), withContainers('a', 'b'));
    expect(patch).toEqual({
      contentType: 'application/strategic-merge-patch+json',
      body: '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$patch":"delete","name":"b"}]}}}}',
    });
  });

  it('sends a JSON merge patch, lists whole, for kinds without one', () => {
    const patch = computeApplyPatch(widgets, JSON.stringify(withContainers('a', 'b')), withContainers('a'), withContainers('a', 'b'));
    expect(patch).toEqual({ contentType: 'application/merge-patch+json', body: '{"spec":{"template":{"spec":{"containers":[{"image":"x","name":"a"}]}}}}' });
  });

  it('is {} when nothing changed', () => {
    expect(computeApplyPatch(deployments, undefined, withContainers('a'), withContainers('a')).body).toBe('{}');
    expect(computeApplyPatch(widgets, undefined, withContainers('a'), withContainers('a')).body).toBe('{}');
  });

  it('escapes as Go json.Marshal does', () => {
    expect(computeApplyPatch(widgets, undefined, { metadata: { annotations: { a: '<b>&' } } }, {}).body).toBe('{"metadata":{"annotations":{"a":"\\u003cb\\u003e\\u0026"}}}');
  });

  it('reports a malformed last-applied annotation with the documents, as kubectl does', () => {
    expect(() => computeApplyPatch(deployments, '{', { a: 1 }, { b: 2 }, 'app.yaml')).toThrow(
      'error when creating patch with:\noriginal:\n{\nmodified:\n{"a":1}\ncurrent:\n{"b":2}\nfor: "app.yaml": invalid JSON document',
    );
  });
});
