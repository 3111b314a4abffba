#!/usr/bin/env node
// Runs the bundled CLI (dist/main.cjs) with a V8 code cache, which Node 20 has no switch for
// (module.enableCompileCache came in Node 22): compiling the bundle was a third of a small
// command's run. The cache lives in $XDG_CACHE_HOME/minikctl (default ~/.cache/minikctl), one
// file per Node version, bundle and command (each holds the functions its command ran); it is
// written on a command's first run and whenever V8 rejects it, atomically, and any failure to
// read or write it only costs the compile it would have saved.
// A CommonJS file: an ES module entry would start Node's ESM loader, about 6 ms more per run.
'use strict';
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire, Module } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'main.cjs');
const source = readFileSync(bundle, 'utf8');
const cacheFile = (() => {
  try {
    const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    const { size, mtimeMs } = statSync(bundle);
    const command = process.argv.slice(2).find((arg) => /^[a-z][a-z-]*$/.test(arg)) ?? 'none';
    return join(base, 'minikctl', `${process.version}-${size}-${Math.trunc(mtimeMs)}-${command}.v8cache`);
  } catch {
    return undefined;
  }
})();
let cachedData;
try {
  if (cacheFile) cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
  // At exit the cache also holds the functions this run compiled, not only the top level.
  process.once('exit', () => {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
      renameSync(temp, cacheFile);
    } catch {
      // A read-only or missing home: run without a cache.
    }
  });
}
const bundleModule = { exports: {}, filename: bundle, id: bundle };
script.runInThisContext()(bundleModule.exports, createRequire(bundle), bundleModule, bundle, dirname(bundle));
