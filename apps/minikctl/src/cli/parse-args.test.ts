import { describe, expect, it } from 'vitest';
import type { Command } from './command.js';
import { FlagSet } from './flag-set.js';
import { parseCommandLine } from './parse-args.js';

const get: Command = {
  name: 'get',
  short: '',
  use: 'get',
  flags: (f) => f.string('output', 'o', '', '').bool('watch', 'w', false, '').bool('all-namespaces', 'A', false, '').stringSlice('label-columns', 'L', [], ''),
};
const root: Command = { name: 'minikctl', short: '', use: '', subcommands: [get] };
const parse = (argv: string[]) =>
  parseCommandLine(root, argv, (c) => {
    const f = new FlagSet().string('namespace', 'n', '', '').int('v', 'v', 0, '');
    c.flags?.(f);
    return f;
  });

describe('parseCommandLine (cobra/pflag grammar)', () => {
  it('finds the command with global flags before it and reads every flag form', () => {
    const p = parse(['-n', 'kube-system', 'get', 'pods', '-ojson', '-wA', '--v=6', '-L', 'a,b', '-L=c']);
    expect(p.chain.map((c) => c.name)).toEqual(['minikctl', 'get']);
    expect(p.args).toEqual(['pods']);
    expect(p.flags.getString('namespace')).toBe('kube-system');
    expect(p.flags.getString('output')).toBe('json');
    expect(p.flags.getBool('watch')).toBe(true);
    expect(p.flags.getBool('all-namespaces')).toBe(true);
    expect(p.flags.getInt('v')).toBe(6);
    expect(p.flags.getStrings('label-columns')).toEqual(['a', 'b', 'c']);
  });

  it('stops at -- and remembers where', () => {
    const p = parse(['get', 'x', '--', '-o', 'y']);
    expect(p.args).toEqual(['x', '-o', 'y']);
    expect(p.argsLenAtDash).toBe(1);
  });

  it("reports unknown flags in pflag's words", () => {
    expect(parse(['get', '--bogus']).error?.message).toBe('unknown flag: --bogus');
    expect(parse(['get', '-x']).error?.message).toBe("unknown shorthand flag: 'x' in -x");
    expect(parse(['get', '--v=abc']).error?.message).toBe('invalid argument "abc" for "-v, --v" flag: strconv.ParseInt: parsing "abc": invalid syntax');
  });
});
