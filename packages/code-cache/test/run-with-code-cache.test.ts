import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const runner = fileURLToPath(new URL('../src/run-with-code-cache.cjs', import.meta.url));

describe('runWithCodeCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    writeFileSync(join(dir, 'bundle.cjs'), "const { join } = require('node:path'); module.exports = 1; console.log(join('a', 'b'), __filename.endsWith('bundle.cjs'), process.argv.slice(2).join(' '));\n");
    writeFileSync(join(dir, 'bin.cjs'), `require(${JSON.stringify(runner)}).runWithCodeCache(${JSON.stringify(join(dir, 'bundle.cjs'))}, 'test-cli');\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [join(dir, 'bin.cjs'), ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const cacheDir = () => join(dir, 'cache', 'test-cli');

  it('runs the bundle as a CommonJS module and keeps one cache per command, written once', () => {
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    expect(run(env, 'get', 'pods')).toMatchObject({ status: 0, stdout: 'a/b true get pods\n', stderr: '' });
    const [file] = readdirSync(cacheDir());
    expect(file).toMatch(new RegExp(`^${process.version.replace(/\./g, '\\.')}-\\d+-\\d+-get\\.v8cache$`));
    const written = statSync(join(cacheDir(), file!)).mtimeMs;
    expect(run(env, 'get', 'pods').stdout).toBe('a/b true get pods\n');
    expect(statSync(join(cacheDir(), file!)).mtimeMs).toBe(written);
    run(env, '--flag', 'version');
    expect(readdirSync(cacheDir()).sort()).toEqual([file, file!.replace('-get.', '-version.')].sort());
  });

  it('runs without a cache when it cannot write one', () => {
    writeFileSync(join(dir, 'not-a-dir'), '');
    expect(run({ XDG_CACHE_HOME: join(dir, 'not-a-dir') }, 'get')).toMatchObject({ status: 0, stdout: 'a/b true get\n', stderr: '' });
  });
});
