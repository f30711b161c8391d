/**
 * Portal flows of the sociale basis through the gateway: the V-O-L coordinator's week
 * view of a wijk, and a hulpvraag registered and matched with and without consent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStack, sql, type Stack } from '../support/stack';

let stack: Stack;
let coordinator: string;
let residentId: string;
let volunteerId: string;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 300 });
  coordinator = await stack.token({ rol: 'vol-coordinator', organisatie: 'vol' });
  const [r] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
    and not exists (select 1 from sociale_basis.toestemming t where t.inwoner_id = i.id) order by id limit 1`);
  residentId = r!.id;
  const [v] = await stack.rows<{ id: string }>(sql`select id from sociale_basis.vrijwilliger where actief and organisatie_id = 'vol' order by id limit 1`);
  volunteerId = v!.id;
});
afterAll(() => stack?.stop());

const REGISTER = `mutation($input: HulpvraagInput!) { hulpvraagRegistreren(input: $input) { id status soort wijk { code } inwoner { id voornaam } } }`;
const MATCH = `mutation($id: ID!, $v: ID!) { hulpvraagMatchen(id: $id, vrijwilliger: $v) { id status vrijwilliger { id } inwoner { voornaam } } }`;

describe('week view', () => {
  it('shows what is on in the kamers of the wijk’s gebied, on the dates of the chosen week', async () => {
    const res = await stack.query(`{ wijk(code: "WK008051") { naam gebied weekprogramma(week: "2026-11-25") { datum begintijd soort omschrijving kamer { naam } gastheer { naam } } } }`, { token: coordinator });
    expect(res.body.errors).toBeUndefined();
    const items = res.body.data!.wijk.weekprogramma as Array<{ datum: string; begintijd: string; kamer: { naam: string }; gastheer: { naam: string } }>;
    expect(items.length).toBeGreaterThan(0);
    // Week of Wednesday 2026-11-25: Monday 23 to Sunday 29 November, in date order.
    expect(items.every((i) => i.datum >= '2026-11-23' && i.datum <= '2026-11-29')).toBe(true);
    expect(items.map((i) => `${i.datum} ${i.begintijd}`)).toEqual(items.map((i) => `${i.datum} ${i.begintijd}`).sort());
    // Noord-Oost has Heechterp Schieringen (main location) and Camminghaburen.
    expect(new Set(items.map((i) => i.kamer.naam))).toEqual(new Set(['Wijkcentrum Heechterp Schieringen', 'Buurtkamer Camminghaburen']));
    expect(items.some((i) => i.gastheer.naam === 'Amaryllis')).toBe(true);
  });

  it('shows which partners work where', async () => {
    const res = await stack.query('{ organisatie(id: "amaryllis") { samenwerkingen { rol kamer { naam gebied } } } }', { token: coordinator });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.organisatie.samenwerkingen).toHaveLength(12); // every kamer
  });

  it('rejects a malformed week', async () => {
    const res = await stack.query('{ wijk(code: "WK008051") { weekprogramma(week: "2026-13-01") { datum } } }', { token: coordinator });
    expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('hulpvraag with consent', () => {
  it('registers, shows the resident to V-O-L, matches, and shows the resident to the matched volunteer only', async () => {
    const reg = await stack.query(REGISTER, { token: coordinator, variables: { input: { wijk: 'WK008020', soort: 'BOODSCHAPPEN', inwoner: residentId, toestemming: true } } });
    expect(reg.body.errors).toBeUndefined();
    const h = reg.body.data!.hulpvraagRegistreren;
    expect(h).toMatchObject({ status: 'OPEN', soort: 'BOODSCHAPPEN', wijk: { code: 'WK008020' }, inwoner: { id: residentId } });
    expect(h.inwoner.voornaam).toEqual(expect.any(String));

    const volunteer = await stack.token({ rol: 'vrijwilliger', organisatie: 'vol', sub: volunteerId });
    const before = await stack.query('{ hulpvragen(status: OPEN) { id inwoner { id } } }', { token: volunteer });
    const seenBefore = before.body.data!.hulpvragen.find((x: { id: string }) => x.id === h.id);
    expect(seenBefore).toEqual({ id: h.id, inwoner: null }); // open: visible, but anonymous to volunteers

    const match = await stack.query(MATCH, { token: coordinator, variables: { id: h.id, v: volunteerId } });
    expect(match.body.errors).toBeUndefined();
    expect(match.body.data!.hulpvraagMatchen).toMatchObject({ status: 'GEMATCHT', vrijwilliger: { id: volunteerId } });

    const after = await stack.query('query($id: ID!) { inwoner(id: $id) { voornaam achternaam adres { straat } } }', { token: volunteer, variables: { id: residentId } });
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data!.inwoner.voornaam).toEqual(h.inwoner.voornaam);
    // Not the birth date or anything beyond contact details.
    const more = await stack.query('query($id: ID!) { inwoner(id: $id) { geboortedatum bsn } }', { token: volunteer, variables: { id: residentId } });
    expect(more.body.errors!.every((e) => e.extensions!.code === 'FORBIDDEN')).toBe(true);

    const other = await stack.token({ rol: 'vrijwilliger', organisatie: 'vol', sub: 'some-other-volunteer' });
    const notMatched = await stack.query('query($id: ID!) { inwoner(id: $id) { voornaam } }', { token: other, variables: { id: residentId } });
    expect(notMatched.body.data!.inwoner).toBeNull();

    // The volunteer rounds it off; the history has every step.
    const done = await stack.query('mutation($id: ID!) { hulpvraagAfronden(id: $id) { status } }', { token: volunteer, variables: { id: h.id } });
    expect(done.body.data!.hulpvraagAfronden.status).toBe('AFGEROND');
    const history = await stack.query('{ hulpvragen(status: AFGEROND) { id geschiedenis { van naar } } }', { token: coordinator });
    const steps = history.body.data!.hulpvragen.find((x: { id: string }) => x.id === h.id).geschiedenis;
    expect(steps).toEqual([{ van: null, naar: 'OPEN' }, { van: 'OPEN', naar: 'GEMATCHT' }, { van: 'GEMATCHT', naar: 'AFGEROND' }]);
  });

  it('hides the resident again once consent is withdrawn', async () => {
    const resident = await stack.token({ rol: 'inwoner', sub: residentId });
    const list = await stack.query('query($id: ID!) { inwoner(id: $id) { toestemmingen { id organisatie { id } ingetrokkenOp } } }', { token: resident, variables: { id: residentId } });
    const consent = list.body.data!.inwoner.toestemmingen[0];
    expect(consent).toMatchObject({ organisatie: { id: 'vol' }, ingetrokkenOp: null });
    const withdrawn = await stack.query('mutation($id: ID!) { toestemmingIntrekken(id: $id) { ingetrokkenOp } }', { token: resident, variables: { id: consent.id } });
    expect(withdrawn.body.data!.toestemmingIntrekken.ingetrokkenOp).toEqual(expect.any(String));
    const hidden = await stack.query('query($id: ID!) { inwoner(id: $id) { voornaam } }', { token: coordinator, variables: { id: residentId } });
    expect(hidden.body.data!.inwoner).toBeNull();
    const anon = await stack.query('{ hulpvragen(wijk: "WK008020", status: AFGEROND) { inwoner { id } } }', { token: coordinator });
    expect(anon.body.data!.hulpvragen.every((x: { inwoner: unknown }) => x.inwoner === null)).toBe(true);
  });
});

describe('hulpvraag without consent', () => {
  it('is anonymous: a resident cannot be recorded without consent', async () => {
    const refused = await stack.query(REGISTER, { token: coordinator, variables: { input: { wijk: 'WK008020', soort: 'VERVOER', inwoner: residentId } } });
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.inwoner' });
    const before = await stack.rows<{ n: number }>(sql`select count(*)::int as n from sociale_basis.hulpvraag`);
    const anon = await stack.query(REGISTER, { token: coordinator, variables: { input: { wijk: 'WK008020', soort: 'VERVOER' } } });
    expect(anon.body.errors).toBeUndefined();
    expect(anon.body.data!.hulpvraagRegistreren).toMatchObject({ status: 'OPEN', inwoner: null });
    const after = await stack.rows<{ n: number }>(sql`select count(*)::int as n from sociale_basis.hulpvraag`);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('refuses invalid moves with CONFLICT naming the status, and writes nothing on bad input', async () => {
    const reg = await stack.query(REGISTER, { token: coordinator, variables: { input: { wijk: 'WK008010', soort: 'MAATJESTRAJECT' } } });
    const id = reg.body.data!.hulpvraagRegistreren.id;
    const early = await stack.query('mutation($id: ID!) { hulpvraagAfronden(id: $id) { status } }', { token: coordinator, variables: { id } });
    expect(early.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'OPEN' });
    expect(early.body.errors![0]!.message).toMatch(/OPEN/);
    const badWijk = await stack.query(REGISTER, { token: coordinator, variables: { input: { wijk: 'WK008800', soort: 'VERVOER' } } });
    expect(badWijk.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.wijk' });
    const badReden = await stack.query('mutation($id: ID!) { hulpvraagOpschalen(id: $id, reden: " ") { status } }', { token: coordinator, variables: { id } });
    expect(badReden.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reden' });
    await stack.database.execute(`insert into sociale_basis.vrijwilliger (id, gemeente_code, organisatie_id, voornaam, achternaam, vaardigheden, beschikbaarheid, actief)
      values ('vw-gestopt', 'GM0080', 'vol', 'Oud', 'Vrijwilliger', '{}', 'nooit', false)`);
    const badMatch = await stack.query(MATCH, { token: coordinator, variables: { id, v: 'vw-gestopt' } });
    expect(badMatch.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'vrijwilliger' });
    const [row] = await stack.rows<{ status: string; n: number }>(sql`select h.status, (select count(*)::int from sociale_basis.hulpvraag_gebeurtenis e where e.hulpvraag_id = h.id) as n from sociale_basis.hulpvraag h where h.id = ${id}`);
    expect(row).toEqual({ status: 'OPEN', n: 1 });
  });

  it('lets only one of two concurrent matches win', async () => {
    const reg = await stack.query(REGISTER, { token: coordinator, variables: { input: { wijk: 'WK008010', soort: 'FORMULIEREN_INVULLEN' } } });
    const id = reg.body.data!.hulpvraagRegistreren.id;
    const vols = await stack.rows<{ id: string }>(sql`select id from sociale_basis.vrijwilliger where actief order by id limit 2`);
    const results = await Promise.all(vols.map((v) => stack.query(MATCH, { token: coordinator, variables: { id, v: v.id } })));
    const codes = results.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const [events] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from sociale_basis.hulpvraag_gebeurtenis where hulpvraag_id = ${id}`);
    expect(events!.n).toBe(2);
  });

  it('keeps the hulpvragen list at a fixed number of statements', async () => {
    stack.database.statements.reset();
    const res = await stack.query('{ hulpvragen { id wijk { naam } inwoner { voornaam } vrijwilliger { voornaam kamer { naam } } geschiedenis { naar } } }', { token: coordinator });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.hulpvragen.length).toBeGreaterThan(10);
    // list + inwonerZichtbaar + vrijwilliger + kamer + geschiedenis + wijk (basis) + inwoner (basis)
    // 7 reads, and one processing log write in each of the two subgraphs that returned personal data.
    expect(stack.database.statements.reset()).toBe(7 + 2);
  });

  it('escalates to the basisondersteuning, which then sees the hulpvraag (anonymous without its own relation)', async () => {
    const reg = await stack.query(REGISTER, { token: coordinator, variables: { input: { wijk: 'WK008061', soort: 'FORMULIEREN_INVULLEN' } } });
    const id = reg.body.data!.hulpvraagRegistreren.id;
    const basis = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis' });
    const LIST = '{ hulpvragen(status: OPGESCHAALD) { id soort wijk { naam } inwoner { id } } }';
    expect((await stack.query(LIST, { token: basis })).body.data!.hulpvragen.map((h: { id: string }) => h.id)).not.toContain(id);
    const up = await stack.query('mutation($id: ID!) { hulpvraagOpschalen(id: $id, reden: "Schulden: professionele hulp nodig") { status } }', { token: coordinator, variables: { id } });
    expect(up.body.data!.hulpvraagOpschalen.status).toBe('OPGESCHAALD');
    const seen = (await stack.query(LIST, { token: basis })).body.data!.hulpvragen.find((h: { id: string }) => h.id === id);
    expect(seen).toEqual({ id, soort: 'FORMULIEREN_INVULLEN', wijk: { naam: 'Vrijheidswijk' }, inwoner: null });
  });

});

describe('consent cannot be worked around', () => {
  it('a coordinator cannot record consent again after the resident withdrew it, nor twice in parallel', async () => {
    const [r] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
      and not exists (select 1 from sociale_basis.toestemming t where t.inwoner_id = i.id) order by id offset 3 limit 1`);
    const RECORD = 'mutation($id: ID!) { toestemmingVastleggen(inwoner: $id) { id } }';
    const parallel = await Promise.all([1, 2, 3, 4].map(() => stack.query(RECORD, { token: coordinator, variables: { id: r!.id } })));
    expect(new Set(parallel.map((x) => x.body.data?.toestemmingVastleggen?.id ?? x.body.errors?.[0]?.extensions?.code)).size).toBe(1);
    const [n] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from sociale_basis.toestemming where inwoner_id = ${r!.id} and ingetrokken_op is null`);
    expect(n!.n).toBe(1);
    const resident = await stack.token({ rol: 'inwoner', sub: r!.id });
    await stack.query('mutation($id: ID!) { toestemmingIntrekken(id: $id) { id } }', { token: resident, variables: { id: parallel[0]!.body.data!.toestemmingVastleggen.id } });
    const again = await stack.query(RECORD, { token: coordinator, variables: { id: r!.id } });
    expect(again.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
    const hidden = await stack.query('query($id: ID!) { inwoner(id: $id) { voornaam toestemmingen { id } } }', { token: coordinator, variables: { id: r!.id } });
    expect(hidden.body.data!.inwoner).toBeNull();
    // The resident can give it again.
    const mine = await stack.query('mutation($id: ID!) { toestemmingVastleggen(inwoner: $id, organisatie: "vol") { id } }', { token: resident, variables: { id: r!.id } });
    expect(mine.body.errors).toBeUndefined();
  });

  it('a volunteer sees the resident only on the hulpvraag it is matched to', async () => {
    const [r] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
      and not exists (select 1 from sociale_basis.toestemming t where t.inwoner_id = i.id) order by id offset 6 limit 1`);
    const a = await stack.query(REGISTER, { token: coordinator, variables: { input: { wijk: 'WK008010', soort: 'MAATJESTRAJECT', inwoner: r!.id, toestemming: true } } });
    const b = await stack.query(REGISTER, { token: coordinator, variables: { input: { wijk: 'WK008010', soort: 'VERVOER', inwoner: r!.id, toestemming: true } } });
    await stack.query(MATCH, { token: coordinator, variables: { id: a.body.data!.hulpvraagRegistreren.id, v: volunteerId } });
    const volunteer = await stack.token({ rol: 'vrijwilliger', organisatie: 'vol', sub: volunteerId });
    const list = await stack.query('{ hulpvragen { id inwoner { id } } }', { token: volunteer });
    const byId = new Map(list.body.data!.hulpvragen.map((h: { id: string; inwoner: unknown }) => [h.id, h.inwoner]));
    expect(byId.get(a.body.data!.hulpvraagRegistreren.id)).toEqual({ id: r!.id });
    expect(byId.get(b.body.data!.hulpvraagRegistreren.id)).toBeNull();
  });

  it('a coordinator of another organisation cannot move V-O-L’s hulpvragen (NOT_FOUND, as for a missing one)', async () => {
    const reg = await stack.query(REGISTER, { token: coordinator, variables: { input: { wijk: 'WK008010', soort: 'VERVOER' } } });
    const other = await stack.token({ rol: 'vol-coordinator', organisatie: 'solidair-friesland' });
    const res = await stack.query('mutation($id: ID!) { hulpvraagOpschalen(id: $id, reden: "Niet van ons") { status } }', { token: other, variables: { id: reg.body.data!.hulpvraagRegistreren.id } });
    expect(res.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});
