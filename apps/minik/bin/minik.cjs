#!/usr/bin/env node
'use strict';
// The bundled CLI, compiled with a V8 code cache (src/launch.ts, @minik/code-cache).
require('../dist/launch.cjs');
