#!/usr/bin/env node
// `postinstall`: in a source checkout (a git clone, or the clone pre-commit installs a hook from), build
// dist/ so bin/capdrop.js runs. In the published package esbuild.mjs is not shipped and dist/ is: nothing
// to do. Not `prepare`/`prepack`: npm prints those scripts' banners on standard output during
// `npm pack`, whose standard output pre-commit reads as the tarball's name.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
if (fs.existsSync(path.join(root, 'esbuild.mjs')) && !process.env.CAPDROP_SKIP_BUILD) {
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
}
