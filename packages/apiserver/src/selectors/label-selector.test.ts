import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/index.js';
import { formatLabelSelector, labelSelectorFromObject, parseLabelSelector } from './index.js';

/** The error a call throws; fails the test when it does not throw. */
function thrown(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected an error');
}

const valueRegexMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const nameRegexMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('parseLabelSelector', () => {
  // upstream TestSelectorParse: good strings restring to themselves without spaces.
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5'])(
    'parses %j and restrings it',
    (text) => {
      expect(parseLabelSelector(text).toString()).toBe(text.replaceAll(' ', ''));
    },
  );

  it('sorts requirements by key for a deterministic string (TestDeterministicParse)', () => {
    expect(parseLabelSelector('x=a,a=x').toString()).toBe('a=x,x=a');
    expect(parseLabelSelector('a=x,x=a').toString()).toBe('a=x,x=a');
  });

  it.each([
    ['app=web, tier in (b,a)', 'app=web,tier in (a,b)'],
    ['x notin (abc,def),bar,z in (),w', 'bar,w,x notin (abc,def),z in ()'],
    ['x in (abc,)', 'x in (,abc)'],
    ['x notin (, a)', 'x notin (,a)'],
    ['x notin ( )', 'x notin ()'],
    ['x in (a,a,b)', 'x in (a,b)'],
    ['a in (x,y,notin, z,in)', 'a in (in,notin,x,y,z)'],
    ['foo  in\t (abc)', 'foo in (abc)'],
    ['x notin\n (abc)', 'x notin (abc)'],
    ['\rx', 'x'],
    ['a ', 'a'],
    ['x==a', 'x==a'],
    ['this-is-a-dns.domain.com/key-with-dash', 'this-is-a-dns.domain.com/key-with-dash'],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)'],
    ['in=notin', 'in=notin'],
    ['x>1,x<9', 'x>1,x<9'],
  ])('canonicalises %j as %j', (text, canonical) => {
    expect(parseLabelSelector(text).toString()).toBe(canonical);
  });

  it('treats the empty string as everything', () => {
    const sel = parseLabelSelector('');
    expect(sel.empty).toBe(true);
    expect(sel.requirements).toEqual([]);
    expect(sel.matches(undefined)).toBe(true);
    expect(sel.matches({ x: 'y' })).toBe(true);
    expect(parseLabelSelector('  ').empty).toBe(true);
  });

  it('exposes parsed requirements with upstream operator names', () => {
    expect(parseLabelSelector('b in (y,x),!c,a').requirements.map((r) => [r.key, r.operator, r.values])).toEqual([
      ['a', 'exists', []],
      ['b', 'in', ['x', 'y']],
      ['c', '!', []],
    ]);
    expect(parseLabelSelector('k').empty).toBe(false);
  });

  // upstream TestSelectorMatches and TestRequirementSelectorMatching.
  it.each<[string, Record<string, string>, boolean]>([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x==y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x', { x: 'z' }, true],
    ['x', { x: '' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x<1', { x: '-5' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x>1', { x: '1' }, false],
    ['x<1', { x: '2' }, false],
    ['x>1', {}, false],
    ['x<1', {}, false],
    ['z>1', { z: 'v2' }, false],
    ['x>1', { x: '' }, false],
    ['x>9223372036854775806', { x: '9223372036854775807' }, true],
    ['x<9223372036854775807', { x: '9223372036854775806' }, true],
    ['x>1', { x: '9223372036854775808' }, false],
    ['x>1', { x: '0x10' }, false],
    ['x in (foo),y notin (alpha)', { x: 'foo', y: 'baz' }, true],
    ['x in (foo),y in (alpha)', { x: 'foo', y: 'baz' }, false],
    ['x notin (),y', { y: '' }, true],
    ['!x,y', { y: '' }, true],
    ['x notin (),!y', { y: '' }, false],
    ['x in ()', { y: 'baz' }, false],
    ['x in ()', { x: '' }, true],
    ['x=', { x: '' }, true],
    ['x=', {}, false],
    ['x!=', {}, true],
    ['x!=', { x: '' }, false],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }, false],
    ['a in (1,2,3,4,5,6,7,8,9,10)', { a: '9' }, true],
    ['a in (1,2,3,4,5,6,7,8,9,10)', { a: '11' }, false],
    ['a notin (1,2,3,4,5,6,7,8,9,10)', { a: '10' }, false],
    ['a notin (1,2,3,4,5,6,7,8,9,10)', {}, true],
  ])('%j matches %j: %s', (text, labels, want) => {
    expect(parseLabelSelector(text).matches(labels)).toBe(want);
  });

  it('matches != and notin on objects without labels, and nothing else', () => {
    expect(parseLabelSelector('x!=y').matches(undefined)).toBe(true);
    expect(parseLabelSelector('x notin (y)').matches(undefined)).toBe(true);
    expect(parseLabelSelector('!x').matches(undefined)).toBe(true);
    expect(parseLabelSelector('x=y').matches(undefined)).toBe(false);
    expect(parseLabelSelector('x').matches(undefined)).toBe(false);
  });

  it('only sees own label keys, not Object.prototype members', () => {
    expect(parseLabelSelector('constructor').matches({})).toBe(false);
    expect(parseLabelSelector('!toString').matches({})).toBe(true);
    expect(parseLabelSelector('hasOwnProperty!=x').matches({})).toBe(true);
  });

  it.each([
    // upstream testBadStrings and TestSetSelectorParser's invalid rows, with the messages a server sends.
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${valueRegexMsg}`],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x<a', `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['x>', `unable to parse requirement: values[0]: Invalid value: "": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['x>9223372036854775808', `unable to parse requirement: values[0]: Invalid value: "9223372036854775808": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['x>-1', `unable to parse requirement: values[0][x]: Invalid value: "-1": ${valueRegexMsg}`],
    ['x,,y', "found ',', expected: identifier after ','"],
    [',x,y', "found ',', expected: !, identifier, or 'end of string'"],
    ['x nott in (y)', "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
    ['a in (xyz),', "found '', expected: identifier after ','"],
    ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['a in (xyz', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (x,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['a in x', "unable to parse requirement: found 'x' expected: '('"],
    ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!=x', "found '!=', expected: !, identifier, or 'end of string'"],
    ['x=(', "unable to parse requirement: found '(', expected: identifier"],
    ['x=a b', "found 'b', expected: ',' or 'end of string'"],
  ])('rejects %j', (text, message) => {
    const err = thrown(() => parseLabelSelector(text));
    expect(err.reason).toBe('BadRequest');
    expect(err.code).toBe(400);
    expect(err.message).toBe(message);
  });

  it.each([
    ['-a', `<nil>: Invalid value: "-a": name part ${nameRegexMsg}`],
    ['a/b/c', `<nil>: Invalid value: "a/b/c": a qualified name ${nameRegexMsg} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    ['/a', '<nil>: Invalid value: "/a": prefix part must be non-empty'],
    ['a/', `<nil>: Invalid value: "a/": name part must be non-empty; name part ${nameRegexMsg}`],
    [
      'Example.com/a',
      `<nil>: Invalid value: "Example.com/a": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ],
    ['a'.repeat(64), `<nil>: Invalid value: "${'a'.repeat(64)}": name part must be no more than 63 characters`],
  ])('rejects the key %j like upstream', (key, detail) => {
    expect(thrown(() => parseLabelSelector(`${key}=x`)).message).toBe(`unable to parse requirement: ${detail}`);
  });

  it('accepts 63-character names and values and rejects 64', () => {
    const name = 'a'.repeat(63);
    expect(parseLabelSelector(`example.com/${name}=${name}`).toString()).toBe(`example.com/${name}=${name}`);
    expect(thrown(() => parseLabelSelector(`x=${'b'.repeat(64)}`)).message).toBe(
      `unable to parse requirement: values[0][x]: Invalid value: "${'b'.repeat(64)}": must be no more than 63 characters`,
    );
  });

  it('reports every bad value of a set, indexed in sorted order', () => {
    expect(thrown(() => parseLabelSelector('x in (ok,-b,-a)')).message).toBe(
      `unable to parse requirement: [values[0][x]: Invalid value: "-a": ${valueRegexMsg}, values[1][x]: Invalid value: "-b": ${valueRegexMsg}]`,
    );
  });

  it('reads a NUL character as the end of input, as upstream', () => {
    expect(parseLabelSelector('\0x=y').empty).toBe(true);
  });
});

describe('labelSelectorFromObject (metav1.LabelSelectorAsSelector)', () => {
  it('matches nothing for a nil selector', () => {
    for (const sel of [null, undefined]) {
      const m = labelSelectorFromObject(sel);
      expect(m.empty).toBe(false);
      expect(m.matches({ a: 'b' })).toBe(false);
      expect(m.matches(undefined)).toBe(false);
      expect(m.toString()).toBe('');
    }
  });

  it('matches everything for an empty selector', () => {
    for (const sel of [{}, { matchLabels: {} }, { matchLabels: {}, matchExpressions: [] }]) {
      const m = labelSelectorFromObject(sel);
      expect(m.empty).toBe(true);
      expect(m.matches({ a: 'b' })).toBe(true);
      expect(m.matches(undefined)).toBe(true);
    }
  });

  it('combines matchLabels and matchExpressions, sorted by key', () => {
    const m = labelSelectorFromObject({
      matchLabels: { b: '2', a: '1' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['y', 'x'] },
        { key: 'env', operator: 'Exists' },
        { key: 'zone', operator: 'NotIn', values: ['z1'] },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    });
    expect(m.toString()).toBe('a=1,b=2,!canary,env,tier in (x,y),zone notin (z1)');
    expect(m.matches({ a: '1', b: '2', env: 'prod', tier: 'x' })).toBe(true);
    expect(m.matches({ a: '1', b: '2', env: 'prod', tier: 'x', zone: 'z2' })).toBe(true);
    expect(m.matches({ a: '1', b: '2', env: 'prod', tier: 'x', zone: 'z1' })).toBe(false);
    expect(m.matches({ a: '1', b: '2', env: 'prod', tier: 'x', canary: '' })).toBe(false);
    expect(m.matches({ a: '1', b: '2', tier: 'x' })).toBe(false);
    expect(m.matches({ a: '1', tier: 'x', env: '' })).toBe(false);
  });

  it.each([
    [{ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, '"Gt" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'a', operator: 'in', values: ['1'] }] }, '"in" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'a', operator: 'In' }] }, "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn', values: [] }] }, "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 'values: Invalid value: ["x"]: values set must be empty for exists and does not exist'],
    [{ matchLabels: { app: 'a b' } }, `values[0][app]: Invalid value: "a b": ${valueRegexMsg}`],
    [{ matchLabels: { '-app': 'web' } }, `key: Invalid value: "-app": name part ${nameRegexMsg}`],
    [
      { matchLabels: { '-app': '-web' } },
      `[key: Invalid value: "-app": name part ${nameRegexMsg}, values[0][-app]: Invalid value: "-web": ${valueRegexMsg}]`,
    ],
  ])('rejects %j', (sel, message) => {
    const err = thrown(() => labelSelectorFromObject(sel));
    expect(err.reason).toBe('BadRequest');
    expect(err.message).toBe(message);
  });
});

describe('formatLabelSelector (metav1.FormatLabelSelector)', () => {
  it.each([
    [null, '<none>'],
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [{ matchLabels: { app: 'web', 'pod-template-hash': '5d8f7c9b4' } }, 'app=web,pod-template-hash=5d8f7c9b4'],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['b', 'a'] }] }, 'tier notin (a,b)'],
    [{ matchExpressions: [{ key: 'tier', operator: 'Bogus' }] }, '<error>'],
  ])('formats %j as %j', (sel, text) => {
    expect(formatLabelSelector(sel)).toBe(text);
  });
});
