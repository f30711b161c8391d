import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_ISSUER, internalAudience } from '../../subgraphs/shared/tokens';
import { bootStack, sql, strangerKey, type Stack } from '../support/stack';
import { loadInternalSigningKey } from '../../subgraphs/shared/keys';

let stack: Stack;
beforeAll(async () => {
  stack = await bootStack({ inwoners: 50 });
});
afterAll(() => stack?.stop());

const Q = '{ wijken { code } }';
const code = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => res.body.errors?.[0]?.extensions?.code;

describe('gateway authentication', () => {
  it('accepts a valid dev token', async () => {
    const res = await stack.query(Q, { token: await stack.token({ rol: 'gemeente-beleid' }) });
    expect(res.status).toBe(200);
    expect(res.body.data!.wijken).toHaveLength(21);
  });

  it('refuses a request without a token: 401 UNAUTHENTICATED', async () => {
    const res = await stack.query(Q, { token: null });
    expect(res.status).toBe(401);
    expect(code(res)).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeUndefined();
  });

  it.each([
    ['garbage', async () => 'not-a-jwt'],
    ['expired', async () => stack.token({ rol: 'gemeente-beleid', expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    ['signed by an unknown key', async () =>
      new SignJWT({ rol: 'gemeente-consulent' }).setProtectedHeader({ alg: 'ES256' }).setSubject('x')
        .setIssuer(stack.config.AUTH_ISSUER).setAudience(stack.config.AUTH_AUDIENCE).setExpirationTime('5m').sign(strangerKey())],
    ['with alg none', async () =>
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', rol: 'gemeente-consulent', exp: 9999999999 })).toString('base64url')}.`],
  ])('refuses a %s token: 401 UNAUTHENTICATED', async (_name, make) => {
    const res = await stack.query(Q, { token: await make() });
    expect(res.status).toBe(401);
    expect(code(res)).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown role and a care role without organisatie', async () => {
    const forged = await stack.token({ rol: 'aanbieder-medewerker' }); // no organisatie
    expect(code(await stack.query(Q, { token: forged }))).toBe('UNAUTHENTICATED');
    const unknownRole = await stack.token({ rol: 'superuser' as never });
    expect(code(await stack.query(Q, { token: unknownRole }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a purpose (doelbinding) the role may not use', async () => {
    const token = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
    const res = await stack.query(Q, { token, headers: { 'x-doelbinding': 'beleid-en-sturing' } });
    expect(code(res)).toBe('FORBIDDEN');
    const ok = await stack.query(Q, { token, headers: { 'x-doelbinding': 'uitvoering-ondersteuning' } });
    expect(ok.body.errors).toBeUndefined();
  });

  it('answers malformed requests with clear errors', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const res = await fetch(stack.platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    const big = await fetch(stack.platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ wijken { code } } #${'x'.repeat(stack.config.BODY_LIMIT_BYTES)}` }),
    });
    expect(big.status).toBe(413);
    // Without a Content-Length (chunked), the limit is found while reading: still a 413, not a reset.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        const piece = new TextEncoder().encode('x'.repeat(64 * 1024));
        for (let sent = 0; sent <= stack.config.BODY_LIMIT_BYTES; sent += piece.length) controller.enqueue(piece);
        controller.close();
      },
    });
    const chunked = await fetch(stack.platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const health = await fetch(stack.platform.gatewayUrl.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
  });
});

describe('subgraphs accept only the gateway', () => {
  const entities = '{ _entities(representations: [{ __typename: "Wijk", code: "WK008010" }]) { ... on Wijk { naam } } }';

  it('refuses a direct call without the internal token, for every subgraph', async () => {
    for (const url of Object.values(stack.platform.subgraphUrls)) {
      for (const query of ['{ _service { sdl } }', entities]) {
        const res = await stack.post(url, { query });
        expect(res.status, url).toBe(401);
        expect(code(res)).toBe('UNAUTHENTICATED');
        expect(res.body.data).toBeUndefined();
      }
    }
  });

  it('refuses a client token and an internal token signed by another key', async () => {
    const url = stack.platform.subgraphUrls.basisondersteuning;
    const client = await stack.token({ rol: 'gemeente-consulent' });
    expect((await stack.post(url, { query: entities }, { authorization: `Bearer ${client}` })).status).toBe(401);
    const forged = await new SignJWT({ rol: 'gemeente-consulent', org: null, gem: 'GM0080', doel: 'x', tid: 'x' })
      .setProtectedHeader({ alg: 'ES256' }).setSubject('x').setIssuer(INTERNAL_ISSUER).setAudience(internalAudience('basisondersteuning'))
      .setExpirationTime('1m').sign(strangerKey());
    expect((await stack.post(url, { query: entities }, { authorization: `Bearer ${forged}` })).status).toBe(401);
  });

  it('accepts the gateway-signed internal token, only at the subgraph it was minted for', async () => {
    const internal = await stack.internalToken('basisondersteuning', { rol: 'gemeente-beleid' });
    const res = await stack.post(stack.platform.subgraphUrls.basisondersteuning, { query: entities }, { authorization: `Bearer ${internal}` });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities[0].naam).toBe('Binnenstad');
    const replayed = await stack.post(stack.platform.subgraphUrls.financien, { query: '{ organisaties { id } }' }, { authorization: `Bearer ${internal}` });
    expect(replayed.status).toBe(401);
  });

  it('bounds the replay window: a gateway-signed token that is too old, or has no iat, is refused even before its exp', async () => {
    const url = stack.platform.subgraphUrls.basisondersteuning;
    const key = loadInternalSigningKey(stack.config);
    const claims = { rol: 'gemeente-consulent', org: null, gem: 'GM0080', doel: 'toegang-en-beschikking', tid: 'a'.repeat(32) };
    const sign = (iat: number | null) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setSubject('x').setIssuer(INTERNAL_ISSUER)
        .setAudience(internalAudience('basisondersteuning')).setExpirationTime('1h');
      return (iat === null ? jwt : jwt.setIssuedAt(iat)).sign(key);
    };
    const now = Math.floor(Date.now() / 1000);
    expect((await stack.post(url, { query: entities }, { authorization: `Bearer ${await sign(now)}` })).status).toBe(200);
    expect((await stack.post(url, { query: entities }, { authorization: `Bearer ${await sign(now - 600)}` })).status).toBe(401);
    expect((await stack.post(url, { query: entities }, { authorization: `Bearer ${await sign(null)}` })).status).toBe(401);
  });

  it('ignores role headers from clients: the gateway trusts only the token, a subgraph only the internal token', async () => {
    const volunteer = await stack.token({ rol: 'vrijwilliger', organisatie: 'vol' });
    const headers = { 'x-rol': 'gemeente-consulent', 'x-role': 'gemeente-consulent', 'x-organisatie': 'windkracht058' };
    const [inw] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner order by id limit 1`);
    const res = await stack.query(`{ inwoner(id: "${inw!.id}") { bsn voornaam } }`, { token: volunteer, headers });
    expect(res.body.data?.inwoner ?? null).toBeNull();
    expect(JSON.stringify(res.body)).not.toMatch(/"bsn":"\d/);
    const direct = await stack.post(stack.platform.subgraphUrls.basisondersteuning, { query: entities }, headers);
    expect(direct.status).toBe(401);
  });

  it('answers a refused purpose with 403 and honours only valid trace contexts', async () => {
    const token = await stack.token({ rol: 'inwoner' });
    const refused = await stack.query(Q, { token, headers: { 'x-doelbinding': 'beleid-en-sturing' } });
    expect(refused.status).toBe(403);
    const traced = await fetch(stack.platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      body: JSON.stringify({ query: Q }),
    });
    expect(traced.headers.get('x-trace-id')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    const zero = await fetch(stack.platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ query: Q }),
    });
    expect(zero.headers.get('x-trace-id')).toMatch(/^(?!0+$)[0-9a-f]{32}$/);
  });
});
