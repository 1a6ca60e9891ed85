#!/usr/bin/env node
// dockerfile-utils' validate over every file named on the command line, in one process: the peer the
// benchmark times against `capdrop --kind dockerfile` (dockerfile-utils ships no command-line tool).
'use strict';
const fs = require('node:fs');
const { validate } = require('dockerfile-utils');

let problems = 0;
for (const file of process.argv.slice(2)) problems += validate(fs.readFileSync(file, 'utf8')).length;
process.stdout.write(`${problems} problems\n`);
