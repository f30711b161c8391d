/**
 * One subgraph down: the gateway stays up and returns the other subgraphs' data, with
 * an error for the missing part only (fields contributed to an entity by another
 * subgraph are nullable for this reason).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer } from '../../subgraphs/shared/http';
import { bootStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await bootStack({ inwoners: 100 });
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
    // The gateway itself is still healthy.
    expect((await fetch(stack.platform.gatewayUrl.replace('/graphql', '/health'))).status).toBe(200);
  });
});
