import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI, as users run it. The tests build nothing: CI builds before testing. */
export const minikBin = fileURLToPath(new URL('../bin/minik.cjs', import.meta.url));
const builtEntry = fileURLToPath(new URL('../dist/main.cjs', import.meta.url));

/** Fails with instructions when the CLI has not been built. */
export function assertBuilt(): void {
  if (!existsSync(builtEntry)) {
    throw new Error(`${builtEntry} is missing: build the CLI first (cd apps/minik && npx tsup).`);
  }
}

/** A sandbox for one test: its own HOME, MINIK_HOME and KUBECONFIG, so no real cluster or config is touched. */
export interface Sandbox {
  dir: string;
  env: NodeJS.ProcessEnv;
  stateFile: string;
  kubeconfig: string;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Creates sandboxes and, after each test, kills whatever they still run and removes them. */
export function createSandboxes() {
  const sandboxes: Sandbox[] = [];
  const children: ChildProcess[] = [];

  return {
    async create(): Promise<Sandbox> {
      const dir = await mkdtemp(join(tmpdir(), 'minik-e2e-'));
      const kubeconfig = join(dir, 'kube', 'config');
      const sandbox = {
        dir,
        kubeconfig,
        stateFile: join(dir, 'minik-home', 'cluster.json'),
        env: { ...process.env, HOME: dir, MINIK_HOME: join(dir, 'minik-home'), KUBECONFIG: kubeconfig },
      };
      sandboxes.push(sandbox);
      return sandbox;
    },

    /** Runs `minik …` to completion. */
    run(sandbox: Sandbox, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [minikBin, ...args], {
          env: { ...sandbox.env, ...extraEnv },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('error', reject);
        child.once('close', (code) => resolve({ code, stdout, stderr }));
      });
    },

    /** Starts `minik …` (under Node with `nodeArgs`) and leaves it running; it is killed after the test if still there. */
    spawn(sandbox: Sandbox, args: string[], nodeArgs: string[] = []): ChildProcess {
      const child = spawn(process.execPath, [...nodeArgs, minikBin, ...args], {
        env: sandbox.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      return child;
    },

    async cleanup(): Promise<void> {
      for (const child of children.splice(0)) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      for (const sandbox of sandboxes.splice(0)) {
        // A detached cluster a failed test left behind.
        const state = await readFile(sandbox.stateFile, 'utf8').then(
          (text) => JSON.parse(text) as { pid: number },
          () => undefined,
        );
        if (state) {
          try {
            process.kill(state.pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
        await rm(sandbox.dir, { recursive: true, force: true });
      }
    },
  };
}

/** Resolves with everything printed so far once stdout contains `text`; rejects if the process ends first. */
export function waitForOutput(child: ChildProcess, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const onData = (chunk: Buffer): void => {
      stdout += chunk.toString();
      if (stdout.includes(text)) {
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        resolve(stdout);
      }
    };
    const onExit = (code: number | null): void =>
      reject(new Error(`minik exited (${String(code)}) before printing "${text}":\n${stdout}\n${stderr}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', onExit);
  });
}

/** Resolves with the exit code and signal of a process. */
export function waitForExit(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}
