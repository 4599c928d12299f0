#!/usr/bin/env node
// Entry of the `themelens` command (the command-line contract in the README).
import type { Io } from './commands';
import { run } from './run';

const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
// `themelens report ... | head -1`: the reader went away. Nothing is wrong with the data; end quietly, not
// with a stack trace. (Writes to files go through their own streams and keep their own errors.)
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
