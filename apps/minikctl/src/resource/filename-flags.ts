import type { FlagSet } from '../cli/flag-set.js';

/** Adds kubectl's `-f/--filename` and `-R/--recursive` flags. */
export function addFilenameFlags(f: FlagSet, usage: string): void {
  f.stringSlice('filename', 'f', [], `Filename, directory, or URL to files ${usage}`).bool(
    'recursive',
    'R',
    false,
    'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
  );
}
