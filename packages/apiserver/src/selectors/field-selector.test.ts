import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/index.js';
import { assertFieldsSupported, escapeFieldValue, fieldValue, parseFieldSelector } from './index.js';

function thrown(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected an error');
}

/** A `valueOf` over a flat map of field labels, like upstream's fields.Set. */
const fieldsOf =
  (set: Record<string, string>) =>
  (field: string): string =>
    set[field] ?? '';

describe('parseFieldSelector', () => {
  // upstream TestSelectorParse: good strings restring to themselves.
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=a||y\\=b', 'x=a\\=\\=b'])('parses %j and restrings it', (text) => {
    expect(parseFieldSelector(text).toString()).toBe(text);
  });

  it('sorts terms by their raw text (TestDeterministicParse)', () => {
    expect(parseFieldSelector('x=a,a=x').toString()).toBe('a=x,x=a');
    expect(parseFieldSelector('a=x,x=a').toString()).toBe('a=x,x=a');
  });

  it('parses each operator into requirements', () => {
    expect(parseFieldSelector('spec.nodeName==node-1,metadata.name!=web,status.phase=Running').requirements).toEqual([
      { field: 'metadata.name', operator: '!=', value: 'web' },
      { field: 'spec.nodeName', operator: '=', value: 'node-1' },
      { field: 'status.phase', operator: '=', value: 'Running' },
    ]);
  });

  it('treats empty input and empty terms as everything', () => {
    for (const text of ['', ',', ',,', '=']) {
      const sel = parseFieldSelector(text);
      expect(sel.empty).toBe(true);
      expect(sel.requirements).toEqual([]);
      expect(sel.matches(() => 'anything')).toBe(true);
    }
    expect(parseFieldSelector('a=b,').requirements).toEqual([{ field: 'a', operator: '=', value: 'b' }]);
  });

  it('keeps empty values and whitespace, as upstream does', () => {
    expect(parseFieldSelector('spec.nodeName=').requirements).toEqual([{ field: 'spec.nodeName', operator: '=', value: '' }]);
    expect(parseFieldSelector('=x').requirements).toEqual([{ field: '', operator: '=', value: 'x' }]);
    expect(parseFieldSelector(' a = b ').requirements).toEqual([{ field: ' a ', operator: '=', value: ' b ' }]);
  });

  it('splits at the first operator and unescapes values', () => {
    // Sorted by raw text: `k2=v2` sorts before `k=\,` ('2' < '=').
    expect(parseFieldSelector('k=\\,,k2=v2').requirements).toEqual([
      { field: 'k2', operator: '=', value: 'v2' },
      { field: 'k', operator: '=', value: ',' },
    ]);
    expect(parseFieldSelector('k=\\\\,k2=v2').requirements[1]).toEqual({ field: 'k', operator: '=', value: '\\' });
    expect(parseFieldSelector('k=\\\\\\,,k2=v2').requirements[1]).toEqual({ field: 'k', operator: '=', value: '\\,' });
    expect(parseFieldSelector('a!b=c').requirements).toEqual([{ field: 'a!b', operator: '=', value: 'c' }]);
    expect(parseFieldSelector('함=수,목=록').requirements).toEqual([
      { field: '목', operator: '=', value: '록' },
      { field: '함', operator: '=', value: '수' },
    ]);
  });

  // upstream TestSelectorMatches.
  it.each<[string, Record<string, string>, boolean]>([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x==y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\', { foo: 'bar', baz: 'blah', complex: '=value\\,\\' }, true],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }, false],
    ['spec.nodeName=', { x: 'y' }, true],
    ['spec.nodeName!=', { x: 'y' }, false],
    ['spec.nodeName!=', { 'spec.nodeName': 'n1' }, true],
  ])('%j matches %j: %s', (text, set, want) => {
    expect(parseFieldSelector(text).matches(fieldsOf(set))).toBe(want);
  });

  it.each([
    ['x', "invalid selector: 'x'; can't understand 'x'"],
    ['x=a,b', "invalid selector: 'x=a,b'; can't understand 'b'"],
    ['x in (a)', "invalid selector: 'x in (a)'; can't understand 'x in (a)'"],
    ['x in (a,b,c)', "invalid selector: 'x in (a,b,c)'; can't understand 'b'"],
    ['x=a||y=b', 'invalid field selector: unescaped character in value: 61'],
    ['x==a==b', 'invalid field selector: unescaped character in value: 61'],
    ['a=!=b', 'invalid field selector: unescaped character in value: 61'],
    ['k=\\a', 'invalid field selector: invalid escape sequence: \\a'],
    ['k=\\', 'invalid field selector: invalid escape sequence: \\'],
    ['k=\\\\\\', 'invalid field selector: invalid escape sequence: \\'],
  ])('rejects %j', (text, message) => {
    const err = thrown(() => parseFieldSelector(text));
    expect(err.reason).toBe('BadRequest');
    expect(err.code).toBe(400);
    expect(err.message).toBe(message);
  });
});

describe('escapeFieldValue', () => {
  // upstream TestEscapeValue.
  it.each([
    ['', ''],
    ['a', 'a'],
    ['=', '\\='],
    [',', '\\,'],
    ['\\', '\\\\'],
    ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\'],
  ])('escapes %j as %j and round-trips', (raw, escaped) => {
    expect(escapeFieldValue(raw)).toBe(escaped);
    expect(parseFieldSelector(`f=${escaped}`).requirements[0]?.value ?? '').toBe(raw);
  });
});

describe('assertFieldsSupported', () => {
  const pods = new Set(['metadata.name', 'metadata.namespace', 'spec.nodeName', 'status.phase']);

  it('accepts supported fields and empty selectors', () => {
    expect(() => assertFieldsSupported(parseFieldSelector('spec.nodeName=n1,status.phase!=Running'), pods)).not.toThrow();
    expect(() => assertFieldsSupported(parseFieldSelector(''), pods)).not.toThrow();
  });

  it('rejects the first unsupported field in selector order', () => {
    const err = thrown(() => assertFieldsSupported(parseFieldSelector('status.phase=Running,spec.foo=x,metadata.bar=y'), pods));
    expect(err.reason).toBe('BadRequest');
    expect(err.code).toBe(400);
    expect(err.message).toBe('field label not supported: metadata.bar');
  });

  it('does not trim whitespace, as upstream', () => {
    expect(thrown(() => assertFieldsSupported(parseFieldSelector('status.phase=Running, spec.nodeName=n1'), pods)).message).toBe(
      'field label not supported:  spec.nodeName',
    );
  });

  it('words the error like the default conversion for kinds without field labels', () => {
    const meta = new Set(['metadata.name', 'metadata.namespace']);
    expect(thrown(() => assertFieldsSupported(parseFieldSelector('spec.replicas=1'), meta, 'default')).message).toBe(
      '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });
});

describe('fieldValue', () => {
  const pod = {
    metadata: { name: 'web-1', namespace: 'default' },
    spec: { nodeName: 'node-1', hostNetwork: true, restartPolicy: 'Always', containers: [{ name: 'c' }] },
    status: { phase: 'Running', replicas: 3, ready: false },
  };

  it('reads strings, booleans and numbers along a dotted path', () => {
    expect(fieldValue(pod, 'metadata.name')).toBe('web-1');
    expect(fieldValue(pod, 'spec.nodeName')).toBe('node-1');
    expect(fieldValue(pod, 'spec.hostNetwork')).toBe('true');
    expect(fieldValue(pod, 'status.ready')).toBe('false');
    expect(fieldValue(pod, 'status.replicas')).toBe('3');
  });

  it('gives the missing value for absent, null or non-scalar fields', () => {
    expect(fieldValue(pod, 'spec.schedulerName')).toBe('');
    expect(fieldValue(pod, 'spec.unschedulable', 'false')).toBe('false');
    expect(fieldValue({ status: {} }, 'status.replicas', '0')).toBe('0');
    expect(fieldValue({ spec: null }, 'spec.nodeName')).toBe('');
    expect(fieldValue(pod, 'spec')).toBe('');
    expect(fieldValue(pod, 'spec.containers')).toBe('');
    expect(fieldValue(pod, 'metadata.name.length')).toBe('');
    expect(fieldValue(undefined, 'metadata.name')).toBe('');
  });

  it('feeds a field selector', () => {
    const sel = parseFieldSelector('spec.nodeName=node-1,status.phase!=Succeeded,spec.hostNetwork=true');
    expect(sel.matches((f) => fieldValue(pod, f))).toBe(true);
    expect(parseFieldSelector('spec.unschedulable=false').matches((f) => fieldValue({ spec: {} }, f, 'false'))).toBe(true);
  });
});
