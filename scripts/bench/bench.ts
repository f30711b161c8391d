/**
 * The benchmark run: for each scale a fresh seeded subgraph host and the gateways under
 * test, then every query on every target (targets interleaved per query, so the runs
 * compared with each other are close in time), the soak after the last scale, and the
 * report. Everything runs on loopback; each measurement is bounded by its duration.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, tmpdir, type } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDevKeys } from '../../subgraphs/shared/keys';
import { BenchAuth } from './auth';
import { measure, type Measurement, type Phases } from './measure';
import type { BenchOptions } from './options';
import { childEnv, startHive, startHost, startOurGateway } from './processes';
import { QUERIES, unavailable, type BenchQuery, type QueryName } from './queries';
import { buildChecks, buildRatios, markdown, verdicts, type BenchReport, type ScaleInfo } from './report';
import { soak, type SoakResult } from './soak';
import { TABLE_HEADER, tableRow } from './table';
import { isGatewayTarget, routeFor, type ScaleProcesses } from './targets';

/** Where the bench writes its lines: the table and progress (stdout), and a line updated in place (a terminal). */
export interface Output {
  line(text: string): void;
  status(text: string): void;
}

export const consoleOutput: Output = {
  line: (text) => {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    process.stdout.write(`${text}\n`);
  },
  status: (text) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
  },
};

interface RunContext {
  options: BenchOptions;
  tmp: string;
  auth: BenchAuth;
  out: Output;
  phases: Phases;
  measurements: Measurement[];
  /** A progress line, with the time since the start of the run. */
  say(text: string): void;
}

const seconds = (since: number) => (performance.now() - since) / 1000;
const clock = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

async function startGateways(ctx: RunContext, scale: number, host: ScaleProcesses['host'], info: ScaleInfo): Promise<ScaleProcesses['gateways']> {
  const env = childEnv(join(ctx.tmp, 'keys'), ctx.options.logLevel);
  const gateways: ScaleProcesses['gateways'] = {};
  const { guarded, unguarded } = host.ready.urls;
  for (const target of ctx.options.targets.filter(isGatewayTarget)) {
    const started = performance.now();
    const log = join(ctx.tmp, `${scale}-${target}.log`);
    gateways[target] = target === 'hive'
      ? await startHive(unguarded, env, log)
      : await startOurGateway(target, target === 'platform' ? guarded : unguarded, env, log);
    info.gatewayStartS[target] = seconds(started);
  }
  return gateways;
}

/** The reference answer of a query at a scale: the platform's, else the first target's. */
function sameAnswer(ctx: RunContext, m: Measurement, q: BenchQuery): boolean | null {
  if (q.varies || !m.sample) return null;
  const reference = ctx.measurements.find((x) => x.scale === m.scale && x.query === m.query && x.sample && x !== m);
  return reference ? reference.sample!.answer === m.sample.answer : null;
}

async function measureQuery(ctx: RunContext, scale: number, q: BenchQuery, processes: ScaleProcesses, token: string) {
  const fixtures = processes.host.ready.fixtures;
  const run = `${Date.now().toString(36)}-${scale}`;
  for (const target of ctx.options.targets) {
    const route = await routeFor(target, q, processes, ctx.auth, token, (n) => JSON.stringify(q.body(fixtures, n, `${run}-${target}`)));
    if (!route) continue;
    if (route.unguarded) await processes.host.request({ type: 'caller', caller: await ctx.auth.callerOf(token) });
    const label = `[${scale}] ${target} ${q.name}`;
    const started = performance.now();
    try {
      const m = await measure(scale, target, q, route, processes, ctx.phases, (elapsed, responses) =>
        ctx.out.status(`${label}: ${elapsed.toFixed(0)}/${ctx.phases.durationS} s, ${responses} responses (measurement started ${clock(seconds(started))} ago)`));
      m.sameAnswer = sameAnswer(ctx, m, q);
      ctx.measurements.push(m);
      ctx.out.line(tableRow(m));
    } finally {
      route.release();
    }
  }
}

async function runSoak(ctx: RunContext, scale: number, processes: ScaleProcesses, queries: BenchQuery[], tokens: Map<QueryName, string>): Promise<SoakResult | undefined> {
  const gateway = processes.gateways.platform;
  if (!gateway) {
    ctx.say('Soak skipped: it runs on the platform target, which is not among --targets.');
    return undefined;
  }
  const fixtures = processes.host.ready.fixtures;
  const run = `${Date.now().toString(36)}-soak`;
  let n = 0;
  const requests = queries.map((q) => ({
    headers: { authorization: `Bearer ${tokens.get(q.name)}` },
    body: JSON.stringify(q.body(fixtures, 0, run)),
    vary: q.varies ? () => ({ body: JSON.stringify(q.body(fixtures, ++n, run)) }) : undefined,
  }));
  ctx.say(`[${scale}] soak: ${ctx.options.soakS} s of ${queries.map((q) => q.name).join(', ')} on the platform, ${ctx.options.connections} connections`);
  return soak({
    scale, url: gateway.url, requests, queries: queries.map((q) => q.name), durationS: ctx.options.soakS, connections: ctx.options.connections,
    pids: { gateway: gateway.pid, subgraphs: processes.host.pid }, progress: (line) => ctx.say(`[${scale}] ${line}`),
  });
}

async function runScale(ctx: RunContext, scale: number, last: boolean): Promise<{ info: ScaleInfo; soak?: SoakResult }> {
  const { options, out } = ctx;
  ctx.say(`[${scale}] seeding ${scale} residents into a fresh ${options.adminUrl ? 'PostgreSQL database' : 'PGlite database'} and starting the subgraphs...`);
  const host = await startHost(
    { inwoners: scale, adminUrl: options.adminUrl, pgliteDir: options.adminUrl ? undefined : join(ctx.tmp, `pglite-${scale}`), quiet: options.quiet },
    childEnv(join(ctx.tmp, 'keys'), options.logLevel), join(ctx.tmp, `${scale}-subgraphs.log`),
  );
  const { seeded, timings, database, fixtures } = host.ready;
  const { voorbeeldInwoner: _v, ...counts } = seeded;
  const info: ScaleInfo = { inwoners: scale, database, seeded: counts, timings, gatewayStartS: {}, unavailable: {} };
  const processes: ScaleProcesses = { host, gateways: {} };
  try {
    ctx.say(`[${scale}] ${database}: migrated in ${timings.migrateS.toFixed(1)} s, seeded in ${timings.seedS.toFixed(1)} s; starting ${options.targets.filter(isGatewayTarget).join(', ') || 'no gateways'}...`);
    processes.gateways = await startGateways(ctx, scale, host, info);
    ctx.say(`[${scale}] up (${Object.entries(info.gatewayStartS).map(([t, x]) => `${t} in ${x!.toFixed(1)} s`).join(', ') || 'subgraphs only'}); measuring`);
    out.line(TABLE_HEADER);
    const queries = QUERIES.filter((q) => options.queries.includes(q.name));
    const tokens = new Map<QueryName, string>();
    const runnable: BenchQuery[] = [];
    for (const q of queries) {
      const why = unavailable(q, fixtures);
      if (why) {
        info.unavailable[q.name] = why;
        ctx.say(`[${scale}] ${q.name}: not run: ${why}`);
        continue;
      }
      tokens.set(q.name, await ctx.auth.clientToken(q.claims(fixtures)));
      runnable.push(q);
      await measureQuery(ctx, scale, q, processes, tokens.get(q.name)!);
    }
    const soakResult = last && options.soakS > 0 ? await runSoak(ctx, scale, processes, runnable, tokens) : undefined;
    return { info, soak: soakResult };
  } finally {
    for (const g of Object.values(processes.gateways)) await g.stop();
    await host.stop();
    rmSync(join(ctx.tmp, `pglite-${scale}`), { recursive: true, force: true });
  }
}

function estimateS(o: BenchOptions): number {
  const runs = o.queries.length * o.targets.length;
  return o.inwoners.length * (runs * (o.warmupS + o.durationS + 2) + 20) + o.soakS;
}

/** Runs the whole benchmark and writes the report (unless options.outDir is null). */
export async function runBench(options: BenchOptions, out: Output = consoleOutput): Promise<{ report: BenchReport; files: string[] }> {
  const startedAt = new Date();
  const tmp = mkdtempSync(join(tmpdir(), 'wmo-bench-'));
  ensureDevKeys(join(tmp, 'keys'));
  const runStart = performance.now();
  const ctx: RunContext = {
    options, tmp, out, auth: new BenchAuth(join(tmp, 'keys')), measurements: [],
    say: (text) => out.line(`[${clock(seconds(runStart))}] ${text}`),
    phases: { sampleRequests: 3, warmupS: options.warmupS, durationS: options.durationS, requests: options.requests, connections: options.connections },
  };
  const cleanUp = () => rmSync(tmp, { recursive: true, force: true });
  process.once('exit', cleanUp);
  const loadBefore = loadavg();
  out.line(`Benchmark: residents ${options.inwoners.join(', ')}; targets ${options.targets.join(', ')}; queries ${options.queries.join(', ')}; ${options.durationS} s each after ${options.warmupS} s warm-up, ${options.connections} connections${options.soakS ? `; soak ${options.soakS} s` : ''}. At most about ${Math.ceil(estimateS(options) / 60)} min plus seeding. Logs: ${tmp}`);
  try {
    const tokenCost = await ctx.auth.tokenCost();
    const scales: ScaleInfo[] = [];
    let soakResult: SoakResult | undefined;
    for (const [i, scale] of options.inwoners.entries()) {
      const r = await runScale(ctx, scale, i === options.inwoners.length - 1);
      scales.push(r.info);
      soakResult = r.soak ?? soakResult;
    }
    const checks = buildChecks(ctx.measurements, options.inwoners, options.queries, soakResult);
    const report: BenchReport = {
      startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGb: totalmem() / 2 ** 30, node: process.version, os: `${type()} ${release()}`, loadBefore, loadAfter: loadavg() },
      parameters: {
        inwoners: options.inwoners, durationS: options.durationS, requests: options.requests, warmupS: options.warmupS, connections: options.connections, queries: options.queries,
        targets: options.targets, soakS: options.soakS, logLevel: options.logLevel, database: scales[0]?.database ?? (options.adminUrl ? 'postgres' : 'pglite'),
      },
      scales, measurements: ctx.measurements, soak: soakResult, tokenCost,
      ratios: buildRatios(ctx.measurements, options.inwoners, options.queries),
      checks, verdicts: verdicts(checks),
    };
    const md = markdown(report);
    out.line(`\n${md.slice(md.indexOf('## Ratios'))}`);
    ctx.say(`done in ${clock(seconds(runStart))}`);
    return { report, files: options.outDir === null ? [] : writeReport(report, md, options.outDir) };
  } finally {
    cleanUp();
    process.off('exit', cleanUp);
  }
}

function writeReport(report: BenchReport, md: string, outDir: string): string[] {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `bench-${report.startedAt.slice(0, 19).replace(/[:T]/g, '-')}`);
  writeFileSync(`${base}.md`, md);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  return [`${base}.md`, `${base}.json`];
}
