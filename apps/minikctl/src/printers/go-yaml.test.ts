import { describe, expect, it } from 'vitest';
import { compareYamlKeys, goYamlStringify } from './go-yaml.js';

describe('goYamlStringify (go-yaml v2 as kubectl -o yaml)', () => {
  it('sorts keys, keeps sequences under their key unindented, and prints empty collections inline', () => {
    expect(goYamlStringify({ b: [{ y: 1, x: 'a' }], a: {}, c: [], d: null })).toBe('a: {}\nb:\n- x: a\n  "y": 1\nc: []\nd: null\n');
  });

  it('quotes strings that would read back as something else', () => {
    const out = goYamlStringify({ s: ['true', '123', '', '2024-01-01T00:00:00Z', '0777', '1:20', '10.96.0.1', 'yes', '~', '+1', '.5', '1_000'] });
    expect(out).toBe('s:\n- "true"\n- "123"\n- ""\n- "2024-01-01T00:00:00Z"\n- "0777"\n- "1:20"\n- 10.96.0.1\n- "yes"\n- "~"\n- "+1"\n- ".5"\n- "1_000"\n');
  });

  it('single-quotes indicators and double-quotes special characters', () => {
    expect(goYamlStringify({ a: '*x', b: 'a: b', c: ' x', d: "it's", e: 'a\tb', f: "'q'" })).toBe(
      "a: '*x'\nb: 'a: b'\nc: ' x'\nd: it's\ne: \"a\\tb\"\nf: '''q'''\n",
    );
  });

  it('writes multi-line strings as literal blocks with chomping indicators', () => {
    expect(goYamlStringify({ a: 'x\ny\n', b: 'x\ny', c: 'x\n\n', d: 'k' })).toBe('a: |\n  x\n  y\nb: |-\n  x\n  y\nc: |+\n  x\n\nd: k\n');
  });

  it('folds long plain strings at spaces past column 80', () => {
    const long = `${'word '.repeat(40)}end`;
    const out = goYamlStringify({ long });
    const [first, second] = out.split('\n') as [string, string];
    expect(first.length).toBeGreaterThan(80);
    expect(first.endsWith(' ')).toBe(false);
    expect(second).toMatch(/^ {2}word/);
    expect(out.replace(/\n {2}/g, ' ')).toBe(`long: ${long}\n`);
  });

  it('orders keys like go-yaml: natural digits, non-letters before letters', () => {
    expect(['a10', 'a9', 'a_b', 'a-b', 'Z', 'z1'].sort(compareYamlKeys)).toEqual(['Z', 'a-b', 'a_b', 'a9', 'a10', 'z1']);
  });
});
