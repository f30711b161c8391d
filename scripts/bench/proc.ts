/**
 * CPU time and memory of another process, read from /proc (Linux): process.cpuUsage()
 * sees only the calling process, and the bench runs the gateway and the subgraphs in
 * processes of their own so that their CPU can be told apart.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** USER_HZ, the unit of utime and stime in /proc/<pid>/stat (100 on practically every Linux). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU time (user + system) the process has used so far, in ms; resolution one clock tick (10 ms). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may contain spaces: count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / clockTicks();
}

/** Resident set size now (VmRSS) and the process's peak so far (VmHWM), in MB. */
export function memoryMb(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** One RSS sample of one process. */
export interface RssSample {
  /** Seconds since the sampler started. */
  t: number;
  mb: number;
}

/**
 * Samples the RSS of some processes at a fixed interval while a load runs, so the peak
 * under load (and, in the soak, the trend) is seen, not only the value at the end.
 */
export class RssSampler {
  readonly samples = new Map<string, RssSample[]>();
  private readonly timer: NodeJS.Timeout;
  private readonly started = performance.now();

  constructor(private readonly pids: Record<string, number>, intervalMs = 250) {
    for (const name of Object.keys(pids)) this.samples.set(name, []);
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    const t = (performance.now() - this.started) / 1000;
    for (const [name, pid] of Object.entries(this.pids)) {
      try {
        this.samples.get(name)!.push({ t, mb: memoryMb(pid).rss });
      } catch {
        // The process has gone; its exit is reported by whoever started it.
      }
    }
  }

  /** Stops sampling; the peak RSS per process in MB. */
  stop(): Record<string, number> {
    clearInterval(this.timer);
    this.sample();
    return Object.fromEntries([...this.samples].map(([name, xs]) => [name, Math.max(0, ...xs.map((x) => x.mb))]));
  }
}
