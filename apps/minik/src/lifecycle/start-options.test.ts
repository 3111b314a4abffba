import { describe, expect, it } from 'vitest';
import { exitCodes } from '../exit-codes.js';
import { MinikError } from '../minik-error.js';
import { daemonArguments, parseStartOptions } from './start-options.js';

const flags = { nodes: 1, port: 6443, host: '127.0.0.1', kubernetesVersion: 'v1.33.1' };

function usageError(run: () => unknown): MinikError {
  try {
    run();
  } catch (error) {
    if (error instanceof MinikError && error.exitCode === exitCodes.programUsage) return error;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('parseStartOptions', () => {
  it('accepts the defaults and port 0', () => {
    expect(parseStartOptions(flags)).toEqual({ ...flags, speed: 'fast', faults: [] });
    expect(parseStartOptions({ ...flags, port: 0 }).port).toBe(0);
  });

  it('normalises a version without its "v", as minikube does', () => {
    expect(parseStartOptions({ ...flags, kubernetesVersion: '1.30.2' }).kubernetesVersion).toBe('v1.30.2');
  });

  it('rejects versions not of the form v1.x.y', () => {
    for (const kubernetesVersion of ['v1.33', 'v2.0.0', 'latest', 'v1.33.1-rc.0', '']) {
      expect(usageError(() => parseStartOptions({ ...flags, kubernetesVersion })).message).toContain(
        'expected the form v1.x.y',
      );
    }
  });

  it('rejects impossible node counts and ports', () => {
    expect(usageError(() => parseStartOptions({ ...flags, nodes: 0 })).message).toContain('--nodes 0');
    expect(usageError(() => parseStartOptions({ ...flags, nodes: 1.5 })).message).toContain('--nodes');
    expect(usageError(() => parseStartOptions({ ...flags, port: Number.NaN })).message).toContain(
      '--port NaN',
    );
    expect(usageError(() => parseStartOptions({ ...flags, port: 70_000 })).message).toContain('--port 70000');
    expect(usageError(() => parseStartOptions({ ...flags, host: ' ' })).message).toContain('--host');
  });

  it('keeps the log file of the detached process', () => {
    expect(parseStartOptions({ ...flags, logFile: '/x.log' }).logFile).toBe('/x.log');
    expect(parseStartOptions({ ...flags, logFile: undefined })).not.toHaveProperty('logFile');
  });
});

describe('daemonArguments', () => {
  it('re-runs start in the foreground with the same options', () => {
    expect(daemonArguments({ ...flags, nodes: 3, port: 0, speed: 'fast', faults: [] }, '/h/cluster.log')).toEqual([
      'start',
      '--foreground',
      '--nodes',
      '3',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--kubernetes-version',
      'v1.33.1',
      '--log-file',
      '/h/cluster.log',
    ]);
  });

  it('passes timing, seed, audit log and faults on to the cluster process', () => {
    const options = parseStartOptions({ ...flags, realisticTiming: true, seed: '7', auditLog: '/tmp/a.jsonl', fault: ['{"status":503}'] });
    expect(daemonArguments(options, '/h/l').slice(-7)).toEqual(['--realistic-timing', '--seed', '7', '--audit-log', '/tmp/a.jsonl', '--fault', '{"status":503}']);
  });

  it('rejects a fault that is not a JSON object', () => {
    expect(usageError(() => parseStartOptions({ ...flags, fault: ['nope'] })).message).toContain('invalid --fault nope');
  });
});
