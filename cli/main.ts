#!/usr/bin/env node
// Entry of the `themelens` command (DESIGN.md section 6).
import type { Io } from './commands';
import { run } from './run';

const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
