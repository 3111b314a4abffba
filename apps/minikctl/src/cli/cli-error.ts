/**
 * Errors a command throws. Only `main.ts` turns them into output and an exit code, the way
 * kubectl's `cmdutil.CheckErr` does.
 */

/** A plain failure: printed as `error: <message>`, exit 1 (kubectl's DefaultErrorExitCode). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * A flag or argument problem found while parsing: printed as `error: <message>` followed by
 * cobra's `See '<command> --help' for usage.` line.
 */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * kubectl's `cmdutil.UsageErrorf`: `error: <message>` then `See '<command> -h' for help and examples`.
 */
export class CommandUsageError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'CommandUsageError';
  }
}

/** Text that is already in its final form (kubectl's own multi-line messages); printed verbatim. */
export class PreformattedError extends CliError {
  constructor(
    readonly text: string,
    exitCode = 1,
  ) {
    super(text, exitCode);
    this.name = 'PreformattedError';
  }
}

/** Several errors reported together, one per line, as kubectl's aggregate errors are. */
export class AggregateCliError extends CliError {
  constructor(readonly errors: readonly unknown[]) {
    super(errors.map((e) => (e instanceof Error ? e.message : String(e))).join('\n'));
    this.name = 'AggregateCliError';
  }
}

/** Ends the command with an exit code and nothing more to print. */
export class SilentExit extends CliError {
  constructor(exitCode: number) {
    super('', exitCode);
    this.name = 'SilentExit';
  }
}
