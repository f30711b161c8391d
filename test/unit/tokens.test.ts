import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signDevClientToken, signInternalToken, verifyClientToken, verifyInternalToken, bearerToken, internalAudience } from '../../subgraphs/shared/tokens';

const AUD = internalAudience('financien');

const pair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const client = pair();
const internal = pair();
const opts = { issuer: 'idp', audience: 'wmo' };

async function code(p: Promise<unknown>) {
  try {
    await p;
    return 'OK';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
}

describe('client tokens', () => {
  it('take the configured default gemeente when the claim is absent', async () => {
    const t = await signDevClientToken({ sub: 'u1', rol: 'gemeente-beleid' }, client.privateKey, opts);
    expect((await verifyClientToken(t, { key: client.publicKey, ...opts, defaultGemeente: 'GM0088' }, 't')).gemeente).toBe('GM0088');
  });
  it('yield a scope with defaults for gemeente and purpose', async () => {
    const t = await signDevClientToken({ sub: 'u1', rol: 'hh-medewerker', organisatie: 'thfl' }, client.privateKey, opts);
    const scope = await verifyClientToken(t, { key: client.publicKey, ...opts }, 'trace');
    expect(scope).toEqual({ sub: 'u1', rol: 'hh-medewerker', organisatie: 'thfl', gemeente: 'GM0080', doel: 'uitvoering-ondersteuning', traceId: 'trace' });
  });
  it('are refused for a wrong issuer, audience or key', async () => {
    const t = await signDevClientToken({ sub: 'u1', rol: 'fg' }, client.privateKey, opts);
    expect(await code(verifyClientToken(t, { key: client.publicKey, issuer: 'other', audience: 'wmo' }, 't'))).toBe('UNAUTHENTICATED');
    expect(await code(verifyClientToken(t, { key: client.publicKey, issuer: 'idp', audience: 'other' }, 't'))).toBe('UNAUTHENTICATED');
    expect(await code(verifyClientToken(t, { key: internal.publicKey, ...opts }, 't'))).toBe('UNAUTHENTICATED');
  });
  it('refuse a purpose the role may not use', async () => {
    const t = await signDevClientToken({ sub: 'u1', rol: 'inwoner' }, client.privateKey, opts);
    expect(await code(verifyClientToken(t, { key: client.publicKey, ...opts }, 't', 'beleid-en-sturing'))).toBe('FORBIDDEN');
  });
});

describe('internal tokens', () => {
  it('round-trip the scope', async () => {
    const scope = { sub: 'u', rol: 'basis-medewerker' as const, organisatie: 'amaryllis', gemeente: 'GM0080', doel: 'toegang-en-regie', traceId: 'abc' };
    const t = await signInternalToken(scope, internal.privateKey, 60, AUD);
    // verzoek: the token's signature, one per client request and subgraph (the figure memo's key).
    expect(await verifyInternalToken(t, internal.publicKey, AUD)).toEqual({ ...scope, verzoek: t.split('.')[2] });
    expect(await code(verifyInternalToken(t, internal.publicKey, internalAudience('basisondersteuning')))).toBe('UNAUTHENTICATED');
  });
  it('refuse a client token and a token of another key', async () => {
    const c = await signDevClientToken({ sub: 'u1', rol: 'fg' }, client.privateKey, opts);
    expect(await code(verifyInternalToken(c, internal.publicKey, AUD))).toBe('UNAUTHENTICATED');
    const scope = { sub: 'u', rol: 'fg' as const, organisatie: null, gemeente: 'GM0080', doel: 'toezicht-privacy', traceId: 'abc' };
    const other = await signInternalToken(scope, client.privateKey, 60, AUD);
    expect(await code(verifyInternalToken(other, internal.publicKey, AUD))).toBe('UNAUTHENTICATED');
  });
});

describe('bearer header', () => {
  it.each([['Bearer abc', 'abc'], ['bearer  abc ', 'abc'], ['Basic abc', null], ['Bearer', null], [undefined, null]])('%s -> %s', (h, t) => {
    expect(bearerToken(h)).toBe(t);
  });
});
