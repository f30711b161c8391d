/**
 * npm run measure:monitoring [-- --inwoners 10000,100000 --herhalingen 20 --opwarmen 3]
 * What the monitoring queries cost as the data grows (issue 8): for each scale, boots the
 * stack in process (PGlite, or a new database on TEST_DATABASE_URL) with that many
 * residents, then runs every query of scripts/monitoring-queries.ts a few times to warm
 * up and `herhalingen` times measured, through the gateway with the entry's role. Reports
 * the seed time, p50/p95/max latency and the SQL statements per request, in total and per
 * subgraph (test/support/statements.ts), and whether those counts are the same at every
 * scale. Prints a markdown table and writes it with the raw figures to
 * bench/results/monitoring-<date>-<database>.{md,json}. Reports only, asserts nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { bootStack } from '../test/support/stack';
import { meet, StatementsPerSubgraph, tokenVoor, type Teller } from '../test/support/statements';
import { MONITORING_QUERIES } from './monitoring-queries';

const { values } = parseArgs({
  options: { inwoners: { type: 'string', default: '10000,100000' }, herhalingen: { type: 'string', default: '20' }, opwarmen: { type: 'string', default: '3' } },
});
const schalen = values.inwoners.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
const herhalingen = Number(values.herhalingen);
const opwarmen = Number(values.opwarmen);
if (schalen.some((n) => !Number.isInteger(n) || n < 10 || n > 100_000) || !Number.isInteger(herhalingen) || herhalingen < 1 || !Number.isInteger(opwarmen) || opwarmen < 0) {
  console.error('Usage: npm run measure:monitoring -- [--inwoners 10000,100000 (each 10..100000)] [--herhalingen >=1] [--opwarmen >=0]');
  process.exit(2);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => n.toFixed(1);
type PerSubgraph = Partial<Record<Teller, number>>;
/** "5" when every run gave the same count, "5-7" otherwise. */
const bereik = (xs: number[]) => (Math.min(...xs) === Math.max(...xs) ? String(xs[0]) : `${Math.min(...xs)}-${Math.max(...xs)}`);
const perSubgraphTekst = (runs: PerSubgraph[]) => {
  const namen = [...new Set(runs.flatMap((r) => Object.keys(r)))].sort() as Teller[];
  return namen.map((n) => `${n} ${bereik(runs.map((r) => r[n] ?? 0))}`).join(', ') || '-';
};

interface Regel {
  naam: string;
  rol: string;
  inwoners: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  statements: string;
  perSubgraph: string;
  /** Statement counts of the measured runs (for the JSON and the flat check). */
  runs: Array<{ totaal: number; perSubgraph: PerSubgraph }>;
  fout?: string;
}
interface Schaal {
  inwoners: number;
  database: string;
  migrateS: number;
  seedS: number;
  startS: number;
  seeded: Record<string, unknown>;
  maxRssMb: number;
  /** 1-minute load average of the machine before and after the queries: other work skews latencies. */
  load: [number, number];
}

const regels: Regel[] = [];
const schaalInfo: Schaal[] = [];
let database = '';
for (const inwoners of schalen) {
  process.stderr.write(`[${inwoners}] seeding ${inwoners} residents and starting the stack...\n`);
  const teller = new StatementsPerSubgraph();
  const stack = await bootStack({ inwoners, onQuery: teller.onQuery });
  teller.attach(stack.platform);
  database = stack.database.kind;
  const { migrateMs, seedMs, startMs } = stack.timings;
  process.stderr.write(`[${inwoners}] ${database}: migrated in ${(migrateMs / 1000).toFixed(1)} s, seeded in ${(seedMs / 1000).toFixed(1)} s, started in ${(startMs / 1000).toFixed(1)} s\n`);
  const loadVoor = loadavg()[0]!;
  try {
    for (const q of MONITORING_QUERIES) {
      const token = await tokenVoor(stack, q);
      const regel: Regel = { naam: q.naam, rol: q.organisatie ? `${q.rol} (${q.organisatie})` : q.rol, inwoners, p50: null, p95: null, max: null, statements: '-', perSubgraph: '-', runs: [] };
      regels.push(regel);
      const latencies: number[] = [];
      for (let i = 0; i < opwarmen + herhalingen; i++) {
        const m = await meet(stack, teller, q, token);
        if (m.errors) {
          regel.fout = m.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim()).join('; ').slice(0, 200);
          process.stderr.write(`[${inwoners}] ${q.naam}: ERROR ${regel.fout}\n`);
          break;
        }
        if (i >= opwarmen) {
          latencies.push(m.ms);
          regel.runs.push({ totaal: m.totaal, perSubgraph: m.perSubgraph });
        }
        if (process.stderr.isTTY) process.stderr.write(`\r[${inwoners}] ${q.naam}: ${i + 1}/${opwarmen + herhalingen} (${ms(m.ms)} ms)   `);
      }
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (latencies.length > 0) {
        latencies.sort((a, b) => a - b);
        Object.assign(regel, {
          p50: pct(latencies, 50), p95: pct(latencies, 95), max: latencies[latencies.length - 1]!,
          statements: bereik(regel.runs.map((r) => r.totaal)), perSubgraph: perSubgraphTekst(regel.runs.map((r) => r.perSubgraph)),
        });
        process.stderr.write(`[${inwoners}] ${q.naam}: p50 ${ms(regel.p50!)} ms, ${regel.statements} statements (${regel.perSubgraph})\n`);
      }
    }
  } finally {
    await stack.stop();
  }
  const { inwoners: _n, ...seeded } = stack.seeded[0]!;
  schaalInfo.push({
    inwoners, database, migrateS: migrateMs / 1000, seedS: seedMs / 1000, startS: startMs / 1000,
    seeded: seeded as Record<string, unknown>, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), load: [loadVoor, loadavg()[0]!],
  });
}

/** Per query: the same statement count per subgraph at every scale? */
const vlak = (naam: string) => {
  const perSchaal = regels.filter((r) => r.naam === naam && !r.fout).map((r) => JSON.stringify(r.runs.map((x) => x.perSubgraph)));
  const alle = perSchaal.flatMap((s) => JSON.parse(s) as PerSubgraph[]).map((x) => JSON.stringify(x));
  if (perSchaal.length < schalen.length) return 'n/a (error)';
  return new Set(alle).size === 1 ? 'yes' : 'NO';
};

const nu = new Date();
const lines: string[] = [];
lines.push(`# Monitoring queries: latency and SQL statements (${database})`, '');
lines.push(`${nu.toISOString()} · ${database} · Node ${process.version} · ${cpus().length} CPUs · ${herhalingen} measured runs after ${opwarmen} warm-up runs per query, sequential, through the gateway.`, '');
lines.push('## Seed and boot per scale', '');
lines.push('| residents | migrate s | seed s | start s | toewijzingen | ondersteuningen | hh-indicaties | hulpvragen | max RSS so far MB | load before/after queries |');
lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const s of schaalInfo) {
  lines.push(`| ${s.inwoners} | ${s.migrateS.toFixed(1)} | ${s.seedS.toFixed(1)} | ${s.startS.toFixed(1)} | ${s.seeded.toewijzingen} | ${s.seeded.ondersteuningen} | ${s.seeded.hhIndicaties} | ${s.seeded.hulpvragen} | ${s.maxRssMb} | ${s.load.map((l) => l.toFixed(1)).join(' / ')} |`);
}
lines.push('', '## Latency and statements per request', '');
lines.push('| query | role | residents | p50 ms | p95 ms | max ms | statements | per subgraph | flat |');
lines.push('|---|---|---:|---:|---:|---:|---:|---|---|');
for (const r of regels) {
  const cijfers = r.fout ? `ERROR: ${r.fout} | | | | ` : `${ms(r.p50!)} | ${ms(r.p95!)} | ${ms(r.max!)} | ${r.statements} | ${r.perSubgraph}`;
  lines.push(`| ${r.naam} | ${r.rol} | ${r.inwoners} | ${cijfers} | ${vlak(r.naam)} |`);
}
lines.push('', '"flat": the same statements per subgraph in every measured run at every scale. Statements are attributed to the subgraph whose request issued them.');
const md = lines.join('\n');
console.log(`\n${md}`);

const dir = new URL('../bench/results/', import.meta.url);
mkdirSync(dir, { recursive: true });
const stamp = nu.toISOString().slice(0, 19).replace(/[:T]/g, '-');
const base = new URL(`monitoring-${stamp}-${database}`, dir);
writeFileSync(`${base.pathname}.md`, `${md}\n`);
writeFileSync(`${base.pathname}.json`, `${JSON.stringify({ datum: nu.toISOString(), database, node: process.version, cpus: cpus().length, herhalingen, opwarmen, schalen: schaalInfo, regels }, null, 2)}\n`);
process.stderr.write(`\nWritten: ${base.pathname}.md and .json\n`);
