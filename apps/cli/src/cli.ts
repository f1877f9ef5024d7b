#!/usr/bin/env node
// The pot binary's entry (bundled into dist/pot.mjs). Sets process.exitCode and
// lets Node finish writing; it never calls process.exit mid-flight.
import { processIO } from './io.js';
import { runPot } from './main.js';

process.exitCode = await runPot(process.argv.slice(2), processIO);
