/** The command line of `npm run bench`. */
import { parseArgs } from 'node:util';
import { QUERIES, type QueryName } from './queries';
import { TARGET_NAMES, type TargetName } from './targets';

export interface BenchOptions {
  inwoners: number[];
  durationS: number;
  /** Requests per measurement instead of durationS (smoke runs). */
  requests?: number;
  warmupS: number;
  connections: number;
  queries: QueryName[];
  targets: TargetName[];
  /** Seconds of mixed load on the platform after the last scale; 0: none. */
  soakS: number;
  logLevel: string;
  /** A PostgreSQL server to create the fresh databases on (DATABASE_URL); PGlite in a temp dir otherwise. */
  adminUrl?: string;
  /** Where the report goes; null writes nothing (the smoke test reads the returned report). */
  outDir: string | null;
  /** No seed progress from the subgraph host. */
  quiet: boolean;
}

export const USAGE = `npm run bench -- [options]
  --inwoners 10000,100000   scales (residents, 10..100000); each is seeded into a fresh database
  --duration 15             seconds of load per measurement (after --warmup seconds not counted)
  --warmup 3
  --requests N              send N requests per measurement instead of --duration (a smoke run)
  --connections 20
  --queries ${QUERIES.map((q) => q.name).join(',')}
  --targets ${TARGET_NAMES.join(',')}
  --soak 600                seconds of mixed load on the platform after the last scale (0: none)
  --log-level warn          of the gateway and subgraph processes (info logs a line per request)
  --out bench/results       directory of the report
  --quick                   a short smoke run: 1000 residents, 2 s per measurement, 5 connections
The database is PGlite in a temporary directory, or a new database on DATABASE_URL (dropped afterwards).`;

function list<T extends string>(value: string, allowed: readonly T[], what: string): T[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const wrong = items.filter((s) => !allowed.includes(s as T));
  if (wrong.length > 0 || items.length === 0) throw new Error(`--${what}: choose from ${allowed.join(', ')}`);
  return items as T[];
}

function positive(value: string, what: string, min: number, max: number): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${what}: a number from ${min} to ${max}`);
  return n;
}

/** Parses the arguments; throws with a message for the user. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      inwoners: { type: 'string' }, duration: { type: 'string' }, requests: { type: 'string' }, warmup: { type: 'string' }, connections: { type: 'string' },
      queries: { type: 'string' }, targets: { type: 'string' }, soak: { type: 'string' }, 'log-level': { type: 'string' },
      out: { type: 'string' }, quick: { type: 'boolean' }, help: { type: 'boolean' },
    },
  });
  if (values.help) throw new Error(USAGE);
  const quick = values.quick ?? false;
  const inwoners = (values.inwoners ?? (quick ? '1000' : '10000,100000')).split(',').map((s) => Math.round(positive(s.trim(), 'inwoners', 10, 100_000)));
  const durationS = positive(values.duration ?? (quick ? '2' : '15'), 'duration', 1, 3600);
  return {
    inwoners,
    durationS,
    requests: values.requests === undefined ? undefined : Math.round(positive(values.requests, 'requests', 1, 1_000_000)),
    warmupS: positive(values.warmup ?? (quick ? '1' : '3'), 'warmup', 0, 600),
    connections: Math.round(positive(values.connections ?? (quick ? '5' : '20'), 'connections', 1, 1000)),
    queries: list(values.queries ?? QUERIES.map((q) => q.name).join(','), QUERIES.map((q) => q.name), 'queries'),
    // Always in this order: platform first, the others are compared with it.
    targets: TARGET_NAMES.filter((t) => list(values.targets ?? TARGET_NAMES.join(','), TARGET_NAMES, 'targets').includes(t)),
    soakS: positive(values.soak ?? '0', 'soak', 0, 24 * 3600),
    logLevel: list(values['log-level'] ?? 'warn', ['fatal', 'error', 'warn', 'info', 'debug', 'silent'], 'log-level')[0]!,
    adminUrl: env.DATABASE_URL || undefined,
    outDir: values.out ?? 'bench/results',
    quiet: false,
  };
}
