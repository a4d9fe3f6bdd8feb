import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent by the bench server process and by the PostgreSQL backends serving one
 * database, read from /proc (Linux). On a shared machine throughput moves with the
 * neighbours' load; the CPU time a request costs moves much less.
 */
const TICK_MS = 10; // CLK_TCK 100

function ticks(pid: string | number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

/** Milliseconds of CPU so far: the server process (all threads) and the database's backends. */
export function cpuNow(serverPid: number, database: string | undefined) {
  let backends = 0;
  if (database) {
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      let cmd = '';
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (cmd.startsWith('postgres: ') && cmd.includes(` ${database} `)) backends += ticks(pid);
    }
  }
  return { serverMs: ticks(serverPid) * TICK_MS, databaseMs: backends * TICK_MS };
}
