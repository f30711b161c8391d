/**
 * Liveness and readiness of every service, and the graceful shutdown of the platform:
 * an in-flight request finishes with its data while new connections are refused and
 * readiness is 503. The shutdown test ends this file's stack, so it runs last.
 */
import { request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { SUBGRAPH_MODULES } from '../../subgraphs/modules';
import { subgraphDeps } from '../../subgraphs/shared/deps';
import { closeServer, listen } from '../../subgraphs/shared/http';
import { Lifecycle } from '../../subgraphs/shared/lifecycle';
import { createLogger } from '../../subgraphs/shared/logger';
import { createSubgraphService } from '../../subgraphs/shared/subgraph';
import { bootStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await bootStack({ inwoners: 100, env: { SHUTDOWN_TIMEOUT_MS: '60000' } });
});
afterAll(() => stack?.stop());

const origin = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');
const services = () => [
  { service: 'gateway', url: origin(stack.platform.gatewayUrl) },
  ...Object.entries(stack.platform.subgraphUrls).map(([service, url]) => ({ service, url: origin(url) })),
];

async function get(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

/** A GET on a new connection (no keep-alive pool): the error code when it is refused. */
function freshGet(url: string): Promise<{ status: number } | { error: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode! }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

describe('health endpoints', () => {
  it('every service is live and ready; /health is readiness', async () => {
    for (const { service, url } of services()) {
      expect(await get(`${url}/health/live`), service).toEqual({ status: 200, body: { status: 'ok', service } });
      expect(await get(`${url}/health/ready`), service).toEqual({ status: 200, body: { status: 'ok', service } });
      expect(await get(`${url}/health`), service).toEqual({ status: 200, body: { status: 'ok', service } });
    }
  });

  it('a subgraph whose database fails or does not answer is live but not ready, and names only "database"', async () => {
    const failing = { execute: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:5432 password=geheim')) };
    const hanging = { execute: () => new Promise(() => {}) };
    const log = createLogger('test', 'silent');
    for (const db of [failing, hanging]) {
      const deps = { ...subgraphDeps(stack.config, stack.database, log, new Lifecycle()), db: db as unknown as Db, readinessTimeoutMs: 200 };
      const service = await createSubgraphService(SUBGRAPH_MODULES.financien, deps);
      const port = await listen(service.server, 0, '127.0.0.1');
      try {
        expect((await get(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
        const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
        expect(ready.status).toBe(503);
        const text = await ready.text();
        expect(JSON.parse(text)).toEqual({ status: 'unavailable', service: 'financien', notReady: ['database'] });
        expect(text).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|geheim|timeout|ms/);
      } finally {
        await closeServer(service.server);
        await service.apollo.stop();
      }
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes the in-flight request, refuses new connections and reports not ready, then resolves', async () => {
    // Hold financien's first GraphQL request until released: the gateway request waits on it.
    const financien = stack.platform.subgraphs.find((s) => s.name === 'financien')!;
    const [original] = financien.server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
    let arrived!: () => void;
    const held = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding = true;
    financien.server.removeAllListeners('request');
    financien.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (holding && req.url === '/graphql') {
        holding = false;
        arrived();
        void gate.then(() => original!.call(financien.server, req, res));
      } else {
        original!.call(financien.server, req, res);
      }
    });

    const token = await stack.token({ rol: 'gemeente-beleid' });
    const inFlight = stack.query('{ wijk(code: "WK008050") { naam subsidieTotaal(jaar: 2025) { euro } } }', { token });
    await held;

    let stopped = false;
    const stopping = stack.platform.stop().then(() => {
      stopped = true;
    });
    try {
      const gateway = origin(stack.platform.gatewayUrl);
      expect(await freshGet(`${gateway}/health/live`)).toEqual({ error: 'ECONNREFUSED' });
      // The subgraphs drain after the gateway, so they still answer: live, but not ready.
      const sociaal = origin(stack.platform.subgraphUrls['sociale-basis']);
      expect(await get(`${sociaal}/health/live`)).toEqual({ status: 200, body: { status: 'ok', service: 'sociale-basis' } });
      expect(await get(`${sociaal}/health/ready`)).toEqual({ status: 503, body: { status: 'unavailable', service: 'sociale-basis', notReady: ['shutdown'] } });
      expect(await get(`${sociaal}/health`)).toMatchObject({ status: 503 });
      // The held request keeps the shutdown waiting.
      expect(stopped).toBe(false);
    } finally {
      release();
    }

    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.wijk.naam).toBe('Heechterp & Schieringen');
    expect(res.body.data!.wijk.subsidieTotaal.euro).toMatch(/^\d+\.\d{2}$/);
    await stopping;
    expect(stopped).toBe(true);
    for (const { url } of services()) expect(await freshGet(`${url}/health/live`)).toEqual({ error: 'ECONNREFUSED' });
  });
});
