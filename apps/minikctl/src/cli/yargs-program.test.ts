import { describe, expect, it } from 'vitest';
import type { Command } from './command.js';
import { FlagSet } from './flag-set.js';
import { toLongForm } from './pflag-argv.js';
import { runYargsProgram, type Invocation } from './yargs-program.js';

const status: Command = { name: 'status', short: '', use: '', flags: (f) => f.bool('watch', 'w', true, '').duration('timeout', undefined, 0, '') };
const rollout: Command = { name: 'rollout', short: '', use: '', subcommands: [status] };
const get: Command = {
  name: 'get',
  aliases: ['g'],
  short: '',
  use: '',
  flags: (f) => f.string('output', 'o', '', '').bool('no-headers', undefined, false, '').stringSlice('label-columns', 'L', [], '').stringArray('env', 'e', [], ''),
};
const root: Command = { name: 'minikctl', short: '', use: '', subcommands: [get, rollout] };
const newFlagSet = (c: Command): FlagSet => {
  const f = new FlagSet().string('namespace', 'n', '', '').int('v', 'v', 0, '');
  c.flags?.(f);
  return f;
};

/** Runs a command line the way runCli does and returns what the routed command received. */
async function invoke(chainEnd: Command, argv: string[]): Promise<Invocation> {
  const { tokens } = toLongForm(newFlagSet(chainEnd), argv);
  let received: Invocation | undefined;
  await runYargsProgram(root, tokens, newFlagSet, async (invocation) => {
    received = invocation;
  });
  if (!received) throw new Error('no command ran');
  return received;
}

describe('runYargsProgram', () => {
  it('routes to the command and parses its flags and the global ones', async () => {
    const run = await invoke(get, ['-n', 'kube-system', 'g', 'pods', 'web', '-ojson', '--no-headers', '-L', 'a,b', '-L=c', '-e', 'A=1', '-e', 'B=2,3', '--v=6']);
    expect(run.chain.map((c) => c.name)).toEqual(['minikctl', 'get']);
    expect(run.args).toEqual(['pods', 'web']);
    expect(run.argsLenAtDash).toBe(-1);
    expect(run.flags.getString('namespace')).toBe('kube-system');
    expect(run.flags.getString('output')).toBe('json');
    expect(run.flags.getBool('no-headers')).toBe(true);
    expect(run.flags.getStrings('label-columns')).toEqual(['a', 'b', 'c']);
    expect(run.flags.getStrings('env')).toEqual(['A=1', 'B=2,3']);
    expect(run.flags.getInt('v')).toBe(6);
    expect(run.flags.changed('output')).toBe(true);
    expect(run.flags.changed('label-columns')).toBe(true);
  });

  it('descends into subcommands and reads Go bools and durations', async () => {
    const run = await invoke(status, ['rollout', '-n', 'x', 'status', 'deploy/web', '--watch=false', '--timeout', '1m30s']);
    expect(run.chain.map((c) => c.name)).toEqual(['minikctl', 'rollout', 'status']);
    expect(run.args).toEqual(['deploy/web']);
    expect(run.flags.getBool('watch')).toBe(false);
    expect(run.flags.getDuration('timeout')).toBe(90_000);
    expect(run.flags.getString('namespace')).toBe('x');
  });

  it('keeps values verbatim: numbers, quotes, dots and leading dashes after =', async () => {
    const run = await invoke(get, ['get', '007', '-o', 'jsonpath={.a.b}', '-L', '"q"', '-n=-x']);
    expect(run.args).toEqual(['007']);
    expect(run.flags.getString('output')).toBe('jsonpath={.a.b}');
    expect(run.flags.getStrings('label-columns')).toEqual(['q']);
    expect(run.flags.getString('namespace')).toBe('-x');
  });

  it('passes what follows -- as arguments and counts those before it', async () => {
    const run = await invoke(get, ['get', 'a', '--', '-o', 'b']);
    expect(run.args).toEqual(['a', '-o', 'b']);
    expect(run.argsLenAtDash).toBe(1);
    expect(run.flags.changed('output')).toBe(false);
    expect((await invoke(get, ['get', 'a', '--'])).argsLenAtDash).toBe(1);
  });

  it('runs the root for an empty or unknown command line', async () => {
    expect((await invoke(root, [])).chain).toEqual([root]);
    const unknown = await invoke(root, ['bogus', 'x']);
    expect(unknown.chain).toEqual([root]);
    expect(unknown.args).toEqual(['bogus', 'x']);
  });
});
