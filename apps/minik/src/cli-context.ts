import type { Output } from './output.js';

/** Environment variables as the CLI reads them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** What command handlers take from the process, gathered once in main.ts so tests can build their own. */
export interface CliContext {
  readonly output: Output;
  readonly env: Environment;
  readonly homeDir: string;
  /** The Node.js binary and the script it runs, to start the detached cluster process with. */
  readonly execPath: string;
  readonly cliEntry: string;
  readonly pid: number;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Records the exit code of the command that ran; main.ts exits with it. */
  setExitCode(code: number): void;
}
