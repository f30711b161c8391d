/**
 * Basisondersteuning portal flows through the gateway: registering and ending support
 * (with validation and overlap checks), and the household plan seen by its regievoerder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStack, sql, type Stack } from '../support/stack';

let stack: Stack;
let medewerker: string;
let residentId: string;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 300 });
  medewerker = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis' });
  const [r] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
    and not exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id) order by id limit 1`);
  residentId = r!.id;
});
afterAll(() => stack?.stop());

const REGISTER = `mutation($input: OndersteuningInput!) { ondersteuningRegistreren(input: $input) { id soort startdatum einddatum organisatie { naam } } }`;
const code = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => res.body.errors?.[0]?.extensions;

describe('registering support', () => {
  it('registers support; the resident then falls within the worker’s relation', async () => {
    const before = await stack.query('query($id: ID!) { inwoner(id: $id) { id } }', { token: medewerker, variables: { id: residentId } });
    expect(before.body.data!.inwoner).toBeNull(); // intake: no relation yet
    const res = await stack.query(REGISTER, { token: medewerker, variables: { input: { inwoner: residentId, soort: 'TO2', startdatum: '2026-01-05' } } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.ondersteuningRegistreren).toMatchObject({ soort: 'TO2', startdatum: '2026-01-05', einddatum: null, organisatie: { naam: 'Amaryllis' } });
    const after = await stack.query('query($id: ID!) { inwoner(id: $id) { id ondersteuningen { soort } } }', { token: medewerker, variables: { id: residentId } });
    expect(after.body.data!.inwoner.ondersteuningen).toEqual([{ soort: 'TO2' }]);
  });

  it('refuses an end before the start, an unknown resident and an overlapping identical registration', async () => {
    const bad = await stack.query(REGISTER, { token: medewerker, variables: { input: { inwoner: residentId, soort: 'DB1', startdatum: '2026-03-01', einddatum: '2026-02-01' } } });
    expect(code(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.einddatum' });
    const unknown = await stack.query(REGISTER, { token: medewerker, variables: { input: { inwoner: 'inw-0000000000000000', soort: 'DB1', startdatum: '2026-03-01' } } });
    expect(code(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.inwoner' });
    const overlap = await stack.query(REGISTER, { token: medewerker, variables: { input: { inwoner: residentId, soort: 'TO2', startdatum: '2026-06-01', einddatum: '2026-12-31' } } });
    expect(code(overlap)).toMatchObject({ code: 'CONFLICT' });
    // A different soort at the same time is fine.
    const other = await stack.query(REGISTER, { token: medewerker, variables: { input: { inwoner: residentId, soort: 'MANTELZORGONDERSTEUNING', startdatum: '2026-06-01' } } });
    expect(other.body.errors).toBeUndefined();
    const [n] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from basisondersteuning.ondersteuning where inwoner_id = ${residentId}`);
    expect(n!.n).toBe(2);
  });

  it('ends support once, not before its start, and then allows a new registration after the end', async () => {
    const [row] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.ondersteuning where inwoner_id = ${residentId} and soort = 'TO2'`);
    const END = 'mutation($id: ID!, $e: Datum!) { ondersteuningBeeindigen(id: $id, einddatum: $e) { einddatum } }';
    expect(code(await stack.query(END, { token: medewerker, variables: { id: row!.id, e: '2025-12-31' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'einddatum' });
    const ok = await stack.query(END, { token: medewerker, variables: { id: row!.id, e: '2026-04-30' } });
    expect(ok.body.data!.ondersteuningBeeindigen.einddatum).toBe('2026-04-30');
    expect(code(await stack.query(END, { token: medewerker, variables: { id: row!.id, e: '2026-05-31' } }))).toMatchObject({ code: 'CONFLICT' });
    const again = await stack.query(REGISTER, { token: medewerker, variables: { input: { inwoner: residentId, soort: 'TO2', startdatum: '2026-05-01' } } });
    expect(again.body.errors).toBeUndefined();
    const [log] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from basisondersteuning.ondersteuning_mutatie m
      join basisondersteuning.ondersteuning o on o.id = m.ondersteuning_id where o.inwoner_id = ${residentId}`);
    expect(log!.n).toBe(4); // three registrations, one end
  });

  it('lets only one of two concurrent identical registrations through', async () => {
    const [r] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
      and not exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id) order by id desc limit 1`);
    const input = { inwoner: r!.id, soort: 'PTO', startdatum: '2026-02-01' };
    const results = await Promise.all([1, 2].map(() => stack.query(REGISTER, { token: medewerker, variables: { input } })));
    expect(results.map((x) => (x.body.errors?.[0]?.extensions?.code as string) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('is not open to other roles', async () => {
    const aanbieder = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
    const res = await stack.query(REGISTER, { token: aanbieder, variables: { input: { inwoner: residentId, soort: 'TO1', startdatum: '2026-01-01' } } });
    expect(code(res)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('one household, one plan, one regievoerder', () => {
  it('shows the regievoerder every member of the households it directs, and nobody else', async () => {
    const [p] = await stack.rows<{ regievoerder_id: string; huishouden_id: string; leden: number }>(sql`
      select p.regievoerder_id, p.huishouden_id, (select count(*)::int from basisondersteuning.inwoner i where i.huishouden_id = p.huishouden_id) as leden
      from basisondersteuning.plan p order by leden desc, p.id limit 1`);
    expect(p!.leden).toBeGreaterThan(1);
    const member = (await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner where huishouden_id = ${p!.huishouden_id} order by id limit 1`))[0]!.id;
    // A regievoerder token: sub is the regievoerder id; its organisation is Amaryllis.
    const regie = await stack.token({ rol: 'basis-medewerker', organisatie: 'gm0080-none', sub: p!.regievoerder_id });
    const res = await stack.query('query($id: ID!) { inwoner(id: $id) { huishouden { leden { id } plan { regievoerder { id } doelen { omschrijving status } } } } }', { token: regie, variables: { id: member } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.inwoner.huishouden.leden).toHaveLength(p!.leden);
    expect(res.body.data!.inwoner.huishouden.plan.regievoerder.id).toBe(p!.regievoerder_id);
    const [other] = await stack.rows<{ id: string }>(sql`select i.id from basisondersteuning.inwoner i join basisondersteuning.plan p on p.huishouden_id = i.huishouden_id
      where p.regievoerder_id <> ${p!.regievoerder_id} order by i.id limit 1`);
    const notMine = await stack.query('query($id: ID!) { inwoner(id: $id) { id } }', { token: regie, variables: { id: other!.id } });
    expect(notMine.body.data!.inwoner).toBeNull();
  });
});
