import { createFactory } from '../client/factory.js';
import { CliError, CommandUsageError } from './cli-error.js';
import { programName, type Command, type CommandContext, type Streams } from './command.js';
import { FlagSet } from './flag-set.js';
import { formatError } from './format-error.js';
import { addGlobalFlags } from './global-flags.js';
import { renderCommandHelp, renderGlobalOptions, suggestCommands } from './help.js';
import { findCommandChain, toLongForm } from './pflag-argv.js';
import { runYargsProgram, type Invocation } from './yargs-program.js';

/** What one run of the CLI needs from its surroundings; tests pass their own. */
export interface RunCliOptions {
  argv: readonly string[];
  streams: Streams;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  /** Stops long-running commands (watch, proxy, logs -f) when aborted; may be a getter. */
  readonly signal?: AbortSignal;
}

/**
 * Runs one command line to completion and returns the exit code: rewrites kubectl's flag
 * grammar into the long form, lets the yargs program route and parse it, prints help when
 * asked, runs the command, and prints any error the way kubectl does.
 */
export async function runCli(root: Command, options: RunCliOptions): Promise<number> {
  const newFlagSet = (command: Command): FlagSet => {
    const flags = new FlagSet();
    addGlobalFlags(flags, options.homeDir);
    command.flags?.(flags);
    return flags;
  };
  const fail = (error: unknown, chain: readonly Command[]): number => {
    const formatted = formatError(error, commandPathOf(chain));
    options.streams.err.write(formatted.text);
    return formatted.exitCode;
  };
  const chain = findCommandChain(root, options.argv, newFlagSet);
  // toLongForm checks every value as pflag would, in order, for pflag's first error; the
  // command's flags are then set from what yargs parsed.
  let longForm;
  try {
    longForm = toLongForm(newFlagSet(chain[chain.length - 1]!), options.argv);
  } catch (error) {
    return fail(error, chain);
  }
  const { tokens, help } = longForm;
  let exitCode = 0;
  await runYargsProgram(root, tokens, newFlagSet, async (invocation) => {
    exitCode = await runInvocation(root, invocation, help, options, (error) => fail(error, invocation.chain));
  });
  return exitCode;
}

function commandPathOf(chain: readonly Command[]): string {
  return [programName, ...chain.slice(1).map((c) => c.name)].join(' ');
}

/** What cobra does once it has found the command: help, unknown subcommands, required flags, run. */
async function runInvocation(
  root: Command,
  invocation: Invocation,
  help: boolean,
  options: RunCliOptions,
  fail: (error: unknown) => number,
): Promise<number> {
  const { chain, flags, args } = invocation;
  const command = chain[chain.length - 1]!;
  if (help) {
    options.streams.out.write(renderCommandHelp(chain, flags));
    return 0;
  }
  if (command === root) {
    if (args.length === 0) {
      options.streams.out.write(renderCommandHelp(chain, flags));
      return 0;
    }
    if (args[0] === 'options') {
      options.streams.out.write(renderGlobalOptions(flags));
      return 0;
    }
    const suggestions = suggestCommands(root, args[0]!);
    const hint = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '\n';
    options.streams.err.write(`error: unknown command "${args[0]}" for "${programName}"${hint}`);
    return 1;
  }
  if (!command.run) {
    if (args.length > 0) return fail(new CommandUsageError(`unknown command "${args[0]}"`));
    options.streams.out.write(renderCommandHelp(chain, flags));
    return 1;
  }
  const missing = (command.requiredFlags ?? []).filter((name) => !flags.changed(name));
  if (missing.length > 0) return fail(new CliError(`required flag(s) ${missing.map((m) => `"${m}"`).join(', ')} not set`));
  const factory = createFactory({ flags, env: options.env, homeDir: options.homeDir, err: options.streams.err });
  let signal = options.signal;
  const ctx: CommandContext = {
    args,
    argsLenAtDash: invocation.argsLenAtDash,
    flags,
    streams: options.streams,
    env: options.env,
    commandPath: commandPathOf(chain),
    factory,
    // Created on first use: AbortController costs start-up time most commands do not need.
    get signal() {
      return (signal ??= new AbortController().signal);
    },
  };
  try {
    await command.run(ctx);
    return 0;
  } catch (error) {
    return fail(error);
  } finally {
    factory.close();
  }
}
