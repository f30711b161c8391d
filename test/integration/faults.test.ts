/**
 * One subgraph down or slow: the gateway stays up and returns the other subgraphs' data,
 * with a typed error for the missing part only (fields contributed to an entity by
 * another subgraph are nullable for this reason). The database restarting is in
 * database-restart.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { closeServer, listen } from '../../subgraphs/shared/http';
import { bootStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  // A short deadline, so the slow subgraph below costs a second, not the default 30 s.
  stack = await bootStack({ inwoners: 100, env: { SUBGRAPH_TIMEOUT_MS: '1000' } });
});
afterAll(() => stack?.stop());

describe('a subgraph that is down', () => {
  it('costs only its own fields', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const query = '{ wijk(code: "WK008050") { naam clientenHuishoudelijkeHulp { onderdrukt } subsidieTotaal(jaar: 2025) { euro } } }';
    const before = await stack.query(query, { token });
    expect(before.body.errors).toBeUndefined();

    const financien = stack.platform.subgraphs.find((s) => s.name === 'financien')!;
    financien.server.closeAllConnections();
    await closeServer(financien.server);

    const after = await stack.query(query, { token });
    expect(after.status).toBe(200);
    expect(after.body.data!.wijk.naam).toBe('Heechterp & Schieringen');
    expect(after.body.data!.wijk.clientenHuishoudelijkeHulp).toEqual(before.body.data!.wijk.clientenHuishoudelijkeHulp);
    expect(after.body.data!.wijk.subsidieTotaal).toBeNull();
    expect(after.body.errors).toHaveLength(1);
    expect(after.body.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'financien' });
    expect(after.body.errors![0]!.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    // The gateway itself is still live (it answers, with the other subgraphs' data), but
    // not ready: its readiness names the missing subgraph, nothing of its internals.
    const health = (path: string) => fetch(stack.platform.gatewayUrl.replace('/graphql', path));
    expect((await health('/health/live')).status).toBe(200);
    const ready = await health('/health/ready');
    expect(ready.status).toBe(503);
    const body = await ready.text();
    expect(JSON.parse(body)).toEqual({ status: 'unavailable', service: 'gateway', notReady: ['financien'] });
    expect((await health('/health')).status).toBe(503);
  });

  it('gives a slow subgraph a deadline: SUBGRAPH_TIMEOUT for its fields, the rest answered, the client not held', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const name = 'sociale-basis';
    const service = stack.platform.subgraphs.find((s) => s.name === name)!;
    const port = Number(new URL(stack.platform.subgraphUrls[name]).port);
    service.server.closeAllConnections();
    await closeServer(service.server);
    // Accepts the request and never answers (a hung database, a stuck event loop).
    const held: Array<() => void> = [];
    const slow = createServer((_req, res) => {
      held.push(() => res.destroy());
    });
    await listen(slow, port, '127.0.0.1');
    try {
      const started = performance.now();
      const res = await stack.query('{ wijk(code: "WK008050") { naam openHulpvragen { onderdrukt } } }', { token });
      const elapsed = performance.now() - started;
      expect(res.status).toBe(200);
      expect(res.body.data!.wijk).toEqual({ naam: 'Heechterp & Schieringen', openHulpvragen: null });
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]!.extensions).toEqual({ code: 'SUBGRAPH_TIMEOUT', serviceName: name });
      expect(res.body.errors![0]!.message).not.toMatch(/127\.0\.0\.1|abort/i);
      expect(held.length).toBeGreaterThan(0);
      // The deadline is 1 s; the subgraph would hold the request forever. Loose bound, only against a hang.
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(20_000);
    } finally {
      for (const release of held) release();
      slow.closeAllConnections();
      await closeServer(slow);
    }
  });

  it('maps an HTTP error of a subgraph to SUBGRAPH_UNAVAILABLE without its URL or body', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const hh = stack.platform.subgraphs.find((s) => s.name === 'huishoudelijke-hulp')!;
    const port = Number(new URL(stack.platform.subgraphUrls['huishoudelijke-hulp']).port);
    hh.server.closeAllConnections();
    await closeServer(hh.server);
    const broken = createServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'secret internal detail' }] }));
    });
    await listen(broken, port, '127.0.0.1');
    try {
      const res = await stack.query('{ wijk(code: "WK008050") { naam clientenHuishoudelijkeHulp { onderdrukt } } }', { token });
      expect(res.body.data!.wijk).toEqual({ naam: 'Heechterp & Schieringen', clientenHuishoudelijkeHulp: null });
      expect(res.body.errors![0]!.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'huishoudelijke-hulp' });
      expect(JSON.stringify(res.body)).not.toMatch(/secret|127\.0\.0\.1|response/);
    } finally {
      broken.closeAllConnections();
      await closeServer(broken);
    }
  });
});
