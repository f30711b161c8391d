/**
 * GET /metrics on every service: its own registry (one process hosts all seven), the
 * request, error, latency and pool series, the gateway's subgraph fetch latency, Node's
 * process metrics once, no personal data or free text in any label; METRICS_ENABLED=false.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphDeps } from '../../subgraphs/shared/deps';
import { SUBGRAPH_MODULES } from '../../subgraphs/modules';
import { closeServer, listen } from '../../subgraphs/shared/http';
import { Lifecycle } from '../../subgraphs/shared/lifecycle';
import { createLogger } from '../../subgraphs/shared/logger';
import { createSubgraphService } from '../../subgraphs/shared/subgraph';
import { bootStack, sql, type Stack } from '../support/stack';

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The samples of a Prometheus text exposition (label values here never hold quotes or commas). */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not an exposition line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return found.length === 0 ? undefined : found.reduce((sum, s) => sum + s.value, 0);
}

let stack: Stack;
let x: { id: string; bsn: string; achternaam: string };
beforeAll(async () => {
  stack = await bootStack({ inwoners: 100 });
  [x] = await stack.rows<typeof x>(sql`select id, bsn, achternaam from basisondersteuning.inwoner where bsn is not null order by id limit 1`) as [typeof x];
});
afterAll(() => stack?.stop());

const origin = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

async function metrics(graphqlUrl: string): Promise<{ text: string; samples: Sample[]; contentType: string | null }> {
  const res = await fetch(`${origin(graphqlUrl)}/metrics`);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, samples: parse(text), contentType: res.headers.get('content-type') };
}

/** A request with any method (fetch refuses some), answered or not. */
function send(url: string, method: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('metrics', () => {
  it('counts requests, errors by code and latency at the gateway, and times every subgraph call', async () => {
    const gatewayUrl = stack.platform.gatewayUrl;
    const before = (await metrics(gatewayUrl)).samples;
    const beleid = await stack.token({ rol: 'gemeente-beleid' });
    const ok = await stack.query('{ wijk(code: "WK008050") { naam clientenHuishoudelijkeHulp { onderdrukt } subsidieTotaal(jaar: 2025) { euro } } }', { token: beleid });
    expect(ok.body.errors).toBeUndefined();
    expect((await stack.query('{ wijken { code } }', { token: null })).status).toBe(401);
    const denied = await stack.query(`{ inwoner(id: "${x.id}") { bsn } }`, { token: beleid });
    const deniedCodes = (denied.body.errors ?? []).map((e) => e.extensions?.code);
    expect(deniedCodes.length).toBeGreaterThan(0);

    const { samples, contentType } = await metrics(gatewayUrl);
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    const grew = (name: string, labels: Record<string, string>) => (value(samples, name, labels) ?? 0) - (value(before, name, labels) ?? 0);
    expect(grew('http_requests_total', { route: '/graphql', method: 'POST', status: '200', service: 'gateway' })).toBe(2);
    expect(grew('http_requests_total', { route: '/graphql', method: 'POST', status: '401' })).toBe(1);
    expect(grew('http_request_duration_seconds_count', { route: '/graphql', method: 'POST' })).toBe(3);
    expect(value(samples, 'http_request_duration_seconds_bucket', { route: '/graphql', method: 'POST', le: '+Inf' })).toBeGreaterThanOrEqual(3);
    expect(grew('graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    for (const code of new Set(deniedCodes)) {
      expect(grew('graphql_errors_total', { code: String(code) })).toBe(deniedCodes.filter((c) => c === code).length);
    }
    for (const subgraph of ['basisondersteuning', 'huishoudelijke-hulp', 'financien']) {
      expect(grew('subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' }), subgraph).toBeGreaterThanOrEqual(1);
    }
    expect(value(samples, 'subgraph_fetch_duration_seconds_count', { outcome: 'error' }) ?? 0).toBe(0);
    // The scrape itself shows up once it is finished: the previous one is counted.
    expect(value(samples, 'http_requests_total', { route: '/metrics', method: 'GET', status: '200' })).toBeGreaterThanOrEqual(1);

    // A subgraph answering with an HTTP error: a failed call, timed all the same.
    const hh = stack.platform.subgraphs.find((s) => s.name === 'huishoudelijke-hulp')!;
    const listeners = hh.server.listeners('request') as Array<(...args: unknown[]) => void>;
    hh.server.removeAllListeners('request');
    hh.server.on('request', (_req, res: import('node:http').ServerResponse) => res.writeHead(500).end());
    try {
      const failed = await stack.query('{ wijk(code: "WK008050") { clientenHuishoudelijkeHulp { onderdrukt } } }', { token: beleid });
      expect(failed.body.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    } finally {
      hh.server.removeAllListeners('request');
      for (const listener of listeners) hh.server.on('request', listener);
    }
    const after = (await metrics(gatewayUrl)).samples;
    expect(value(after, 'subgraph_fetch_duration_seconds_count', { subgraph: 'huishoudelijke-hulp', outcome: 'error' })).toBe(1);
    expect(value(after, 'graphql_errors_total', { code: 'SUBGRAPH_UNAVAILABLE' })).toBe(1);
  });

  it('gives each subgraph its own series, its database pool, and Node’s process metrics', async () => {
    const url = stack.platform.subgraphUrls.financien;
    const { samples } = await metrics(url);
    const own = samples.filter((s) => !s.name.startsWith('process_') && !s.name.startsWith('nodejs_'));
    expect(new Set(own.map((s) => s.labels.service))).toEqual(new Set(['financien']));
    expect(value(samples, 'http_requests_total', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(samples.some((s) => s.name.startsWith('subgraph_fetch'))).toBe(false);
    expect(value(samples, 'db_pool_size')).toBe(stack.database.pool.size);
    expect(value(samples, 'db_pool_in_use')).toBe(0);
    expect(value(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(value(samples, 'nodejs_eventloop_lag_seconds')).toBeDefined();

    // A transaction holds a connection: the gauge reads the client when scraped.
    await stack.database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      expect(value((await metrics(url)).samples, 'db_pool_in_use')).toBe(1);
    });

    // Every metric once per exposition, although seven services share the process metrics.
    const { text } = await metrics(stack.platform.subgraphUrls.privacy);
    const helps = text.split('\n').filter((l) => l.startsWith('# HELP ')).map((l) => l.split(' ')[2]);
    expect(helps.length).toBe(new Set(helps).size);
    expect(helps.filter((n) => n === 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
  });

  it('keeps label values to fixed sets: no ids, personal data, paths or methods a client made up', async () => {
    const gateway = origin(stack.platform.gatewayUrl);
    expect(await send(`${gateway}/${x.id}/${x.bsn}?naam=${x.achternaam}`, 'GET')).toBe(404);
    expect(await send(`${gateway}/graphql`, 'PROPFIND')).toBeGreaterThanOrEqual(400);
    const consulent = await stack.token({ rol: 'gemeente-consulent' });
    const dossier = await stack.query('query($id: ID!) { inwoner(id: $id) { bsn achternaam } }', { token: consulent, variables: { id: x.id } });
    expect(dossier.body.data!.inwoner.bsn).toBe(x.bsn);

    const routes = new Set(['/graphql', '/health', '/health/live', '/health/ready', '/metrics', '/export', 'unknown']);
    for (const url of [stack.platform.gatewayUrl, ...Object.values(stack.platform.subgraphUrls)]) {
      const { text, samples } = await metrics(url);
      for (const secret of [x.id, x.bsn, x.achternaam]) expect(text).not.toContain(secret);
      for (const s of samples) {
        if (s.labels.route !== undefined) expect(routes, s.labels.route).toContain(s.labels.route);
        if (s.labels.method !== undefined) expect(['GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE', 'OTHER']).toContain(s.labels.method);
        if (s.labels.code !== undefined) expect(s.labels.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      }
    }
    const { samples } = await metrics(stack.platform.gatewayUrl);
    expect(value(samples, 'http_requests_total', { route: 'unknown', method: 'GET', status: '404' })).toBe(1);
    expect(value(samples, 'http_requests_total', { route: '/graphql', method: 'OTHER' })).toBe(1);
  });

  it('with METRICS_ENABLED=false has no /metrics, and health still answers', async () => {
    const deps = { ...subgraphDeps(stack.config, stack.database, createLogger('test', 'silent'), new Lifecycle()), metrics: false };
    const service = await createSubgraphService(SUBGRAPH_MODULES.privacy, deps);
    const port = await listen(service.server, 0, '127.0.0.1');
    try {
      expect(service.metrics).toBeNull();
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
    } finally {
      await closeServer(service.server);
      await service.apollo.stop();
    }
  });
});
