import type { ChildProcess } from 'node:child_process';

/** Everything a long-running child printed on stdout so far, and a way to wait for more. */
export interface OutputCollector {
  readonly text: string;
  /** Resolves with all output once `predicate` holds; rejects if the child exits first or `signal` aborts. */
  waitFor(predicate: (out: string) => boolean, signal?: AbortSignal): Promise<string>;
}

/** Starts collecting a child's stdout (call right after spawning so nothing is missed). */
export function collectOutput(child: ChildProcess): OutputCollector {
  let text = '';
  let exited = false;
  const waiters = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    for (const wake of waiters) wake();
  });
  child.once('exit', () => {
    exited = true;
    for (const wake of waiters) wake();
  });
  return {
    get text() {
      return text;
    },
    waitFor(predicate, signal) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (predicate(text)) {
            waiters.delete(check);
            resolve(text);
          } else if (exited || signal?.aborted) {
            waiters.delete(check);
            reject(new Error(`${exited ? 'process exited' : 'gave up waiting'}; output so far:\n${text}`));
          }
        };
        signal?.addEventListener('abort', check, { once: true });
        waiters.add(check);
        check();
      });
    },
  };
}
