#!/usr/bin/env node
// Runs a command inside a network namespace with no network but loopback (unshare -rn), so a test
// suite proves the app needs no network at all. Where the machine does not allow user namespaces,
// it says so and runs the command as it is.
// Usage: node scripts/offline.mjs COMMAND [ARGS...]
import { spawnSync } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/offline.mjs COMMAND [ARGS...]');
  process.exit(2);
}
const probe = spawnSync('unshare', ['-rn', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' });
if (probe.status === 0) {
  console.log(`Running without network (unshare -rn, loopback only): ${[command, ...args].join(' ')}`);
  const r = spawnSync('unshare', ['-rn', 'sh', '-c', 'ip link set lo up && exec "$@"', 'offline', command, ...args], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
} else {
  console.log('Network namespaces are not available here (unshare -rn failed): running with the network as it is.');
  const r = spawnSync(command, args, { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
