/**
 * The benchmark's report: ratios between targets, the verdict on each target of issue 9,
 * and the markdown and JSON written to bench/results/. Reports only: nothing here fails
 * a build.
 */
import type { SeedSummary } from '../../db/seed/generate';
import type { Measurement } from './measure';
import type { BenchOptions } from './options';
import { QUERIES, type QueryName } from './queries';
import type { SoakResult } from './soak';
import { SUBGRAPH_LEGEND, TABLE_HEADER, tableRow } from './table';
import { TARGET_DESCRIPTIONS, type TargetName } from './targets';

export interface ScaleInfo {
  inwoners: number;
  database: string;
  seeded: Omit<SeedSummary, 'voorbeeldInwoner'>;
  timings: { migrateS: number; seedS: number; startS: number };
  /** Seconds until each gateway answered its health check. */
  gatewayStartS: Partial<Record<TargetName, number>>;
  unavailable: Partial<Record<QueryName, string>>;
}

/** The run's options as the report states them (no database URL or output directory). */
export type Parameters = Omit<BenchOptions, 'adminUrl' | 'outDir' | 'quiet'> & { database: string };

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  os: string;
  /** 1-minute load average before and after: other work on the machine skews every figure. */
  loadBefore: number[];
  loadAfter: number[];
}

export interface TokenCost {
  /** Gateway: verify one client JWT (ES256). */
  clientVerifyUs: number;
  /** Gateway: sign one internal token (ES256), one per subgraph fetch. */
  internalSignUs: number;
  /** Subgraph: verify one internal token. */
  internalVerifyUs: number;
}

export type Verdict = 'met' | 'not met' | 'n/a';

export interface Check {
  target: string;
  where: string;
  value: string;
  verdict: Verdict;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  parameters: Parameters;
  scales: ScaleInfo[];
  measurements: Measurement[];
  soak?: SoakResult;
  tokenCost?: TokenCost;
  ratios: RatioRow[];
  checks: Check[];
  verdicts: Array<{ target: string; verdict: Verdict }>;
}

export interface RatioRow {
  scale: number;
  query: QueryName;
  platformVsHiveRps: number | null;
  platformVsNoauthRps: number | null;
  noauthVsHiveRps: number | null;
  platformVsDirectRps: number | null;
  gatewayVsSubgraphCpu: number | null;
  gatewayCpuMs: Partial<Record<TargetName, number | null>>;
}

/** The targets of issue 9, in the order of the issue. */
export const TARGETS = {
  rpsVsHive: 'full platform ≥ 1.2× the RPS of bare Hive Gateway (flagship queries)',
  authOverhead: 'authorisation + logging on vs off ≥ 0.85 (RPS, flagship queries)',
  gatewayCpu: 'gateway CPU per request ≤ subgraphs\' CPU per request (platform)',
  sqlFlat: 'SQL statements per request do not grow with result size (same at every scale)',
  p50Scaling: 'p50 at the largest scale ≤ 1.3× p50 at the smallest (platform)',
  gatewayRss: 'gateway RSS under load ≤ 300 MB (platform)',
  soak5xx: 'soak: zero 5xx',
  soakFlat: 'soak: flat memory (gateway and subgraphs)',
} as const;

const flagship = (q: QueryName) => QUERIES.find((x) => x.name === q)?.flagship ?? false;
const fmt = (x: number | null | undefined, digits = 2) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(digits));

export function buildRatios(ms: Measurement[], scales: number[], queries: QueryName[]): RatioRow[] {
  const find = (scale: number, target: TargetName, query: QueryName) => ms.find((m) => m.scale === scale && m.target === target && m.query === query);
  const ok = (m?: Measurement) => (m?.outcome === 'ok' ? m : undefined);
  const ratio = (a?: number, b?: number) => (a != null && b != null && b > 0 ? a / b : null);
  const rows: RatioRow[] = [];
  for (const scale of scales) {
    for (const query of queries) {
      const [p, n, h, d] = (['platform', 'platform-noauth', 'hive', 'direct'] as const).map((t) => ok(find(scale, t, query)));
      if (!p && !n && !h && !d) continue;
      rows.push({
        scale, query,
        platformVsHiveRps: ratio(p?.load?.rps, h?.load?.rps),
        platformVsNoauthRps: ratio(p?.load?.rps, n?.load?.rps),
        noauthVsHiveRps: ratio(n?.load?.rps, h?.load?.rps),
        platformVsDirectRps: ratio(p?.load?.rps, d?.load?.rps),
        gatewayVsSubgraphCpu: ratio(p?.cpuMsPerRequest?.gateway ?? undefined, p?.cpuMsPerRequest?.subgraphs),
        gatewayCpuMs: { platform: p?.cpuMsPerRequest?.gateway, 'platform-noauth': n?.cpuMsPerRequest?.gateway, hive: h?.cpuMsPerRequest?.gateway },
      });
    }
  }
  return rows;
}

/** The check of one measured pair: not met when the platform's own run failed, n/a when the other side did. */
function pairCheck(target: string, where: string, platform: Measurement | undefined, other: Measurement | undefined, value: number | null, met: (v: number) => boolean): Check | null {
  if (!platform || !other) return null;
  if (platform.outcome !== 'ok') return { target, where, value: `platform run ${platform.outcome}`, verdict: 'not met' };
  if (other.outcome !== 'ok' || value == null) return { target, where, value: `${other.target} run ${other.outcome}`, verdict: 'n/a' };
  return { target, where, value: fmt(value, 3), verdict: met(value) ? 'met' : 'not met' };
}

export function buildChecks(ms: Measurement[], scales: number[], queries: QueryName[], soak?: SoakResult): Check[] {
  const find = (scale: number, target: TargetName, query: QueryName) => ms.find((m) => m.scale === scale && m.target === target && m.query === query);
  const checks: Check[] = [];
  const push = (c: Check | null) => c && checks.push(c);
  const flagships = queries.filter(flagship);
  for (const scale of scales) {
    for (const q of flagships) {
      const p = find(scale, 'platform', q);
      const where = `${scale} ${q}`;
      const h = find(scale, 'hive', q);
      push(pairCheck(TARGETS.rpsVsHive, where, p, h, p?.load && h?.load ? p.load.rps / h.load.rps : null, (v) => v >= 1.2));
      const n = find(scale, 'platform-noauth', q);
      push(pairCheck(TARGETS.authOverhead, where, p, n, p?.load && n?.load ? p.load.rps / n.load.rps : null, (v) => v >= 0.85));
      // CPU per request sent holds also when no response came within the run.
      if ((p?.outcome === 'ok' || p?.outcome === 'too slow') && p.cpuMsPerRequest) {
        const { gateway, subgraphs } = p.cpuMsPerRequest;
        checks.push({ target: TARGETS.gatewayCpu, where, value: `${fmt(gateway)} vs ${fmt(subgraphs)} ms`, verdict: gateway! <= subgraphs ? 'met' : 'not met' });
      }
    }
  }
  const [small, large] = [Math.min(...scales), Math.max(...scales)];
  for (const q of flagships) {
    const runs = scales.map((s) => find(s, 'platform', q)).filter((m): m is Measurement => Boolean(m?.sample));
    if (scales.length > 1 && runs.length === scales.length) {
      const counts = runs.map((m) => JSON.stringify(m.sample!.perSubgraph));
      const same = new Set(counts).size === 1 && runs.every((m) => m.sample!.statementsStable);
      checks.push({ target: TARGETS.sqlFlat, where: q, value: runs.map((m) => `${m.scale}: ${m.sample!.statements}`).join(', '), verdict: same ? 'met' : 'not met' });
    }
    const a = find(small, 'platform', q);
    const b = find(large, 'platform', q);
    if (small !== large && a && b) {
      const r = a.load && b.load ? b.load.latencyMs.p50 / a.load.latencyMs.p50 : null;
      checks.push(a.outcome === 'ok' && b.outcome === 'ok' && r != null
        ? { target: TARGETS.p50Scaling, where: `${q} ${large}/${small}`, value: `${fmt(r, 3)} (${fmt(b.load!.latencyMs.p50, 1)} / ${fmt(a.load!.latencyMs.p50, 1)} ms)`, verdict: r <= 1.3 ? 'met' : 'not met' }
        : { target: TARGETS.p50Scaling, where: `${q} ${large}/${small}`, value: 'a run failed', verdict: 'not met' });
    }
  }
  const platformRuns = ms.filter((m) => m.target === 'platform' && m.rssPeakMb?.gateway != null);
  if (platformRuns.length > 0) {
    const worst = platformRuns.reduce((a, b) => (b.rssPeakMb!.gateway! > a.rssPeakMb!.gateway! ? b : a));
    const peak = Math.max(worst.rssPeakMb!.gateway!, soak?.trend.gateway.peakMb ?? 0);
    checks.push({ target: TARGETS.gatewayRss, where: soak && peak > worst.rssPeakMb!.gateway! ? 'soak' : `${worst.scale} ${worst.query}`, value: `${fmt(peak, 0)} MB`, verdict: peak <= 300 ? 'met' : 'not met' });
  }
  if (soak) {
    checks.push({ target: TARGETS.soak5xx, where: `${soak.scale}, ${fmt(soak.durationS, 0)} s`, value: `${soak.status5xx} of ${soak.responses}`, verdict: soak.status5xx === 0 ? 'met' : 'not met' });
    const { gateway, subgraphs } = soak.trend;
    checks.push({
      target: TARGETS.soakFlat, where: `${soak.scale}, ${fmt(soak.durationS, 0)} s`,
      value: `gateway ${fmt(gateway.slopeMbPerMin)} MB/min, subgraphs ${fmt(subgraphs.slopeMbPerMin)} MB/min`,
      verdict: gateway.flat && subgraphs.flat ? 'met' : 'not met',
    });
  }
  return checks;
}

/** One verdict per target: met when every check is met, not met when any is not, n/a when none was measured. */
export function verdicts(checks: Check[]): Array<{ target: string; verdict: Verdict }> {
  return Object.values(TARGETS).map((target) => {
    const mine = checks.filter((c) => c.target === target);
    const verdict: Verdict = mine.some((c) => c.verdict === 'not met') ? 'not met' : mine.some((c) => c.verdict === 'met') ? 'met' : 'n/a';
    return { target, verdict };
  });
}

export function markdown(r: BenchReport): string {
  const p = r.parameters;
  const lines: string[] = [];
  lines.push(`# Benchmark ${r.startedAt}`, '');
  lines.push(`${r.machine.cpus} × ${r.machine.cpuModel}, ${fmt(r.machine.memoryGb, 0)} GB, ${r.machine.os}, Node ${r.machine.node}. Load average (1 min) before ${r.machine.loadBefore.map((x) => fmt(x)).join(' / ')}, after ${r.machine.loadAfter.map((x) => fmt(x)).join(' / ')}: the gateway, the subgraphs and autocannon share these cores, and any other work on the machine skews every figure.`, '');
  lines.push(`Parameters: residents ${p.inwoners.join(', ')}; ${p.requests ? `${p.requests} requests` : `${p.durationS} s`} per measurement after ${p.warmupS} s warm-up; ${p.connections} connections; queries ${p.queries.join(', ')}; targets ${p.targets.join(', ')}; soak ${p.soakS ? `${p.soakS} s` : 'no'}; database ${p.database}; log level ${p.logLevel}.`, '');
  lines.push('## Set-up', '');
  for (const t of p.targets) lines.push(`- **${t}**: ${TARGET_DESCRIPTIONS[t]}.`);
  lines.push('- Each process is its own: the subgraph host (all six subgraphs, guarded and unguarded, on one database), each gateway, and the bench (autocannon). CPU per request is the process\'s utime+stime from /proc over the measured run divided by the responses; RSS is sampled every 250 ms.');
  lines.push('- Before each load, 3 requests one at a time are checked (HTTP 200, no GraphQL errors, the data the query is for) and their SQL statements counted exactly; a run whose answers carry errors is reported as such. "same answer": the data equal the platform\'s.');
  lines.push(`- Child processes run with NODE_ENV=production, as deployed, with the per-client rate limit off (one token sends the whole load). ${p.database === 'pglite' ? 'The database is PGlite, which runs inside the subgraph process: "sg CPU" includes executing the SQL.' : 'The database is a separate PostgreSQL server: its CPU is in neither column.'}`, '');
  for (const q of QUERIES.filter((x) => p.queries.includes(x.name))) lines.push(`- \`${q.name}\`: ${q.description}.`);
  lines.push('', '## Seed and start-up per scale', '');
  lines.push('| residents | database | migrate s | seed s | subgraphs up s | gateways up s | toewijzingen | hh-indicaties | ondersteuningen | not runnable |');
  lines.push('|---:|---|---:|---:|---:|---|---:|---:|---:|---|');
  for (const s of r.scales) {
    const gw = Object.entries(s.gatewayStartS).map(([t, x]) => `${t} ${fmt(x, 1)}`).join(', ');
    const un = Object.entries(s.unavailable).map(([q, why]) => `${q}: ${why}`).join('; ') || '-';
    lines.push(`| ${s.inwoners} | ${s.database} | ${fmt(s.timings.migrateS, 1)} | ${fmt(s.timings.seedS, 1)} | ${fmt(s.timings.startS, 1)} | ${gw} | ${s.seeded.toewijzingen} | ${s.seeded.hhIndicaties} | ${s.seeded.ondersteuningen} | ${un} |`);
  }
  lines.push('', '## Results', '', TABLE_HEADER, ...r.measurements.map(tableRow), '', `SQL/req: statements of one request (sample), and in brackets all statements of the load divided by the requests sent. CPU per request: the process's CPU time over the load, until the requests still in flight at its end were finished, divided by the requests sent. New sg conns/req: TCP connections the subgraphs accepted per request (near 0 when the caller keeps connections alive). ${SUBGRAPH_LEGEND}`, '');
  lines.push('## Ratios', '');
  lines.push('| residents | query | platform / hive RPS | platform / platform-noauth RPS | platform-noauth / hive RPS | platform / direct RPS | gw / sg CPU (platform) | gw CPU ms/req platform · noauth · hive |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---|');
  for (const x of r.ratios) {
    const cpu = (['platform', 'platform-noauth', 'hive'] as const).map((t) => fmt(x.gatewayCpuMs[t])).join(' · ');
    lines.push(`| ${x.scale} | ${x.query} | ${fmt(x.platformVsHiveRps)} | ${fmt(x.platformVsNoauthRps)} | ${fmt(x.noauthVsHiveRps)} | ${fmt(x.platformVsDirectRps)} | ${fmt(x.gatewayVsSubgraphCpu)} | ${cpu} |`);
  }
  lines.push('', '## Targets', '');
  lines.push('| target | verdict |', '|---|---|', ...r.verdicts.map((v) => `| ${v.target} | ${v.verdict === 'met' ? 'met' : v.verdict === 'n/a' ? 'n/a (not measured)' : '**not met**'} |`));
  lines.push('', '| target | where | value | verdict |', '|---|---|---|---|', ...r.checks.map((c) => `| ${c.target} | ${c.where} | ${c.value} | ${c.verdict === 'not met' ? '**not met**' : c.verdict} |`));
  if (r.soak) {
    const s = r.soak;
    const t = (x: SoakResult['trend']['gateway']) => `${fmt(x.startMb, 0)} → ${fmt(x.endMb, 0)} MB fitted, peak ${fmt(x.peakMb, 0)} MB, ${fmt(x.slopeMbPerMin)} MB/min: ${x.flat ? 'flat' : '**growing**'}`;
    lines.push('', '## Soak', '');
    lines.push(`${fmt(s.durationS, 0)} s on the platform at ${s.scale} residents, mixed ${s.queries.join(', ')}: ${s.responses} responses (${fmt(s.rps, 1)} RPS), p50 ${fmt(s.latencyMs.p50, 1)} ms, p99 ${fmt(s.latencyMs.p99, 1)} ms; ${s.status5xx} 5xx, ${s.non2xx} non-2xx, ${s.errors} errors, ${s.graphqlErrors} GraphQL error answers${s.firstError ? ` (first: ${s.firstError})` : ''}.`, '');
    lines.push(`- gateway RSS: ${t(s.trend.gateway)}`, `- subgraphs RSS: ${t(s.trend.subgraphs)}`);
    lines.push('', 'Flat: a straight line fitted through the RSS samples after the first fifth rises less than 10 MB or 5% over the window. RSS samples (s: MB) are in the JSON.');
  }
  if (r.tokenCost) {
    const c = r.tokenCost;
    lines.push('', '## Token work (measured in the bench process)', '');
    lines.push(`Per client request the gateway verifies one client JWT (${fmt(c.clientVerifyUs, 0)} µs) and signs one internal token per subgraph it calls (${fmt(c.internalSignUs, 0)} µs each); each subgraph verifies its token (${fmt(c.internalVerifyUs, 0)} µs). The platform-noauth target keeps the gateway's part: its ratio to platform measures the subgraphs' guards (token check, field rules, processing log).`);
  }
  return `${lines.join('\n')}\n`;
}
