#!/usr/bin/env node
// The pot CLI's main module (bundled into dist/pot-cli.mjs, which the entry
// dist/pot.mjs loads). Sets process.exitCode and lets Node finish writing; it
// never calls process.exit mid-flight.
import { processIO } from './io.js';
import { runPot } from './main.js';

process.exitCode = await runPot(process.argv.slice(2), processIO);
