import type { Status } from '@minik/types';
import { ConnectionError, StatusError } from '../client/api-error.js';
import { AggregateCliError, CliError, CommandUsageError, PreformattedError, SilentExit, UsageError } from './cli-error.js';

/** What the CLI prints on stderr for a failed command, and the exit code. */
export interface FormattedError {
  text: string;
  exitCode: number;
}

/**
 * kubectl's StandardErrorMessage: `Error from server (Reason): message` for API errors and
 * `The connection to the server … was refused` for unreachable servers; undefined otherwise.
 */
export function standardErrorMessage(error: unknown): string | undefined {
  if (error instanceof StatusError) {
    const status = error.status;
    if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${status.message ?? ''})`;
    if (status.reason) return `Error from server (${status.reason}): ${error.message}`;
    return `Error from server: ${error.message}`;
  }
  if (error instanceof ConnectionError) {
    if (error.message.includes('connection refused')) {
      return `The connection to the server ${new URL(error.url).host} was refused - did you specify the right host or port?`;
    }
    return `Unable to connect to the server: ${error.message.replace(/^[A-Z][a-z]+ "[^"]*": /, '')}`;
  }
  return undefined;
}

function messageForError(error: unknown): string {
  return standardErrorMessage(error) ?? (error instanceof Error ? error.message : String(error));
}

/** The text of an Invalid (422) Status, as kubectl prints it: `The Pod "x" is invalid: field: message`. */
function invalidMessage(status: Status): string {
  const details = status.details;
  let prefix = 'The request is invalid';
  if (!details) return `${prefix}\n`;
  if (details.kind || details.name) prefix = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
  const causes = [...new Set((details.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (causes.length === 0) return `${prefix}\n`;
  if (causes.length === 1) return `${prefix}: ${causes[0]}\n`;
  return `${prefix}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

/** kubectl's cmdutil.CheckErr: the message and exit code for any error a command throws. */
export function formatError(error: unknown, commandPath: string): FormattedError {
  if (error instanceof AggregateCliError && error.errors.length === 1) return formatError(error.errors[0], commandPath);
  if (error instanceof SilentExit) return { text: '', exitCode: error.exitCode };
  if (error instanceof StatusError && error.reason === 'Invalid') return { text: invalidMessage(error.status), exitCode: 1 };
  if (error instanceof AggregateCliError) return { text: error.errors.map((e) => `${messageForError(e)}\n`).join(''), exitCode: 1 };
  if (error instanceof PreformattedError) return { text: error.text.endsWith('\n') ? error.text : `${error.text}\n`, exitCode: error.exitCode };
  if (error instanceof UsageError) return { text: `error: ${error.message}\nSee '${commandPath} --help' for usage.\n`, exitCode: 1 };
  if (error instanceof CommandUsageError) return { text: `error: ${error.message}\nSee '${commandPath} -h' for help and examples\n`, exitCode: 1 };
  const standard = standardErrorMessage(error);
  if (standard !== undefined) return { text: `${standard}\n`, exitCode: 1 };
  const message = error instanceof Error ? error.message : String(error);
  const text = message.startsWith('error: ') ? message : `error: ${message}`;
  return { text: text.endsWith('\n') ? text : `${text}\n`, exitCode: error instanceof CliError ? error.exitCode : 1 };
}
