import { UsageError } from './cli-error.js';
import type { Command } from './command.js';
import { FlagSet, type FlagDef } from './flag-set.js';

/** The command a command line names, with its flags and arguments parsed. */
export interface ParsedCommandLine {
  /** Root first, the command to run last. */
  chain: Command[];
  flags: FlagSet;
  args: string[];
  argsLenAtDash: number;
  help: boolean;
  /** A flag error; the chain is still filled so the message can name the command. */
  error?: Error;
}

/**
 * Finds the command the arguments name, cobra-style: non-flag words descend into subcommands
 * (flags may come before, between or after them), then every flag is parsed with pflag's grammar
 * against the global flags plus the found command's own.
 */
export function parseCommandLine(root: Command, argv: readonly string[], newFlagSet: (command: Command) => FlagSet): ParsedCommandLine {
  const chain: Command[] = [root];
  const consumed = new Set<number>();
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
    consumed.add(i);
    current = child;
    probe = newFlagSet(current);
  }
  const flags = newFlagSet(current);
  const rest = argv.filter((_, index) => !consumed.has(index));
  try {
    const { args, argsLenAtDash, help } = parseFlags(flags, rest);
    return { chain, flags, args, argsLenAtDash, help };
  } catch (error) {
    return { chain, flags, args: [], argsLenAtDash: -1, help: false, error: error as Error };
  }
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

function parseFlags(flags: FlagSet, argv: readonly string[]): { args: string[]; argsLenAtDash: number; help: boolean } {
  const args: string[] = [];
  let argsLenAtDash = -1;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.push(arg);
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
      if (eq >= 0) flags.set(def, body.slice(eq + 1));
      else if (def.type === 'bool') flags.set(def, 'true');
      else if (def.noOptDefault !== undefined) flags.set(def, def.noOptDefault);
      else if (i + 1 < argv.length) flags.set(def, argv[++i]!);
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
      const def: FlagDef | undefined = flags.lookupShort(letter);
      if (!def) throw new UsageError(`unknown shorthand flag: '${letter}' in ${arg}`);
      const remainder = arg.slice(j + 1);
      if (remainder.startsWith('=')) {
        flags.set(def, remainder.slice(1));
        break;
      }
      if (def.type === 'bool') {
        flags.set(def, 'true');
        j++;
        continue;
      }
      if (remainder !== '') {
        flags.set(def, remainder);
        break;
      }
      if (def.noOptDefault !== undefined) flags.set(def, def.noOptDefault);
      else if (i + 1 < argv.length) flags.set(def, argv[++i]!);
      else throw new UsageError(`flag needs an argument: '${letter}' in -${letter}`);
      break;
    }
  }
  return { args, argsLenAtDash, help };
}
