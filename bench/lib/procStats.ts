import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let clockTicks: number | undefined;

/** Kernel clock ticks per second, the unit of CPU times in /proc/<pid>/stat. */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU seconds a process has used so far, read from /proc (10 ms resolution). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses, so fields are counted after its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / ticksPerSecond();
}

/** A process's resident memory now and at its peak (VmRSS, VmHWM), in bytes. */
export interface MemoryReading {
  readonly rssBytes: number;
  readonly peakRssBytes: number;
}

/** Reads VmRSS and VmHWM of a process from /proc/<pid>/status. */
export function memory(pid: number): MemoryReading {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : Number.NaN;
  };
  return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
}

/**
 * Seconds the process's main thread has spent runnable but waiting for a CPU (/proc/<pid>/schedstat): on a
 * busy machine this is the time other work took from it, which shows as latency no code change removes.
 */
export function runQueueWaitSeconds(pid: number): number {
  const [, waitNs] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/);
  return Number(waitNs) / 1e9;
}

/** CPU seconds and run-queue wait of one process over a window: create it at the start, `stop` at the end. */
export function processMeter(pid: number): { stop(): { cpuSeconds: number; runQueueWaitSeconds: number } } {
  const cpuBefore = cpuSeconds(pid);
  const waitBefore = runQueueWaitSeconds(pid);
  return { stop: () => ({ cpuSeconds: cpuSeconds(pid) - cpuBefore, runQueueWaitSeconds: runQueueWaitSeconds(pid) - waitBefore }) };
}
