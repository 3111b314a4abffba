import { createFactory } from '../client/factory.js';
import { CliError, CommandUsageError } from './cli-error.js';
import { programName, type Command, type CommandContext, type Streams } from './command.js';
import { FlagSet } from './flag-set.js';
import { formatError } from './format-error.js';
import { addGlobalFlags } from './global-flags.js';
import { renderCommandHelp, renderGlobalOptions, suggestCommands } from './help.js';
import { parseCommandLine } from './parse-args.js';

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
 * Runs one command line to completion and returns the exit code: finds the command, parses the
 * flags, prints help when asked, runs the command, and prints any error the way kubectl does.
 */
export async function runCli(root: Command, options: RunCliOptions): Promise<number> {
  const newFlagSet = (command: Command): FlagSet => {
    const flags = new FlagSet();
    addGlobalFlags(flags, options.homeDir);
    command.flags?.(flags);
    return flags;
  };
  const parsed = parseCommandLine(root, options.argv, newFlagSet);
  const command = parsed.chain[parsed.chain.length - 1]!;
  const commandPath = [programName, ...parsed.chain.slice(1).map((c) => c.name)].join(' ');
  const fail = (error: unknown): number => {
    const formatted = formatError(error, commandPath);
    options.streams.err.write(formatted.text);
    return formatted.exitCode;
  };
  if (parsed.error) return fail(parsed.error);
  if (parsed.help) {
    options.streams.out.write(renderCommandHelp(parsed.chain, parsed.flags));
    return 0;
  }
  if (command === root) {
    if (parsed.args.length === 0) {
      options.streams.out.write(renderCommandHelp(parsed.chain, parsed.flags));
      return 0;
    }
    if (parsed.args[0] === 'options') {
      options.streams.out.write(renderGlobalOptions(parsed.flags));
      return 0;
    }
    const suggestions = suggestCommands(root, parsed.args[0]!);
    const hint = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '\n';
    options.streams.err.write(`error: unknown command "${parsed.args[0]}" for "${programName}"${hint}`);
    return 1;
  }
  if (!command.run) {
    if (parsed.args.length > 0) return fail(new CommandUsageError(`unknown command "${parsed.args[0]}"`));
    options.streams.out.write(renderCommandHelp(parsed.chain, parsed.flags));
    return 1;
  }
  const missing = (command.requiredFlags ?? []).filter((name) => !parsed.flags.changed(name));
  if (missing.length > 0) return fail(new CliError(`required flag(s) ${missing.map((m) => `"${m}"`).join(', ')} not set`));
  const factory = createFactory({ flags: parsed.flags, env: options.env, homeDir: options.homeDir, err: options.streams.err });
  let signal = options.signal;
  const ctx: CommandContext = {
    args: parsed.args,
    argsLenAtDash: parsed.argsLenAtDash,
    flags: parsed.flags,
    streams: options.streams,
    env: options.env,
    commandPath,
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
