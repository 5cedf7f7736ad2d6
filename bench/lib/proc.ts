/** CPU time and memory of another process, read from /proc (Linux). */
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface ProcSample {
  /** Time of the sample (performance.now()). */
  at: number;
  /** User + system CPU time consumed so far, in ms. */
  cpuMs: number;
  /** Resident set size, in bytes. */
  rssBytes: number;
}

/** Reads the CPU time and RSS of `pid` now. */
export function sampleProcess(pid: number): ProcSample {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { at: performance.now(), cpuMs: ((utime + stime) * 1000) / TICKS_PER_SECOND, rssBytes: rssKb * 1024 };
}

/** CPU use between two samples, as a fraction of one core. */
export function cpuShare(from: ProcSample, to: ProcSample): number {
  return to.at > from.at ? (to.cpuMs - from.cpuMs) / (to.at - from.at) : 0;
}

/** The same for this process, from process.cpuUsage(). */
export function selfCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
