import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import type { Environment } from '../cli-context.js';

/** How a process ended. `error` is set when it could not be started at all. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

/** A process started in the background. */
export interface Daemon {
  readonly pid: number;
  /** Settles when the process ends, if this process is still there to see it. */
  readonly exited: Promise<ProcessExit>;
  kill(signal: NodeJS.Signals): void;
}

/** What to start in the background: `command args…`, its output appended to `logFile`. */
export interface DaemonSpec {
  command: string;
  args: readonly string[];
  logFile: string;
  cwd: string;
  env: Environment;
}

/** Starts a process that outlives this one: own process group, output to the log file, not waited for. */
export type SpawnDaemon = (spec: DaemonSpec) => Promise<Daemon>;

/** Spawns detached with stdio on the (truncated) log file, then unrefs it so this process can exit. */
export const spawnDaemon: SpawnDaemon = async (spec) => {
  const log = await open(spec.logFile, 'w', 0o600);
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', log.fd, log.fd],
      windowsHide: true,
    });
    const exited = new Promise<ProcessExit>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
    });
    child.unref();
    return {
      pid: child.pid ?? -1,
      exited,
      kill: (signal) => void child.kill(signal),
    };
  } finally {
    // The child holds its own copy of the descriptor.
    await log.close();
  }
};
