import { CliError } from '../cli/cli-error.js';
import type { FlagSet } from '../cli/flag-set.js';

/** kubectl's --dry-run strategies. */
export type DryRun = 'none' | 'client' | 'server';

/** Adds `--dry-run` (bare `--dry-run` means "unchanged", which kubectl treats as client). */
export function addDryRunFlag(f: FlagSet): void {
  f.add({
    name: 'dry-run',
    type: 'string',
    default: 'none',
    noOptDefault: 'unchanged',
    usage:
      'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  });
}

/** kubectl's GetDryRunStrategy. */
export function dryRunStrategy(f: FlagSet, warn: (text: string) => void): DryRun {
  const value = f.getString('dry-run');
  switch (value) {
    case '':
    case 'none':
    case 'false':
      return 'none';
    case 'client':
      return 'client';
    case 'server':
      return 'server';
    case 'true':
    case 'unchanged':
      warn('W0000 --dry-run is deprecated and can be replaced with --dry-run=client.\n');
      return 'client';
    default:
      throw new CliError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  }
}

/** The suffix kubectl adds to messages: ` (dry run)` or ` (server dry run)`. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}
