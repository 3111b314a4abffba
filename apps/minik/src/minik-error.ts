import { exitCodes, type ExitCode } from './exit-codes.js';

/** An expected failure: `message` completes "Exiting due to …", `details` are printed below it. */
export class MinikError extends Error {
  override readonly name = 'MinikError';

  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly details: readonly string[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The prefix of the line an error is reported with, minikube's wording. */
export const errorPrefix = '❌  Exiting due to ';

/** The lines printed for a failure, and the exit code to leave with. */
export function describeFailure(error: unknown): { lines: string[]; exitCode: number } {
  if (error instanceof MinikError) {
    return { lines: [errorPrefix + error.message, ...error.details], exitCode: error.exitCode };
  }
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  return {
    lines: [`${errorPrefix}an unexpected error:`, ...detail.split('\n').map((line) => `    ${line}`)],
    exitCode: exitCodes.failure,
  };
}
