import { describe, expect, it } from 'vitest';
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

  it('prints paths as upstream does in conflicts', () => {
    expect(pathString([...containers, nginx, f('image')])).toBe('.spec.template.spec.containers[name="nginx"].image');
    expect(pathString([f('ports'), port])).toBe('.ports[containerPort=80,protocol="TCP"]');
    expect(pathString([f('finalizers'), { value: 'x' }])).toBe('.finalizers[="x"]');
  });
});
