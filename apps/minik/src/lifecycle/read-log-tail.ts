import { readFile } from 'node:fs/promises';

/** The last `count` non-empty lines of a log file; none when it cannot be read. */
export async function readLogTail(file: string, count = 20): Promise<string[]> {
  try {
    const text = await readFile(file, 'utf8');
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(-count);
  } catch {
    return [];
  }
}
