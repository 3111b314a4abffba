import type { Factory } from '../client/factory.js';
import type { FlagSet } from './flag-set.js';

/** Where a command writes. Tests pass collectors; the CLI passes process.stdout/stderr. */
export interface Output {
  write(text: string): void;
}

/** A command's standard streams. */
export interface Streams {
  out: Output;
  err: Output;
  /** Standard input, for `-f -`. */
  in?: NodeJS.ReadableStream;
}

/** What a command's `run` receives: its parsed flags and arguments and the process around it. */
export interface CommandContext {
  /** Positional arguments, flags removed. */
  readonly args: string[];
  /** Number of positional arguments before `--`, or -1 when there was no `--` (cobra's ArgsLenAtDash). */
  readonly argsLenAtDash: number;
  /** Global and command flags together. */
  readonly flags: FlagSet;
  readonly streams: Streams;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `minikctl get`, for messages such as `See 'minikctl get -h' for help and examples`. */
  readonly commandPath: string;
  /** Builds the REST client, discovery and name resolution from the global flags, on first use. */
  readonly factory: Factory;
  /** Aborted on Ctrl+C: long-running commands (watch, proxy, logs -f) stop cleanly. */
  readonly signal: AbortSignal;
}

/**
 * One command, shaped like a cobra.Command: what help prints (short, long, example, use) and how
 * it runs. Each lives in its own file under src/commands and is registered from an explicit list.
 */
export interface Command {
  name: string;
  aliases?: readonly string[];
  /** One line for the command list. */
  short: string;
  /** The help text's description (defaults to `short`). */
  long?: string;
  /** Examples, already indented with two spaces like kubectl's. */
  example?: string;
  /** Usage line after the program name, e.g. `get [(-o|--output=)json|yaml|...] TYPE [NAME] [flags]`. */
  use: string;
  /** Heading the root help lists the command under. */
  group?: string;
  hidden?: boolean;
  /** Declares the command's own flags. */
  flags?(flags: FlagSet): void;
  /** Flags that must be given (cobra's MarkFlagRequired). */
  requiredFlags?: readonly string[];
  subcommands?: readonly Command[];
  run?(ctx: CommandContext): Promise<void>;
}

/** The program name used in messages and help. */
export const programName = 'minikctl';
