import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { CliResult } from './minikctl.js';

/** Finds `kubectl` on PATH; the versioned binaries sit beside its real target. */
function findKubectl(): string {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    try {
      return realpathSync(join(dir, 'kubectl'));
    } catch {
      // not here
    }
  }
  throw new Error('kubectl is not on PATH: the golden tests need the real kubectl');
}

/** The path of a versioned kubectl binary (`1.33` → …/kubectl.1.33, beside the kubectl on PATH). */
export function kubectlPath(version: string): string {
  return join(dirname(findKubectl()), `kubectl.${version}`);
}

/** A real kubectl (`1.33`, `1.30`, …) pointed at one server with its own discovery cache. */
export class Kubectl {
  readonly #cacheDir = mkdtempSync(join(tmpdir(), 'minikctl-kubectl-cache-'));
  readonly #path: string;

  constructor(
    readonly version: string,
    readonly server: string,
  ) {
    this.#path = kubectlPath(version);
  }

  run(args: readonly string[], input?: string): Promise<CliResult> {
    return new Promise((resolve) => {
      const child = execFile(
        this.#path,
        ['--cache-dir', this.#cacheDir, '-s', this.server, ...args],
        { env: { ...process.env, KUBECONFIG: '/dev/null' }, timeout: 30_000 },
        (error, stdout, stderr) => resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 }),
      );
      if (input !== undefined) child.stdin?.end(input);
    });
  }

  spawn(args: readonly string[]): ChildProcess {
    return spawn(this.#path, ['--cache-dir', this.#cacheDir, '-s', this.server, ...args], {
      env: { ...process.env, KUBECONFIG: '/dev/null' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  dispose(): void {
    rmSync(this.#cacheDir, { recursive: true, force: true });
  }
}
