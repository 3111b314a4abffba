import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.js';
import { rootCommand } from '../../src/commands/command-list.js';

/** What one CLI run printed. */
export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** The built CLI, as users run it (tests that spawn it need `tsup` to have run: turbo builds before testing). */
export const minikctlBin = fileURLToPath(new URL('../../bin/minikctl.cjs', import.meta.url));
const builtEntry = fileURLToPath(new URL('../../dist/main.cjs', import.meta.url));

/** Fails with instructions when the CLI has not been built. */
export function assertBuilt(): void {
  if (!existsSync(builtEntry)) throw new Error(`${builtEntry} is missing: build the CLI first (cd apps/minikctl && npx tsup).`);
}

/**
 * minikctl pointed at one server, run in this process (fast) or as the built binary, with its
 * own discovery cache and home directory and no kubeconfig.
 */
export class Minikctl {
  readonly home = mkdtempSync(join(tmpdir(), 'minikctl-home-'));
  readonly cacheDir = join(this.home, 'cache');
  readonly env: Record<string, string>;

  constructor(
    readonly server: string | undefined,
    env: Record<string, string> = {},
  ) {
    this.env = { KUBECONFIG: '/dev/null', HOME: this.home, ...env };
  }

  #args(args: readonly string[]): string[] {
    return ['--cache-dir', this.cacheDir, ...(this.server ? ['-s', this.server] : []), ...args];
  }

  /** Runs a command line in-process and collects its output. */
  async run(args: readonly string[], options: { signal?: AbortSignal; stdin?: string } = {}): Promise<CliResult> {
    let stdout = '';
    let stderr = '';
    let input: NodeJS.ReadableStream | undefined;
    if (options.stdin !== undefined) {
      const { Readable } = await import('node:stream');
      input = Readable.from([options.stdin]);
    }
    const code = await runCli(rootCommand, {
      argv: this.#args(args),
      streams: { out: { write: (t) => void (stdout += t) }, err: { write: (t) => void (stderr += t) }, in: input },
      env: { ...process.env, ...this.env },
      homeDir: this.home,
      signal: options.signal,
    });
    return { stdout, stderr, code };
  }

  /** Starts the built CLI (proxy, get -w); the caller stops it. */
  spawn(args: readonly string[]): ChildProcess {
    return spawn(process.execPath, [minikctlBin, ...this.#args(args)], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Runs the built CLI to completion. */
  exec(args: readonly string[], stdin?: string): Promise<CliResult> {
    const child = spawn(process.execPath, [minikctlBin, ...this.#args(args)], { env: { ...process.env, ...this.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(stdin ?? '');
    return collect(child);
  }

  dispose(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** What a started CLI prints until it exits. */
export function collect(child: ChildProcess): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ stdout, stderr, code: code ?? 1 }));
  });
}
