import { UsageError } from './cli-error.js';
import type { Command } from './command.js';
import type { FlagDef, FlagSet } from './flag-set.js';

/**
 * Finds the command the arguments name, as cobra's Find does: leading non-flag words descend
 * into subcommands, and flags may come before, between or after them.
 */
export function findCommandChain(root: Command, argv: readonly string[], newFlagSet: (command: Command) => FlagSet): Command[] {
  const chain: Command[] = [root];
  let current = root;
  let probe = newFlagSet(current);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-') && arg !== '-') {
      if (!arg.includes('=') && takesValue(probe, arg)) i++;
      continue;
    }
    const child = current.subcommands?.find((c) => c.name === arg || c.aliases?.includes(arg));
    if (!child) break;
    chain.push(child);
    current = child;
    probe = newFlagSet(current);
  }
  return chain;
}

/** Whether a flag word consumes the next argument as its value. */
function takesValue(flags: FlagSet, arg: string): boolean {
  if (arg.startsWith('--')) {
    const def = flags.lookup(arg.slice(2));
    return def !== undefined && def.type !== 'bool' && def.noOptDefault === undefined;
  }
  // A shorthand group: the last letter decides, unless a value-taking letter comes earlier.
  for (let j = 1; j < arg.length; j++) {
    const def = flags.lookupShort(arg[j]!);
    if (!def) return false;
    if (def.type !== 'bool' && def.noOptDefault === undefined) return j === arg.length - 1;
  }
  return false;
}

/** A command line in the long form yargs reads, and what pflag would have done besides. */
export interface LongFormArgv {
  /** Positionals (command words included) as given, each flag as `--name=value`, then `--` and what follows it. */
  tokens: string[];
  /** `-h` or `--help` was given. */
  help: boolean;
}

/**
 * Rewrites a command line from kubectl's grammar (spf13/pflag) into one form yargs reads the
 * same way: `-ojson`, `-o=json`, `-o json`, `--output json` all become `--output=json`; grouped
 * booleans (`-wA`) become one token each; a flag with an optional value (`--dry-run`) gets its
 * default spelled out. yargs-parser reads `-ojson` as five booleans and gives `--dry-run` the next
 * word, so it never sees pflag's forms. Unknown flags, missing values and values pflag rejects
 * fail here with pflag's messages, in the order pflag meets them; `flags` holds what was set.
 */
export function toLongForm(flags: FlagSet, argv: readonly string[]): LongFormArgv {
  const tokens: string[] = [];
  let help = false;
  const set = (def: FlagDef, value: string): void => {
    flags.set(def, value);
    tokens.push(`--${def.name}=${protectQuotes(value)}`);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      tokens.push(...argv.slice(i));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      tokens.push(arg);
      continue;
    }
    if (arg.startsWith('--')) {
      const body = arg.slice(2);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      if (name === 'help') {
        help = true;
        continue;
      }
      const def = flags.lookup(name);
      if (!def) throw new UsageError(`unknown flag: --${name}`);
      if (eq >= 0) set(def, body.slice(eq + 1));
      else if (def.type === 'bool') set(def, 'true');
      else if (def.noOptDefault !== undefined) set(def, def.noOptDefault);
      else if (i + 1 < argv.length) set(def, argv[++i]!);
      else throw new UsageError(`flag needs an argument: --${name}`);
      continue;
    }
    // Shorthands: -abc, -ovalue, -o=value, -o value.
    let j = 1;
    while (j < arg.length) {
      const letter = arg[j]!;
      if (letter === 'h') {
        help = true;
        j++;
        continue;
      }
      const def = flags.lookupShort(letter);
      if (!def) throw new UsageError(`unknown shorthand flag: '${letter}' in ${arg}`);
      const remainder = arg.slice(j + 1);
      if (remainder.startsWith('=')) {
        set(def, remainder.slice(1));
        break;
      }
      if (def.type === 'bool') {
        set(def, 'true');
        j++;
        continue;
      }
      if (remainder !== '') {
        set(def, remainder);
        break;
      }
      if (def.noOptDefault !== undefined) set(def, def.noOptDefault);
      else if (i + 1 < argv.length) set(def, argv[++i]!);
      else throw new UsageError(`flag needs an argument: '${letter}' in -${letter}`);
      break;
    }
  }
  return { tokens, help };
}

/**
 * yargs-parser takes one pair of matching quotes off a flag's value (`--x="a"` reads as `a`);
 * pflag keeps them. A value that starts and ends with the same quote (a lone `"` too) gets a
 * second pair for yargs to take off.
 */
function protectQuotes(value: string): string {
  const first = value[0];
  return (first === '"' || first === "'") && value.endsWith(first) ? `${first}${value}${first}` : value;
}
