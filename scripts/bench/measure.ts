/**
 * One measurement: one query on one target at one scale. First a few requests one at a
 * time, each checked (HTTP 200, no GraphQL errors, the data the query is for) and its SQL
 * statements counted exactly; a query that fails there is reported as failed and not
 * loaded. Then a warm-up load (JIT, plan caches, connection pools), then the measured
 * load, with the CPU time of the gateway and subgraph processes (from /proc) and the
 * bench itself before and after, and their RSS sampled during it.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { cpuMs, RssSampler } from './proc';
import { runLoad, type LoadResult } from './load';
import type { StatementCount } from './protocol';
import type { Route, ScaleProcesses, TargetName } from './targets';
import type { BenchQuery, QueryName } from './queries';

export interface Sample {
  /** SQL statements of one request (the last sample), in total and per subgraph. */
  statements: number;
  perSubgraph: StatementCount['perSubgraph'];
  /** The count of each sample request. */
  statementCounts: number[];
  /** The same count in every sample request. */
  statementsStable: boolean;
  /** Latency of the sample requests, one at a time, in ms. */
  latencyMs: number[];
  bytes: number;
  /** SHA-256 of the answer's data with keys sorted: compared across targets (the report holds no answers). */
  answer: string;
}

export interface Measurement {
  scale: number;
  target: TargetName;
  query: QueryName;
  /**
   * ok; errors: the load run had failed requests or error answers; too slow: no response
   * arrived within the run (each connection's first request took longer); failed: the
   * sample failed, no load.
   */
  outcome: 'ok' | 'errors' | 'too slow' | 'failed';
  note?: string;
  sample?: Sample;
  /** Whether the answer equals the platform's (null: nothing to compare with, or a mutation). */
  sameAnswer?: boolean | null;
  load?: LoadResult;
  /**
   * CPU ms per request sent in the load (work of requests in flight at the end included):
   * gateway process (null for direct), subgraph host, the bench (autocannon).
   */
  cpuMsPerRequest?: { gateway: number | null; subgraphs: number; bench: number };
  /** All statements of the load divided by the requests sent (a cross-check of the sample count). */
  statementsPerRequest?: number;
  /** New TCP connections to the subgraphs per request sent (0 when the caller keeps them alive). */
  subgraphConnectionsPerRequest?: number;
  /** Peak RSS during the load in MB. */
  rssPeakMb?: { gateway: number | null; subgraphs: number };
}

export interface Phases {
  sampleRequests: number;
  warmupS: number;
  durationS: number;
  /** A fixed number of requests per measurement instead of durationS. */
  requests?: number;
  connections: number;
}

/** Keys sorted, so two answers compare equal whatever order a gateway wrote the fields in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

async function post(route: Route): Promise<{ status: number; text: string; ms: number }> {
  const change = route.request.vary?.() ?? {};
  const started = performance.now();
  const res = await fetch(route.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...route.request.headers, ...change.headers },
    body: change.body ?? route.request.body,
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

/**
 * Waits until the subgraphs have gone quiet, and returns the SQL statements they ran and
 * the connections they accepted meanwhile: a load run ends with requests in flight (autocannon drops the connections,
 * the servers finish the work), which belong to that run, not to the next phase. At most 30 s.
 */
export async function settle(processes: ScaleProcesses): Promise<{ statements: number; connections: number }> {
  const deadline = Date.now() + 30_000;
  let quiet = 0;
  const sum = { statements: 0, connections: 0 };
  while (quiet < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    const { total, connections } = await processes.host.request<StatementCount>({ type: 'statements' });
    sum.statements += total;
    sum.connections += connections;
    quiet = total === 0 ? quiet + 1 : 0;
  }
  return sum;
}

/** The sample requests; throws with a reason when an answer is not what the query is for. */
async function sample(q: BenchQuery, route: Route, processes: ScaleProcesses, count: number): Promise<Sample> {
  const counts: StatementCount[] = [];
  const latencyMs: number[] = [];
  let last: { text: string; data: unknown } = { text: '', data: undefined };
  for (let i = 0; i < count; i++) {
    await processes.host.request<StatementCount>({ type: 'statements' });
    const res = await post(route);
    counts.push(await processes.host.request<StatementCount>({ type: 'statements' }));
    latencyMs.push(res.ms);
    let body: { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: string } }> };
    try {
      body = JSON.parse(res.text);
    } catch {
      throw new Error(`HTTP ${res.status}, not JSON: ${res.text.slice(0, 120)}`);
    }
    if (res.status !== 200 || body.errors?.length) {
      const e = body.errors?.[0];
      throw new Error(`HTTP ${res.status}${e ? `, ${e.extensions?.code ?? ''}: ${e.message}` : ''}`.slice(0, 300));
    }
    const problem = q.check(body.data);
    if (problem) throw new Error(`answer incomplete: ${problem}`);
    last = { text: res.text, data: body.data };
  }
  const final = counts[counts.length - 1]!;
  return {
    statements: final.total,
    perSubgraph: final.perSubgraph,
    statementCounts: counts.map((c) => c.total),
    statementsStable: counts.every((c) => c.total === final.total),
    latencyMs,
    bytes: Buffer.byteLength(last.text),
    answer: createHash('sha256').update(canonical(last.data)).digest('hex'),
  };
}

/** Runs one measurement; `progress` gets a line a second while the load runs. */
export async function measure(
  scale: number, target: TargetName, q: BenchQuery, route: Route, processes: ScaleProcesses, phases: Phases,
  progress: (elapsedS: number, responses: number) => void,
): Promise<Measurement> {
  const m: Measurement = { scale, target, query: q.name, outcome: 'ok' };
  await settle(processes);
  try {
    m.sample = await sample(q, route, processes, phases.sampleRequests);
  } catch (error) {
    return { ...m, outcome: 'failed', note: (error as Error).message };
  }
  const load = (durationS: number, amount?: number, onSecond?: (s: number, r: number) => void) =>
    runLoad({ url: route.url, requests: [route.request], connections: phases.connections, durationS, amount, onSecond });
  if (phases.warmupS > 0) await load(phases.warmupS, phases.requests);

  const { host } = processes;
  const { gateway } = route;
  await settle(processes);
  const before = { gateway: gateway ? cpuMs(gateway.pid) : 0, subgraphs: cpuMs(host.pid), bench: process.cpuUsage() };
  const rss = new RssSampler({ subgraphs: host.pid, ...(gateway ? { gateway: gateway.pid } : {}) });
  const result = await load(phases.durationS, phases.requests, progress);
  const peaks = rss.stop();
  // The requests in flight at the end are finished before CPU and statements are read: all
  // the work of the requests sent, divided by the requests sent.
  const { statements, connections } = await settle(processes);
  const bench = process.cpuUsage(before.bench);
  const after = { gateway: gateway ? cpuMs(gateway.pid) : 0, subgraphs: cpuMs(host.pid) };

  const perRequest = (x: number) => (result.sent > 0 ? x / result.sent : NaN);
  m.load = result;
  m.cpuMsPerRequest = {
    gateway: gateway ? perRequest(after.gateway - before.gateway) : null,
    subgraphs: perRequest(after.subgraphs - before.subgraphs),
    bench: perRequest((bench.user + bench.system) / 1000),
  };
  m.statementsPerRequest = perRequest(statements);
  m.subgraphConnectionsPerRequest = perRequest(connections);
  m.rssPeakMb = { gateway: gateway ? peaks.gateway! : null, subgraphs: peaks.subgraphs! };
  const notes = [
    m.sample && m.statementsPerRequest < 0.9 * m.sample.statements ? 'fewer SQL statements per request under load than alone: requests deduplicated or cached?' : '',
    result.responses > 0 && result.responses < 2 * phases.connections ? `only ${result.responses} responses: RPS and percentiles are rough, use a longer --duration or fewer --connections` : '',
  ].filter(Boolean);
  if (notes.length > 0) m.note = notes.join('; ');
  const failures = result.non2xx + result.errors + result.graphqlErrors;
  if (result.responses === 0) {
    m.outcome = 'too slow';
    m.note = `no response within the run: use fewer --connections or a longer --duration`;
  } else if (failures > 0) {
    m.outcome = 'errors';
    m.note = `${result.non2xx} non-2xx, ${result.errors} errors (${result.timeouts} timeouts), ${result.graphqlErrors} GraphQL error answers${result.firstError ? `; first: ${result.firstError}` : ''}`;
  }
  return m;
}
