import { programName, type Command } from './command.js';
import { formatDefault, type FlagSet } from './flag-set.js';
import { globalFlagNames } from './global-flags.js';

/** The root help's command groups, in kubectl's order. */
export const commandGroups = [
  'Basic Commands (Beginner):',
  'Basic Commands (Intermediate):',
  'Deploy Commands:',
  'Cluster Management Commands:',
  'Troubleshooting and Debugging Commands:',
  'Advanced Commands:',
  'Settings Commands:',
  'Other Commands:',
] as const;

/** `    -o, --output='':` then the tab-indented description, as kubectl's help lists options. */
export function formatFlags(flags: FlagSet, include: (name: string) => boolean): string {
  const blocks: string[] = [];
  for (const def of flags.definitions()) {
    if (def.hidden || !include(def.name) || def.name === 'help') continue;
    const names = def.shorthand ? `-${def.shorthand}, --${def.name}` : `--${def.name}`;
    blocks.push(`    ${names}=${formatDefault(def)}:\n\t${def.usage}\n`);
  }
  return blocks.join('\n');
}

/** Help for one command, laid out like kubectl's (description, examples, subcommands, options, usage). */
export function renderCommandHelp(chain: readonly Command[], flags: FlagSet): string {
  const command = chain[chain.length - 1]!;
  const path = [programName, ...chain.slice(1).map((c) => c.name)].join(' ');
  const isRoot = chain.length === 1;
  const parts: string[] = [];
  parts.push(`${command.long ?? command.short}\n`);
  if (command.example) parts.push(`Examples:\n${command.example}\n`);
  const visible = (command.subcommands ?? []).filter((c) => !c.hidden);
  if (isRoot) {
    for (const group of commandGroups) {
      const members = visible.filter((c) => c.group === group);
      if (members.length === 0) continue;
      parts.push(`${group}\n${members.map((c) => `  ${c.name.padEnd(15)} ${c.short}`).join('\n')}\n`);
    }
  } else if (visible.length > 0) {
    parts.push(`Available Commands:\n${visible.map((c) => `  ${c.name.padEnd(13)} ${c.short}`).join('\n')}\n`);
  }
  const own = formatFlags(flags, (name) => !globalFlagNames.has(name));
  if (own !== '' && !isRoot) parts.push(`Options:\n${own}`);
  parts.push(`Usage:\n  ${isRoot ? `${programName} [flags] [options]` : `${programName} ${command.use} [options]`}\n`);
  const trailer: string[] = [];
  if (visible.length > 0) trailer.push(`Use "${path} <command> --help" for more information about a given command.`);
  trailer.push(`Use "${programName} options" for a list of global command-line options (applies to all commands).`);
  parts.push(`${trailer.join('\n')}\n`);
  return parts.join('\n');
}

/** `minikctl options`: the global flags every command accepts. */
export function renderGlobalOptions(flags: FlagSet): string {
  return `The following options can be passed to any command:\n\n${formatFlags(flags, (name) => globalFlagNames.has(name))}`;
}

/** Levenshtein distance, as cobra's command suggestions use. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = next;
    }
  }
  return row[b.length]!;
}

/** Cobra's "Did you mean this?" candidates: close by edit distance or sharing a prefix. */
export function suggestCommands(root: Command, typed: string): string[] {
  return (root.subcommands ?? [])
    .filter((c) => !c.hidden)
    .filter((c) => distance(typed.toLowerCase(), c.name.toLowerCase()) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase()))
    .map((c) => c.name);
}
