/** The lines of a command's output, without the final newline. */
export const lines = (s: string): string[] => s.trimEnd().split('\n');

/** Collapses runs of spaces so assertions read like the column order, not the padding. */
export const cols = (s: string): string => s.replace(/ {2,}/g, ' | ');
