import { describe, expect, it } from 'vitest';
import { SchemaPatchMeta } from '../schema/patch-meta.js';
import type { ObjectDefinition, SchemaDefinitions } from '../schema/schema-types.js';
import { goValue } from './go-format.js';
import { mergeMap, strategicMergeMapPatch } from './merge-map.js';
import { MergePatchError } from './merge-patch-error.js';

// The two ways upstream runs mergeMap: applying a patch (the API server) and merging one patch into
// another (kubectl apply's three-way patch). Upstream's own tables run through each side's entry.

const item: ObjectDefinition = {
  name: 'item',
  fields: {
    name: { type: { kind: 'string' } },
    value: { type: { kind: 'string' } },
    list: { type: { kind: 'array', items: { kind: 'ref', name: 'item' }, patchStrategy: 'merge', patchMergeKey: 'name' } },
    ints: { type: { kind: 'array', items: { kind: 'integer' }, patchStrategy: 'merge' } },
  },
};
const schema = SchemaPatchMeta.of(new Map([['item', item]]) as SchemaDefinitions, 'item');

describe('mergeMap', () => {
  it('applies parallel lists and drops unmatched nulls when applying a patch', () => {
    const original = { list: [{ name: 'a' }, { name: 'b' }], ints: [1, 2, 3] };
    const patch = { '$setElementOrder/list': [{ name: 'b' }, { name: 'a' }], '$deleteFromPrimitiveList/ints': [2], gone: null };
    expect(strategicMergeMapPatch(original, patch, schema)).toEqual({ list: [{ name: 'b' }, { name: 'a' }], ints: [1, 3] });
  });

  it('carries parallel lists and keeps nulls when merging two patches', () => {
    const deletions = { '$deleteFromPrimitiveList/ints': [2], value: null };
    const delta = { '$setElementOrder/list': [{ name: 'a' }], list: [{ name: 'a', value: 'x' }], gone: null };
    expect(mergeMap(deletions, delta, schema)).toEqual({
      '$deleteFromPrimitiveList/ints': [2],
      value: null,
      '$setElementOrder/list': [{ name: 'a' }],
      list: [{ name: 'a', value: 'x' }],
      gone: null,
    });
  });

  it('requires both patches to agree on $retainKeys', () => {
    expect(() => mergeMap({ $retainKeys: ['a'] }, { $retainKeys: ['b'] }, schema)).toThrow('[a] and [b] are not deep equal');
  });

  it('reports errors with upstream wording and the mergepatch value they are', () => {
    const noKey = (): unknown => strategicMergeMapPatch({ list: [{ name: 'a' }] }, { list: [{ value: 'x' }] }, schema);
    expect(noKey).toThrow(new MergePatchError('map: map[value:x] does not contain declared merge key: name'));
    const badOrder = (): unknown => strategicMergeMapPatch({}, { '$setElementOrder/list': 'x' }, schema);
    expect(badOrder).toThrow('expected a []interface {}, but received a string');
    const listOfLists = (): unknown => strategicMergeMapPatch({ ints: [[1]] }, { ints: [[2]] }, schema);
    expect(listOfLists).toThrow(expect.objectContaining({ message: 'lists of lists are not supported', sentinel: 'noListOfLists' }));
  });
});

describe('goValue', () => {
  it('prints decoded JSON as fmt %v does', () => {
    expect(goValue({ b: [1, 'x', null], a: true })).toBe('map[a:true b:[1 x <nil>]]');
    expect([goValue(0.5), goValue(1234567.5), goValue(0.00001)]).toEqual(['0.5', '1.2345675e+06', '1e-05']);
  });
});
