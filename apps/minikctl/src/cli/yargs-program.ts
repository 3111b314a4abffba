import yargs, { type Arguments, type Argv } from 'yargs';
import { programName, type Command } from './command.js';
import type { FlagDef, FlagSet } from './flag-set.js';
import { globalFlagNames } from './global-flags.js';

/** The command yargs routed a command line to, with its flags and arguments as yargs parsed them. */
export interface Invocation {
  /** Root first, the routed command last. */
  chain: Command[];
  /** Global and command flags, set from yargs' values. */
  flags: FlagSet;
  /** Positional arguments after the command words, then those after `--`. */
  args: string[];
  /** Number of arguments before `--`, or -1 when there was none (cobra's ArgsLenAtDash). */
  argsLenAtDash: number;
}

/**
 * How yargs must read minikctl's long-form command lines (see toLongForm): every value as the
 * text given, since pflag's rules convert it (Go bools, ints, durations, CSV slices); repeated
 * flags collected one value per use; `--no-headers` a flag of its own, not `headers=false`.
 */
const parserConfiguration = {
  'boolean-negation': false,
  'camel-case-expansion': false,
  'dot-notation': false,
  'duplicate-arguments-array': true,
  'greedy-arrays': false,
  'parse-numbers': false,
  'parse-positional-numbers': false,
  'populate--': true,
  'short-option-groups': false,
} as const;

/** Keys of yargs' arguments that are not flags. */
const notFlags = new Set(['_', '$0', '--']);

/**
 * Runs a long-form command line through a yargs program built from the command tree: yargs
 * routes it to a command (subcommands declared in their parent's builder, so only the routed
 * branch is built), parses the global and command flags, and calls `run` with the invocation.
 * Help and errors stay kubectl's, so yargs' own help, version and failure output are off.
 */
export async function runYargsProgram(
  root: Command,
  tokens: readonly string[],
  newFlagSet: (command: Command) => FlagSet,
  run: (invocation: Invocation) => Promise<void>,
): Promise<void> {
  const dashGiven = tokens.includes('--');
  const handle = (chain: Command[]) => (argv: Arguments) => run(toInvocation(chain, argv, newFlagSet(chain[chain.length - 1]!), dashGiven));
  const rootFlags = newFlagSet(root);
  const program = yargs([...tokens])
    .scriptName(programName)
    .help(false)
    .version(false)
    .exitProcess(false)
    .parserConfiguration(parserConfiguration)
    .fail((message, error) => {
      throw error ?? new Error(message);
    })
    .options(optionsOf(rootFlags.definitions(), true))
    .command({ command: '$0', describe: false, handler: handle([root]) });
  addSubcommands(program, [root], newFlagSet, handle);
  skipHelpCache(program);
  await program.parseAsync();
}

function addSubcommands(
  program: Argv,
  parents: Command[],
  newFlagSet: (command: Command) => FlagSet,
  handle: (chain: Command[]) => (argv: Arguments) => Promise<void>,
): void {
  for (const command of parents[parents.length - 1]!.subcommands ?? []) {
    const chain = [...parents, command];
    program.command({
      command: command.name,
      aliases: command.aliases ? [...command.aliases] : [],
      describe: command.hidden ? false : command.short,
      builder: (sub: Argv) => {
        const own = newFlagSet(command)
          .definitions()
          .filter((def) => !globalFlagNames.has(def.name));
        sub.options(optionsOf(own, false));
        addSubcommands(sub, chain, newFlagSet, handle);
        return sub;
      },
      handler: handle(chain),
    });
  }
}

/** yargs options for pflag flags: text values, arrays for the repeatable kinds. */
function optionsOf(defs: readonly FlagDef[], global: boolean): Record<string, { type: 'string' | 'array'; string: true; global: boolean }> {
  const options: Record<string, { type: 'string' | 'array'; string: true; global: boolean }> = {};
  for (const def of defs) {
    const repeatable = def.type === 'stringArray' || def.type === 'stringSlice';
    options[def.name] = { type: repeatable ? 'array' : 'string', string: true, global };
  }
  return options;
}

function toInvocation(chain: Command[], argv: Arguments, flags: FlagSet, dashGiven: boolean): Invocation {
  for (const [key, value] of Object.entries(argv)) {
    if (notFlags.has(key)) continue;
    const def = flags.lookup(key);
    if (!def) continue;
    for (const text of Array.isArray(value) ? value : [value]) flags.set(def, String(text));
  }
  // yargs keeps the command words at the front of `_`.
  const args = argv._.slice(chain.length - 1).map(String);
  const argsLenAtDash = dashGiven ? args.length : -1;
  // yargs leaves `--` out when nothing follows it.
  args.push(...((argv['--'] as unknown[] | undefined) ?? []).map(String));
  return { chain, flags, args, argsLenAtDash };
}

/**
 * After a command's handler starts, yargs renders that command's help text in case a later
 * failure shows it (usage.cacheHelpMessage). minikctl prints kubectl's help, never yargs', so
 * the rendering is skipped.
 */
function skipHelpCache(program: Argv): void {
  const internal = (program as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage(): void } } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (usage) usage.cacheHelpMessage = () => {};
}
