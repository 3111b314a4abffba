import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** The kubectl versions the end-to-end tests drive, plus the version-picking dispatcher. */
export const kubectlVersions = ['1.27', '1.30', '1.33'] as const;
/** Every kubectl binary on this machine, plus the version-picking dispatcher. */
export type KubectlVersion = '1.27' | '1.28' | '1.29' | '1.30' | '1.31' | '1.32' | '1.33' | 'dispatcher';

/** Finds `kubectl` on PATH; the versioned binaries sit beside its real target. */
function findKubectl(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'kubectl');
    try {
      return realpathSync(candidate);
    } catch {
      // not here
    }
  }
  throw new Error('kubectl is not on PATH: the end-to-end tests need the real kubectl');
}

const dispatcher = findKubectl();

/** Path of a kubectl binary. */
export function kubectlPath(version: KubectlVersion): string {
  return version === 'dispatcher' ? dispatcher : join(dirname(dispatcher), `kubectl.${version}`);
}

/** What a kubectl run printed. */
export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * A kubectl pointed at one server with its own discovery cache (kubectl caches discovery for 6 h,
 * so each test server gets a fresh cache directory).
 */
export class Kubectl {
  readonly #cacheDir = mkdtempSync(join(tmpdir(), 'minik-kubectl-cache-'));
  constructor(
    readonly version: KubectlVersion,
    readonly server: string,
    readonly env: Record<string, string> = {},
  ) {}

  /** Runs kubectl with the given arguments and optional stdin. */
  run(args: readonly string[], input?: string): Promise<KubectlResult> {
    return new Promise((resolve) => {
      const child = execFile(
        kubectlPath(this.version),
        ['--cache-dir', this.#cacheDir, '-s', this.server, ...args],
        { env: { ...process.env, KUBECONFIG: '/dev/null', ...this.env }, timeout: 30_000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ stdout, stderr, code });
        },
      );
      if (input !== undefined) child.stdin?.end(input);
    });
  }

  /** Starts a long-running kubectl (get -w, proxy); the caller stops it. */
  spawn(args: readonly string[]): ChildProcess {
    return spawn(kubectlPath(this.version), ['--cache-dir', this.#cacheDir, '-s', this.server, ...args], {
      env: { ...process.env, KUBECONFIG: '/dev/null', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  dispose(): void {
    rmSync(this.#cacheDir, { recursive: true, force: true });
  }
}
