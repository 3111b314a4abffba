import { describe, expect, it } from 'vitest';
import { JsonPath, relaxedJsonPathExpression } from './jsonpath.js';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }, { name: 'b' }] } },
    { metadata: { name: 'db', labels: { app: 'db' } }, spec: { containers: [{ name: 'c', ports: [{ containerPort: 5432 }] }] } },
  ],
};

const run = (template: string, data: unknown = list): string => new JsonPath(template).execute(data);

describe("JsonPath (client-go's dialect)", () => {
  it('selects fields, indexes, slices and wildcards; several results are space separated', () => {
    expect(run('{.items[*].metadata.name}')).toBe('web db');
    expect(run('{.items[0].metadata.name}')).toBe('web');
    expect(run('{.items[-1:].metadata.name}')).toBe('db');
    expect(run('{.items[0:1].metadata.name}')).toBe('web');
    expect(run("{.items[0].metadata['name']}")).toBe('web');
    expect(run('{.items[*].spec.containers[*].name}')).toBe('a b c');
  });

  it('prints maps and lists as compact JSON and numbers as Go does', () => {
    expect(run('{.items[0].metadata.labels}')).toBe('{"app":"web"}');
    expect(run('{.items[0].spec.containers[0].ports}')).toBe('[{"containerPort":80}]');
    expect(run('{.items[1].spec.containers[0].ports[0].containerPort}')).toBe('5432');
  });

  it('filters, descends recursively and unions', () => {
    expect(run('{.items[?(@.metadata.name=="db")].metadata.labels.app}')).toBe('db');
    expect(run('{..containerPort}')).toBe('80 5432');
    expect(run('{.items[0,1].metadata.name}')).toBe('web db');
    expect(run('{.items[?(@.spec.containers[0].ports)].metadata.name}')).toBe('web db');
  });

  it('runs range blocks, quoted literals and text, and continues after an empty range', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{end}|')).toBe('web\tdb\t|');
    expect(run('{range .items[*]}[{range .spec.containers[*]}{.name},{end}]{end}X')).toBe('[a,b,][c,]X');
    expect(run('{range .nope[*]}{.x}{end}AFTER{.kind}')).toBe('AFTERList');
  });

  it('ignores missing keys by default and reports bad indexes', () => {
    expect(run('{.items[0].nope}{.kind}')).toBe('List');
    expect(() => run('{.items[5]}')).toThrow('array index out of bounds: index 5, length 2');
    expect(() => new JsonPath('{.items[0]', true).execute(list)).toThrow('unclosed action');
    expect(() => new JsonPath('{.nope}', false).execute(list)).toThrow('nope is not found');
  });

  it('outputs JSON with jsonpath-as-json', () => {
    expect(new JsonPath('{.items[*].metadata.name}', true, true).execute(list)).toBe('[\n    "web",\n    "db"\n]\n');
  });

  it('relaxes custom-column and sort-by expressions', () => {
    expect(relaxedJsonPathExpression('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPathExpression('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPathExpression('{.metadata.name}')).toBe('{.metadata.name}');
  });
});
