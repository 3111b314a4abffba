import { describe, expect, it } from 'vitest';
import { frozenJsonCopy } from '../../util/compact-freeze.js';
import { FieldSet } from './field-set.js';
import { pathString, type Path } from './path-element.js';

const f = (field: string) => ({ field });
const containers: Path = [f('spec'), f('template'), f('spec'), f('containers')];
const nginx = { key: [['name', 'nginx']] as const };
const port = { key: [['containerPort', 80], ['protocol', 'TCP']] as const };

describe('field sets', () => {
  it('write FieldsV1 with `.` for paths that are members and parents, keys sorted as upstream sorts elements', () => {
    const set = FieldSet.of(
      [f('metadata'), f('labels')],
      [f('metadata'), f('labels'), f('app')],
      [...containers, nginx],
      [...containers, nginx, f('name')],
      [...containers, nginx, f('image')],
      [...containers, nginx, f('ports'), port],
      [...containers, nginx, f('ports'), port, f('containerPort')],
      [f('metadata'), f('finalizers'), { value: 'b' }],
      [f('metadata'), f('finalizers'), { value: 'a' }],
      [f('spec'), f('replicas')],
    );
    const fields = set.toFieldsV1();
    expect(JSON.stringify(fields)).toBe(
      JSON.stringify({
        'f:metadata': { 'f:finalizers': { 'v:"a"': {}, 'v:"b"': {} }, 'f:labels': { '.': {}, 'f:app': {} } },
        'f:spec': {
          'f:replicas': {},
          'f:template': {
            'f:spec': {
              'f:containers': {
                'k:{"name":"nginx"}': {
                  '.': {},
                  'f:image': {},
                  'f:name': {},
                  'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                },
              },
            },
          },
        },
      }),
    );
    const decoded = FieldSet.fromFieldsV1(fields);
    expect(decoded.toFieldsV1()).toEqual(fields);
    expect(decoded.has([...containers, nginx])).toBe(true);
    expect(decoded.has([...containers])).toBe(false);
  });

  it('order indexes and key values by value, and element kinds as upstream does, not by key text', () => {
    const list = f('list');
    const set = FieldSet.of([list, { index: 10 }], [list, { index: 2 }], [list, { value: 'x' }], [list, { key: [['port', 10]] }], [list, { key: [['port', 9]] }], [list, f('z')]);
    expect(Object.keys(set.toFieldsV1()['f:list'] as object)).toEqual(['f:z', 'k:{"port":9}', 'k:{"port":10}', 'v:"x"', 'i:2', 'i:10']);
  });

  it('computes union, intersection, difference and recursive difference', () => {
    const a = FieldSet.of([f('a')], [f('b'), f('c')], [f('b'), f('d')]);
    const b = FieldSet.of([f('b')], [f('b'), f('c')], [f('e')]);
    expect(a.union(b).iterate().map(pathString)).toEqual(['.a', '.b', '.e', '.b.c', '.b.d']);
    expect(a.intersection(b).iterate().map(pathString)).toEqual(['.b.c']);
    expect(a.difference(b).iterate().map(pathString)).toEqual(['.a', '.b.d']);
    // A member of the other set removes its whole subtree.
    expect(a.recursiveDifference(FieldSet.of([f('b')])).iterate().map(pathString)).toEqual(['.a']);
    expect(new FieldSet().isEmpty()).toBe(true);
    expect(a.difference(a).isEmpty()).toBe(true);
  });

  it('return the set itself from operations that change nothing, and compare by paths', () => {
    const a = FieldSet.of([f('a')], [f('b'), f('c')], [f('b'), f('d')]);
    expect(a.difference(FieldSet.of([f('x')], [f('b'), f('x')]))).toBe(a);
    expect(a.recursiveDifference(new FieldSet())).toBe(a);
    expect(a.union(FieldSet.of([f('b'), f('c')]))).toBe(a);
    expect(a.intersection(a)).toBe(a);
    expect(a.difference(FieldSet.of([f('b'), f('c')]))).not.toBe(a);
    const rebuilt = a.difference(FieldSet.of([f('b'), f('c')])).union(FieldSet.of([f('b'), f('c')]));
    expect(rebuilt).not.toBe(a);
    expect(rebuilt.equals(a)).toBe(true);
    expect(rebuilt.equals(FieldSet.of([f('a')], [f('b'), f('c')]))).toBe(false);
  });

  it('decode a stored (shared) tree once, and encode its set as that tree', () => {
    const fields = { 'f:spec': { 'f:holderIdentity': {}, 'f:renewTime': {} } };
    const stored = frozenJsonCopy({ metadata: { managedFields: [{ manager: 'kubelet', fieldsV1: fields }] } }).metadata.managedFields[0]!.fieldsV1;
    const set = FieldSet.fromFieldsV1(stored);
    expect(FieldSet.fromFieldsV1(stored)).toBe(set);
    expect(set.toFieldsV1()).toBe(stored);
    // A tree that is not the store's (a request's) is decoded each time and encoded anew.
    expect(FieldSet.fromFieldsV1(fields)).not.toBe(FieldSet.fromFieldsV1(fields));
    expect(FieldSet.fromFieldsV1(fields).toFieldsV1()).not.toBe(fields);
    // A stored tree in another key order than upstream's is not given back: encoding sorts.
    const unsorted = frozenJsonCopy({ metadata: { managedFields: [{ fieldsV1: { 'f:spec': { 'f:renewTime': {}, 'f:holderIdentity': {} } } }] } }).metadata.managedFields[0]!.fieldsV1;
    expect(JSON.stringify(FieldSet.fromFieldsV1(unsorted).toFieldsV1())).toBe(JSON.stringify(fields));
  });

  it('prints paths as upstream does in conflicts', () => {
    expect(pathString([...containers, nginx, f('image')])).toBe('.spec.template.spec.containers[name="nginx"].image');
    expect(pathString([f('ports'), port])).toBe('.ports[containerPort=80,protocol="TCP"]');
    expect(pathString([f('finalizers'), { value: 'x' }])).toBe('.finalizers[="x"]');
  });

  it('tells subsets and overlaps apart, level by level', () => {
    const set = FieldSet.of([f('spec'), f('replicas')], [...containers, nginx, f('image')], [f('metadata'), f('labels'), f('app')]);
    expect(FieldSet.of([...containers, nginx, f('image')]).isSubsetOf(set)).toBe(true);
    expect(FieldSet.of([...containers, nginx, f('name')]).isSubsetOf(set)).toBe(false);
    expect(FieldSet.of([f('spec')]).isSubsetOf(set)).toBe(false);
    expect(new FieldSet().isSubsetOf(set)).toBe(true);
    expect(set.overlaps(FieldSet.of([f('spec'), f('replicas')], [f('status')]))).toBe(true);
    expect(FieldSet.of([f('metadata'), f('labels'), f('app')]).overlaps(set)).toBe(true);
    expect(set.overlaps(FieldSet.of([f('metadata'), f('labels')], [f('spec'), f('paused')]))).toBe(false);
  });
  it('agree with set algebra on paths for random sets, and encode only their paths', () => {
    // Paths of up to three levels over a few names: members, parents, and both.
    const universe: Path[] = [];
    for (const a of ['a', 'b', 'c']) {
      universe.push([f(a)]);
      for (const b of ['x', 'y']) {
        universe.push([f(a), f(b)]);
        for (const c of ['p', 'q']) universe.push([f(a), f(b), f(c)]);
      }
    }
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const randomSet = (): Path[] => universe.filter(() => random() < 0.3);
    const texts = (paths: Path[]): string[] => paths.map(pathString).sort();
    const under = (path: Path, prefix: Path): boolean => prefix.length <= path.length && prefix.every((pe, i) => pathString([pe]) === pathString([path[i]!]));
    for (let round = 0; round < 300; round++) {
      const left = randomSet();
      const right = randomSet();
      const a = FieldSet.of(...left);
      const b = FieldSet.of(...right);
      const has = (paths: Path[], p: Path): boolean => paths.some((q) => pathString(q) === pathString(p));
      const cases: [FieldSet, Path[]][] = [
        [a.union(b), [...left, ...right.filter((p) => !has(left, p))]],
        [a.intersection(b), left.filter((p) => has(right, p))],
        [a.difference(b), left.filter((p) => !has(right, p))],
        [a.recursiveDifference(b), left.filter((p) => !right.some((q) => under(p, q)))],
      ];
      for (const [result, expected] of cases) {
        expect(texts(result.iterate())).toEqual(texts(expected));
        expect(texts(FieldSet.fromFieldsV1(result.toFieldsV1()).iterate())).toEqual(texts(expected));
      }
    }
  });
});
