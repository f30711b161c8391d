/**
 * Trusted documents: partner-systeem runs only operations the municipality registered
 * (schema/trusted-documents.json), by documentId; raw queries and unknown ids are refused
 * for that role with a clear error; other roles are unaffected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest, TRUSTED_DOCUMENTS_PATH } from '../../gateway/src/trusted-documents';
import { bootStack, type Stack } from '../support/stack';

let stack: Stack;
const manifest = readManifest(TRUSTED_DOCUMENTS_PATH);
const wijken = manifest.operations.find((op) => op.name === 'WijkenEnGebieden')!;
const normtabel = manifest.operations.find((op) => op.name === 'HhNormtabel')!;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 60 });
});
afterAll(() => stack?.stop());

const partner = () => stack.token({ rol: 'partner-systeem', organisatie: 'windkracht058' });
const post = async (body: unknown, token: string) => stack.post(stack.platform.gatewayUrl, body, { authorization: `Bearer ${token}` });

describe('partner-systeem', () => {
  it('runs a registered operation by its documentId, with variables', async () => {
    const res = await post({ documentId: `sha256:${wijken.id}` }, await partner());
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.wijken).toContainEqual(expect.objectContaining({ code: 'WK008050', naam: 'Heechterp & Schieringen' }));

    const metVariabelen = await post({ documentId: `sha256:${normtabel.id}`, variables: { jaar: 2025 } }, await partner());
    expect(metVariabelen.body.errors).toBeUndefined();
    expect(metVariabelen.body.data!.hhNormtabel.jaar).toBe(2025);
  });

  it('accepts the id as Apollo clients send it (extensions.persistedQuery.sha256Hash)', async () => {
    const res = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: wijken.id } } }, await partner());
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.wijken.length).toBeGreaterThan(0);
  });

  it('is refused a raw query, even the text of a registered one', async () => {
    for (const query of ['{ wijken { code } }', wijken.body]) {
      const res = await post({ query }, await partner());
      expect(res.status).toBe(403);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors![0]!.extensions!.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
      expect(res.body.errors![0]!.message).toMatch(/documentId/);
    }
    const get = await fetch(`${stack.platform.gatewayUrl}?query=${encodeURIComponent('{ wijken { code } }')}`, {
      headers: { authorization: `Bearer ${await partner()}`, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(403);
  });

  it('is refused an unknown or malformed id', async () => {
    const unknown = await post({ documentId: `sha256:${'0'.repeat(64)}` }, await partner());
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const malformed = await post({ documentId: 'wijken' }, await partner());
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('cannot smuggle another query next to a registered id', async () => {
    const res = await post({ documentId: `sha256:${wijken.id}`, query: '{ wijken { code naam gebied } organisaties { id } }' }, await partner());
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('other roles', () => {
  it('still send their own queries, and may use registered ids too', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid' });
    const raw = await post({ query: '{ wijken { code } }' }, token);
    expect(raw.body.errors).toBeUndefined();
    const byId = await post({ documentId: `sha256:${wijken.id}` }, token);
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data!.wijken.length).toBe(raw.body.data!.wijken.length);
  });
});

describe('GET /documenten', () => {
  const url = () => stack.platform.gatewayUrl.replace('/graphql', '/documenten');
  it('lists the registered operations for an authenticated caller, without who registered them', async () => {
    const res = await fetch(url(), { headers: { authorization: `Bearer ${await partner()}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { documenten: Array<Record<string, unknown>> };
    expect(body.documenten.map((d) => d.documentId)).toEqual(manifest.operations.map((op) => `sha256:${op.id}`));
    expect(body.documenten[0]).toEqual(expect.objectContaining({ name: expect.any(String), body: expect.any(String), doel: expect.any(String) }));
    expect(JSON.stringify(body)).not.toMatch(/geregistreerdDoor/);
  });
  it('needs a token', async () => {
    expect((await fetch(url())).status).toBe(401);
  });
});
