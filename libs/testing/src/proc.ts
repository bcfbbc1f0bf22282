import { readdirSync, readFileSync } from 'node:fs';

/** What Linux says about one process right now (from /proc/<pid>/stat and /proc/<pid>/status). */
export interface ProcSample {
  /** Resident set size, bytes. */
  rss: number;
  /** Peak resident set size since the process started (VmHWM), bytes. */
  peakRss: number;
  /** User + system CPU time consumed so far, milliseconds. */
  cpuMs: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux, fixed at 100 on every architecture Node supports

/** Samples a live process; undefined when it is gone (or not on Linux). */
export function sampleProcess(pid: number): ProcSample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    return { rss: kb('VmRSS'), peakRss: kb('VmHWM'), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** Pids of the live processes whose command name (/proc/<pid>/comm) is `name`, e.g. every `postgres` backend. */
export function pidsNamed(name: string): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}
