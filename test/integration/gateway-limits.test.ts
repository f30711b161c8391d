/**
 * The gateway's guards against bad or malicious queries: graphql-armor limits (depth,
 * aliases, tokens, directives, cost), the per-client rate limit, and production mode
 * (no introspection, no field suggestions). A refused query reaches no subgraph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../gateway/src/server';
import { gatewayOptions } from '../../gateway/src/platform';
import { closeServer, listen } from '../../subgraphs/shared/http';
import { createLogger } from '../../subgraphs/shared/logger';
import { bootStack, type Stack } from '../support/stack';

let stack: Stack;
let statements = 0;
beforeAll(async () => {
  stack = await bootStack({
    inwoners: 60,
    onQuery: () => statements++,
    env: {
      QUERY_MAX_DEPTH: '3',
      QUERY_MAX_ALIASES: '2',
      QUERY_MAX_TOKENS: '60',
      QUERY_MAX_DIRECTIVES: '2',
      QUERY_MAX_COST: '15',
      RATE_LIMIT_PER_SECOND: '0.5',
      RATE_LIMIT_BURST: '4',
    },
  });
});
afterAll(() => stack?.stop());

let client = 0;
/** A token of its own per test, so the rate limit of one test does not touch another. */
const token = () => stack.token({ rol: 'gemeente-beleid', sub: `limits-${++client}` });

describe('query limits', () => {
  const cases = [
    { limit: 'depth', code: 'QUERY_TOO_DEEP', max: 3, query: '{ gemeente { gebieden { wijken { code } } } }' },
    { limit: 'aliases', code: 'TOO_MANY_ALIASES', max: 2, query: '{ a: wijken { code } b: wijken { code } c: wijken { code } }' },
    {
      limit: 'directives',
      code: 'TOO_MANY_DIRECTIVES',
      max: 2,
      query: '{ wijken @include(if: true) { code @include(if: true) naam @skip(if: false) } }',
    },
    { limit: 'tokens', code: 'QUERY_TOO_LONG', max: 60, query: `{ wijken { ${'code '.repeat(60)} } }` },
    {
      limit: 'cost',
      code: 'QUERY_TOO_COSTLY',
      max: 15,
      query: '{ wijken { code naam gebied clientenHuishoudelijkeHulp { waarde onderdrukt } openHulpvragen { waarde onderdrukt } } }',
    },
  ];

  it.each(cases)('refuses a query over the $limit limit with $code, before any subgraph', async ({ code, max, query }) => {
    const before = statements;
    const res = await stack.query(query, { token: await token() });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code, limit: max });
    expect(statements).toBe(before);
  });

  it('answers a query within every limit', async () => {
    const res = await stack.query('{ a: wijken { code } b: wijken @include(if: true) { naam } }', { token: await token() });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.a.length).toBeGreaterThan(0);
  });
});

describe('per-client rate limit', () => {
  it('answers a burst, then 429 RATE_LIMITED with Retry-After, for that client only', async () => {
    const busy = await token();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await stack.query('{ wijken { code } }', { token: busy })).status);
    expect(statuses).toEqual([200, 200, 200, 200]);

    const refused = await fetch(stack.platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${busy}` },
      body: JSON.stringify({ query: '{ wijken { code } }' }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');

    // The CSV export is behind the same limit.
    const csv = await fetch(stack.platform.gatewayUrl.replace('/graphql', '/export'), { headers: { authorization: `Bearer ${busy}` } });
    expect(csv.status).toBe(429);
    expect(csv.headers.get('retry-after')).not.toBeNull();

    // Another client of the same role is not affected.
    expect((await stack.query('{ wijken { code } }', { token: await token() })).status).toBe(200);
  });
});

describe('production mode', () => {
  let gateway: Gateway;
  let url: string;
  beforeAll(async () => {
    const log = createLogger('test', 'silent');
    gateway = await createGateway({ ...gatewayOptions(stack.config, log, stack.platform.subgraphUrls), production: true });
    url = `http://127.0.0.1:${await listen(gateway.server, 0, '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    await closeServer(gateway.server);
    await gateway.stop();
  });

  const post = async (query: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
  };

  it('hides field suggestions', async () => {
    const res = await post('{ wijken { cod } }');
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.message).toContain('Cannot query field "cod"');
    expect(res.body.errors![0]!.message).not.toMatch(/Did you mean/);
    // Development mode still helps with typos.
    const dev = await stack.query('{ wijken { cod } }', { token: await token() });
    expect(dev.body.errors![0]!.message).toMatch(/Did you mean "code"/);
  });

  it('refuses introspection', async () => {
    const res = await post('{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.data).toBeUndefined();
  });
});
