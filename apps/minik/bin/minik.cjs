#!/usr/bin/env node
'use strict';
// The bundled CLI, compiled with a V8 code cache (see @minik/code-cache).
require('@minik/code-cache').runWithCodeCache(require('node:path').join(__dirname, '..', 'dist', 'main.cjs'), 'minik');
