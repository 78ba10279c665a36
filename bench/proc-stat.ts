import { readdirSync, readFileSync } from 'node:fs';

/** Linux counts process CPU time in USER_HZ ticks: 100 a second. */
export const TICKS_PER_S = 100;

/** CPU ticks (user + system) a process has used so far, or null when it is gone. */
export function processTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces: utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** A process and its direct children (PostgreSQL works in one backend per connection). */
export function processTreeTicks(pid: number): number | null {
  const own = processTicks(pid);
  if (own === null) return null;
  let sum = own;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid) sum += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return sum;
}

/** The whole machine's busy and total ticks since boot (all cores). */
export function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - line[3]! - line[4]!, total };
}
