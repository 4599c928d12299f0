import { readFileSync } from 'node:fs';

/**
 * CPU time used so far by the calling thread, in ms, where Linux tells it (/proc/thread-self);
 * null elsewhere. For the benchmark's breakdown only: on a shared machine a thread's CPU time says
 * what its work costs better than the wall clock does.
 */
export function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'latin1');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    return Number.isFinite(ticks) ? ticks * 10 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}
