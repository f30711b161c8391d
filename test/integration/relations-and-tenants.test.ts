/**
 * Row-level rules (relations in SQL) and tenant isolation: a second gemeente is seeded
 * beside Leeuwarden and no query of one gemeente's users returns the other's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStack, sql, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await bootStack({ inwoners: 400, secondGemeente: true });
});
afterAll(() => stack?.stop());

const DOSSIER = `query($id: ID!) { inwoner(id: $id) { id voornaam toewijzingen { id aanbieder { id } onderaannemer { id } } } }`;
const HH_DOSSIER = `query($id: ID!) { inwoner(id: $id) { id voornaam huishoudelijkeHulp { id aanbieder { id } } } }`;

async function one<T>(q: ReturnType<typeof sql>): Promise<T> {
  const [row] = await stack.rows<T>(q);
  if (!row) throw new Error('fixture not found in seed data');
  return row;
}

describe('relations decide which residents a care worker sees', () => {
  it('an aanbieder-medewerker sees a resident only while its organisation has an active toewijzing', async () => {
    const active = await one<{ inwoner_id: string }>(sql`select inwoner_id from aanvullende_ondersteuning.toewijzing
      where gemeente_code = 'GM0080' and status in ('toegewezen', 'gestart') and ingangsdatum <= current_date and einddatum is null
      and inwoner_id not in (select inwoner_id from aanvullende_ondersteuning.toewijzing where status not in ('toegewezen', 'gestart'))
      order by inwoner_id limit 1`);
    const stopped = await one<{ inwoner_id: string }>(sql`select inwoner_id from aanvullende_ondersteuning.toewijzing
      where gemeente_code = 'GM0080' and status = 'gestopt'
      and inwoner_id not in (select inwoner_id from aanvullende_ondersteuning.toewijzing where status <> 'gestopt')
      order by inwoner_id limit 1`);
    const token = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
    const seen = await stack.query(DOSSIER, { token, variables: { id: active.inwoner_id } });
    expect(seen.body.errors).toBeUndefined();
    expect(seen.body.data!.inwoner.id).toBe(active.inwoner_id);
    expect(seen.body.data!.inwoner.toewijzingen.length).toBeGreaterThan(0);
    const gone = await stack.query('query($id: ID!) { inwoner(id: $id) { id voornaam } }', { token, variables: { id: stopped.inwoner_id } });
    expect(gone.body.errors).toBeUndefined();
    expect(gone.body.data!.inwoner).toBeNull();
  });

  it('an onderaannemer sees the residents handed to it and nobody else', async () => {
    const handed = await one<{ inwoner_id: string; onderaannemer_id: string }>(sql`select inwoner_id, onderaannemer_id from aanvullende_ondersteuning.toewijzing
      where gemeente_code = 'GM0080' and onderaannemer_id is not null and status in ('toegewezen', 'gestart') and einddatum is null and ingangsdatum <= current_date
      order by inwoner_id limit 1`);
    const other = await one<{ inwoner_id: string }>(sql`select inwoner_id from aanvullende_ondersteuning.toewijzing
      where gemeente_code = 'GM0080' and status in ('toegewezen', 'gestart') and (onderaannemer_id is null or onderaannemer_id <> ${handed.onderaannemer_id})
      and inwoner_id not in (select inwoner_id from aanvullende_ondersteuning.toewijzing where onderaannemer_id = ${handed.onderaannemer_id})
      order by inwoner_id limit 1`);
    const token = await stack.token({ rol: 'aanbieder-medewerker', organisatie: handed.onderaannemer_id });
    const seen = await stack.query(DOSSIER, { token, variables: { id: handed.inwoner_id } });
    expect(seen.body.data!.inwoner.toewijzingen.every((t: any) => t.onderaannemer?.id === handed.onderaannemer_id)).toBe(true);
    const notSeen = await stack.query(DOSSIER, { token, variables: { id: other.inwoner_id } });
    expect(notSeen.body.data!.inwoner).toBeNull();
  });

  it('an hh-medewerker sees only its own organisation’s clients and indicaties', async () => {
    const thfl = await one<{ inwoner_id: string }>(sql`select inwoner_id from huishoudelijke_hulp.indicatie
      where organisatie_id = 'thfl' and einddatum is null and startdatum <= current_date
      and inwoner_id not in (select inwoner_id from huishoudelijke_hulp.indicatie where organisatie_id = 'miep')
      order by inwoner_id limit 1`);
    const own = await stack.query(HH_DOSSIER, { token: await stack.token({ rol: 'hh-medewerker', organisatie: 'thfl' }), variables: { id: thfl.inwoner_id } });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.inwoner.huishoudelijkeHulp.map((h: any) => h.aanbieder.id)).toEqual(expect.arrayContaining(['thfl']));
    expect(own.body.data!.inwoner.huishoudelijkeHulp.every((h: any) => h.aanbieder.id === 'thfl')).toBe(true);
    const other = await stack.query(HH_DOSSIER, { token: await stack.token({ rol: 'hh-medewerker', organisatie: 'miep' }), variables: { id: thfl.inwoner_id } });
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data!.inwoner).toBeNull();
  });

  it('an inwoner sees only themself', async () => {
    const [a, b] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner where gemeente_code = 'GM0080' order by id limit 2`);
    const token = await stack.token({ rol: 'inwoner', sub: a!.id });
    expect((await stack.query(HH_DOSSIER, { token, variables: { id: a!.id } })).body.data!.inwoner.id).toBe(a!.id);
    expect((await stack.query(HH_DOSSIER, { token, variables: { id: b!.id } })).body.data!.inwoner).toBeNull();
  });

  it('guards _entities like any other path: no relation, no personal data; never a BSN', async () => {
    const unrelated = await one<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
      and not exists (select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id) order by id limit 1`);
    const internal = await stack.internalToken('basisondersteuning', { rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
    const url = stack.platform.subgraphUrls.basisondersteuning;
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Inwoner { id voornaam } } }';
    const res = await stack.post(url, { query, variables: { r: [{ __typename: 'Inwoner', id: unrelated.id }] } }, { authorization: `Bearer ${internal}` });
    expect(res.body.data!._entities).toEqual([null]);
    const bsn = await stack.post(url, {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Inwoner { bsn } } }',
      variables: { r: [{ __typename: 'Inwoner', id: unrelated.id }] },
    }, { authorization: `Bearer ${await stack.internalToken('basisondersteuning', { rol: 'basis-medewerker', organisatie: 'amaryllis' })}` });
    expect(JSON.stringify(bsn.body)).not.toMatch(/\d{9}/);
  });
});

describe('tenants: every row and token carries its gemeente', () => {
  it('a user of the second gemeente sees only its own wijken, organisaties and residents', async () => {
    const token = await stack.token({ rol: 'gemeente-consulent', gemeente: 'GM0088' });
    const res = await stack.query('{ wijken { code naam clientenHuishoudelijkeHulp { onderdrukt } } organisaties { id } buurtkamers { naam } }', { token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.wijken.map((w: any) => w.code)).toEqual(['WK008800']);
    expect(res.body.data!.organisaties.every((o: any) => o.id.startsWith('gm0088-'))).toBe(true);
    expect(res.body.data!.buurtkamers.map((k: any) => k.naam)).toEqual(['Dorpskamer Schiermonnikoog']);
  });

  it('no Leeuwarden query returns Schiermonnikoog data, by root field or by reference', async () => {
    const token = await stack.token({ rol: 'gemeente-consulent' });
    const other = await one<{ id: string }>(sql`select id from basisondersteuning.inwoner where gemeente_code = 'GM0088' order by id limit 1`);
    const res = await stack.query(
      `query($id: ID!) { wijk(code: "WK008800") { code } inwoner(id: $id) { id } organisatie(id: "gm0088-amaryllis") { id }
        wijken { code } organisaties { id } }`,
      { token, variables: { id: other.id } },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.wijk).toBeNull();
    expect(res.body.data!.inwoner).toBeNull();
    expect(res.body.data!.organisatie).toBeNull();
    expect(res.body.data!.wijken.some((w: any) => w.code === 'WK008800')).toBe(false);
    expect(res.body.data!.organisaties.some((o: any) => o.id.startsWith('gm0088-'))).toBe(false);

    // An entity reference from another gemeente resolves to nothing in every subgraph.
    const internal = await stack.internalToken('aanvullende-ondersteuning', { rol: 'gemeente-consulent', gemeente: 'GM0080' });
    const entities = await stack.post(stack.platform.subgraphUrls['aanvullende-ondersteuning'], {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Inwoner { toewijzingen { id } } } }',
      variables: { r: [{ __typename: 'Inwoner', id: other.id }] },
    }, { authorization: `Bearer ${internal}` });
    expect(entities.body.data!._entities).toEqual([{ toewijzingen: [] }]);
  });

  it('keeps the two gemeenten’ BSNs apart and all of them in the public test range', async () => {
    const rows = await stack.rows<{ bsn: string; gemeente_code: string }>(sql`select bsn, gemeente_code from basisondersteuning.inwoner where bsn is not null`);
    const bsns = rows.map((r) => r.bsn);
    expect(new Set(bsns).size).toBe(bsns.length);
    expect(bsns.every((b) => Number(b) >= 999_900_006 && Number(b) <= 999_999_990)).toBe(true);
  });
});
