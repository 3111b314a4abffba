import { describe, expect, it } from 'vitest';
import type { Command } from './command.js';
import { FlagSet } from './flag-set.js';
import { findCommandChain, toLongForm } from './pflag-argv.js';

const get: Command = {
  name: 'get',
  short: '',
  use: 'get',
  flags: (f) =>
    f
      .string('output', 'o', '', '')
      .bool('watch', 'w', false, '')
      .bool('all-namespaces', 'A', false, '')
      .stringSlice('label-columns', 'L', [], '')
      .add({ name: 'dry-run', type: 'string', default: 'none', usage: '', noOptDefault: 'unchanged' }),
};
const root: Command = { name: 'minikctl', short: '', use: '', subcommands: [get] };
const newFlagSet = (c: Command): FlagSet => {
  const f = new FlagSet().string('namespace', 'n', '', '').int('v', 'v', 0, '');
  c.flags?.(f);
  return f;
};
const longForm = (argv: string[]) => toLongForm(newFlagSet(get), argv);

describe('findCommandChain (cobra Find)', () => {
  it('descends past flags and their values', () => {
    expect(findCommandChain(root, ['-n', 'get', 'get', 'pods'], newFlagSet).map((c) => c.name)).toEqual(['minikctl', 'get']);
    expect(findCommandChain(root, ['pods', 'get'], newFlagSet).map((c) => c.name)).toEqual(['minikctl']);
  });
});

describe('toLongForm (pflag grammar to yargs long form)', () => {
  it('spells every flag form as --name=value and keeps positionals in place', () => {
    const { tokens, help } = longForm(['-n', 'kube-system', 'get', 'pods', '-ojson', '-wA', '--v=6', '-L', 'a,b', '-L=c', '--dry-run', 'x']);
    expect(tokens).toEqual([
      '--namespace=kube-system',
      'get',
      'pods',
      '--output=json',
      '--watch=true',
      '--all-namespaces=true',
      '--v=6',
      '--label-columns=a,b',
      '--label-columns=c',
      '--dry-run=unchanged',
      'x',
    ]);
    expect(help).toBe(false);
  });

  it('passes -- and everything after it through', () => {
    expect(longForm(['get', 'x', '--', '-o', 'y']).tokens).toEqual(['get', 'x', '--', '-o', 'y']);
  });

  it('notes -h and --help without passing them on', () => {
    expect(longForm(['get', '-wh'])).toEqual({ tokens: ['get', '--watch=true'], help: true });
    expect(longForm(['--help', 'get']).help).toBe(true);
  });

  it('doubles the quotes of a quoted value, which yargs-parser takes one pair off', () => {
    expect(longForm(['-o', '"json"', "-n='x'", '-n', '"']).tokens).toEqual(['--output=""json""', "--namespace=''x''", '--namespace="""']);
  });

  it("reports what pflag rejects in pflag's words", () => {
    expect(() => longForm(['get', '--bogus'])).toThrow('unknown flag: --bogus');
    expect(() => longForm(['get', '-x'])).toThrow("unknown shorthand flag: 'x' in -x");
    expect(() => longForm(['get', '--v=abc'])).toThrow('invalid argument "abc" for "-v, --v" flag: strconv.ParseInt: parsing "abc": invalid syntax');
    expect(() => longForm(['get', '-o'])).toThrow("flag needs an argument: 'o' in -o");
  });
});
