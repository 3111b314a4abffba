'use strict';
// CommonJS on purpose: the CLIs' bin files are CommonJS (an ES module entry starts Node's ESM
// loader, about 6 ms more per run) and this is the first thing they load.
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire, Module } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/**
 * Runs a CommonJS bundle with a V8 code cache, which Node 20 offers for scripts but has no switch
 * for (module.enableCompileCache came in Node 22): compiling a CLI's bundle was a third of a
 * small command's run. The cache lives in `$XDG_CACHE_HOME/<name>` (default `~/.cache/<name>`),
 * one file per Node version, bundle and command (the first lower-case word of the arguments),
 * each holding the functions its command ran. It is written when the process exits after a
 * command's first run, or when V8 rejected it, atomically; a cache that cannot be read or written
 * only costs the compile it would have saved.
 *
 * @param {string} bundle absolute path of the CommonJS bundle
 * @param {string} name the cache directory's name (the CLI's)
 */
function runWithCodeCache(bundle, name) {
  const source = readFileSync(bundle, 'utf8');
  const cacheFile = cacheFileOf(bundle, name);
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    // At exit the cache also holds the functions this run compiled, not only the top level.
    process.once('exit', () => writeCache(cacheFile, script));
  }
  const bundleModule = { exports: {}, filename: bundle, id: bundle };
  script.runInThisContext()(bundleModule.exports, createRequire(bundle), bundleModule, bundle, dirname(bundle));
}

function cacheFileOf(bundle, name) {
  try {
    const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    const { size, mtimeMs } = statSync(bundle);
    const command = process.argv.slice(2).find((arg) => /^[a-z][a-z-]*$/.test(arg)) ?? 'none';
    return join(base, name, `${process.version}-${size}-${Math.trunc(mtimeMs)}-${command}.v8cache`);
  } catch {
    return undefined;
  }
}

function writeCache(cacheFile, script) {
  try {
    mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    renameSync(temp, cacheFile);
  } catch {
    // A read-only or missing home: run without a cache.
  }
}

module.exports = { runWithCodeCache };
