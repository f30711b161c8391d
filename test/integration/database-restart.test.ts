/**
 * The database restarting under a running platform (PostgreSQL only: the embedded PGlite
 * lives inside the process). While it is down, requests fail at once with a typed error
 * and readiness says so; once it is back, the same services answer again without a
 * restart (postgres.js opens new connections on demand).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBinDir, startPgCluster, type PgCluster } from '../support/pg-cluster';
import { bootStack, type Stack } from '../support/stack';

const QUERY = '{ wijk(code: "WK008050") { naam clientenHuishoudelijkeHulp { onderdrukt } } }';

describe.skipIf(!postgresBinDir())('the database restarting', () => {
  let cluster: PgCluster;
  let stack: Stack;
  beforeAll(async () => {
    cluster = await startPgCluster();
    stack = await bootStack({ inwoners: 100, adminDatabaseUrl: cluster.url });
  });
  afterAll(async () => {
    // Only the platform and its pool: the whole cluster goes below.
    await stack?.platform.stop();
    await stack?.database.close();
    cluster?.destroy();
  });

  const health = (service: 'gateway' | 'basisondersteuning') => {
    const url = service === 'gateway' ? stack.platform.gatewayUrl : stack.platform.subgraphUrls[service];
    return fetch(url.replace('/graphql', '/health'));
  };

  it('fails requests cleanly while it is down and recovers without restarting services', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const before = await stack.query(QUERY, { token });
    expect(before.body.errors).toBeUndefined();

    cluster.stop();
    const started = performance.now();
    const during = await stack.query(QUERY, { token });
    const elapsed = performance.now() - started;
    expect(during.status).toBe(200);
    expect(during.body.errors?.length).toBeGreaterThan(0);
    for (const error of during.body.errors!) {
      expect(error.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(error.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|postgres|select/i);
    }
    // Refused connections fail at once; the bound is loose, only to catch a hang.
    expect(elapsed).toBeLessThan(15_000);
    expect((await health('basisondersteuning')).status).toBe(503);

    cluster.start();
    const after = await stack.query(QUERY, { token });
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toEqual(before.body.data);
    expect((await health('basisondersteuning')).status).toBe(200);
    expect((await health('gateway')).status).toBe(200);
  });
});
