import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Mode of a newly created file; an existing file keeps its own. */
  mode?: number;
}

/**
 * Writes a file so that readers see either the old or the new content, never a partial one:
 * the data goes to a temporary file in the same directory, is flushed, then renamed over the
 * target. Missing directories are created; a symlinked target is written through (kubeconfig
 * files are often symlinks into a dotfiles repository).
 */
export async function writeFileAtomic(
  path: string,
  data: string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const directory = dirname(target);
  await mkdir(directory, { recursive: true });
  const existingMode = await stat(target).then(
    (stats) => stats.mode & 0o777,
    () => undefined,
  );
  const mode = existingMode ?? options.mode ?? 0o644;
  const temporary = join(
    directory,
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temporary, 'wx', mode);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applies the umask; the mode of the file being replaced must survive exactly.
    await chmod(temporary, mode);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
