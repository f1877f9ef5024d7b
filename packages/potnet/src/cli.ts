/**
 * The potnet binary (bundled into dist/potnet.cjs, run by bin/potnet): the
 * command on the process's arguments, fds and PATH.
 */
import { runPotnetCli } from './cli-main.js';
import { processIO } from './stdio.js';

process.exitCode = runPotnetCli(process.argv.slice(2), processIO());
// Everything was written synchronously: no need to wait for node's teardown.
process.exit();
