import { chmod, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dir.js';
import { writeFileAtomic } from './write-file-atomic.js';

describe('writeFileAtomic', () => {
  const tempDir = useTempDirs();

  it('creates missing directories and the file with the given mode', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a', 'b', 'config');
    await writeFileAtomic(path, 'hello', { mode: 0o600 });
    expect(await readFile(path, 'utf8')).toBe('hello');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('replaces a file keeping its mode and leaves no temporary file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'config');
    await writeFile(path, 'old');
    await chmod(path, 0o640);
    await writeFileAtomic(path, 'new', { mode: 0o600 });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('writes through a symlink instead of replacing it', async () => {
    const dir = await tempDir();
    const target = join(dir, 'real-config');
    const link = join(dir, 'config');
    await writeFile(target, 'old');
    await symlink(target, link);
    await writeFileAtomic(link, 'new');
    expect(await readlink(link)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('new');
  });
});
