import { describe, expect, it } from 'vitest';
import { planCommand } from './shell-command.js';

const now = () => Date.parse('2024-01-01T00:00:00Z');
const plan = (...argv: string[]) => planCommand(argv, { HOSTNAME: 'p', GREETING: 'hi' }, now);

describe('shell command plans', () => {
  it('sleep runs for its duration, or forever', () => {
    expect(plan('sleep', '3600')).toEqual({ output: [], exit: { afterMs: 3_600_000, exitCode: 0 } });
    expect(plan('sleep', '1m')).toEqual({ output: [], exit: { afterMs: 60_000, exitCode: 0 } });
    expect(plan('sleep', 'infinity')).toEqual({ output: [] });
  });

  it('sh -c scripts: echo with variables, sleep, exit, && and ||', () => {
    expect(plan('sh', '-c', 'echo "$GREETING there"; sleep 1 && echo done; false || exit 4')).toEqual({
      output: [
        { atMs: 0, line: 'hi there' },
        { atMs: 1000, line: 'done' },
      ],
      exit: { afterMs: 1000, exitCode: 4 },
    });
  });

  it('loops print forever', () => {
    expect(plan('sh', '-c', 'while true; do echo tick; sleep 2; done')).toEqual({
      output: [{ atMs: 0, line: 'tick' }],
      repeat: { startMs: 2000, everyMs: 2000, lines: ['tick'] },
    });
  });

  it('keep-alive commands block', () => {
    expect(plan('tail', '-f', '/dev/null')).toEqual({ output: [] });
    expect(plan('/bin/sh', '-c', 'echo up; tail -f /dev/null')).toEqual({ output: [{ atMs: 0, line: 'up' }] });
  });

  it('perl one-liners print and exit 0 (the docs pi Job)', () => {
    const result = plan('perl', '-Mbignum=bpi', '-wle', 'print bpi(20)');
    expect(result).toEqual({ output: [{ atMs: 0, line: '3.1415926535897932385' }], exit: { afterMs: 0, exitCode: 0 } });
  });

  it('gives up on what it does not understand', () => {
    expect(plan('sh', '-c', 'curl http://x | grep y')).toBeUndefined();
    expect(plan('python', 'app.py')).toBeUndefined();
  });
});
