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
    expect(code(await stack.query(END, { token: medewerker, variables: { id: row!.id, e: '2026-01-05' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'einddatum' });
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
    // A regievoerder token: sub is the regievoerder id, organisation the regievoerder's (Amaryllis).
    const regie = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis', sub: p!.regievoerder_id });
    const res = await stack.query('query($id: ID!) { inwoner(id: $id) { huishouden { leden { id } plan { regievoerder { id } doelen { omschrijving status } } } } }', { token: regie, variables: { id: member } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.inwoner.huishouden.leden).toHaveLength(p!.leden);
    expect(res.body.data!.inwoner.huishouden.plan.regievoerder.id).toBe(p!.regievoerder_id);
    // A member of another regievoerder's household, without support at Amaryllis of its own.
    const [other] = await stack.rows<{ id: string }>(sql`select i.id from basisondersteuning.inwoner i join basisondersteuning.plan p on p.huishouden_id = i.huishouden_id
      where p.regievoerder_id <> ${p!.regievoerder_id}
      and not exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id)
      and not exists (select 1 from basisondersteuning.lopende_beschikking b where b.inwoner_id = i.id) order by i.id limit 1`);
    const notMine = await stack.query('query($id: ID!) { inwoner(id: $id) { id } }', { token: regie, variables: { id: other!.id } });
    expect(notMine.body.data!.inwoner).toBeNull();
    // The same sub for another organisation is not the regievoerder.
    const impostor = await stack.token({ rol: 'basis-medewerker', organisatie: 'thfl', sub: p!.regievoerder_id });
    const denied = await stack.query('query($id: ID!) { inwoner(id: $id) { id signalen { soort } } }', { token: impostor, variables: { id: member } });
    expect(denied.body.data!.inwoner).toBeNull();
  });
});

describe('overgang: perspectiefgesprekken', () => {
  it('lists clients with a running old beschikking and no perspectiefgesprek, and drops one once held', async () => {
    const LIST = '{ perspectiefgesprekkenTeVoeren { uiterlijk inwoner { id voornaam achternaam } beschikking { product einddatum perspectiefgesprekGevoerd } } }';
    const before = await stack.query(LIST, { token: medewerker });
    expect(before.body.errors).toBeUndefined();
    const items = before.body.data!.perspectiefgesprekkenTeVoeren as Array<{ uiterlijk: string; inwoner: { id: string }; beschikking: { perspectiefgesprekGevoerd: boolean } }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.uiterlijk)).toEqual(items.map((i) => i.uiterlijk).sort());
    expect(items.every((i) => !i.beschikking.perspectiefgesprekGevoerd)).toBe(true);
    expect(items.every((i) => typeof (i.inwoner as { voornaam?: unknown }).voornaam === 'string')).toBe(true);
    const first = items[0]!.inwoner.id;
    const held = await stack.query('mutation($id: ID!) { contactmomentRegistreren(inwoner: $id, soort: PERSPECTIEFGESPREK, datum: "2026-01-10") { soort datum } }', { token: medewerker, variables: { id: first } });
    expect(held.body.errors).toBeUndefined();
    const after = await stack.query(LIST, { token: medewerker });
    expect(after.body.data!.perspectiefgesprekkenTeVoeren.map((i: { inwoner: { id: string } }) => i.inwoner.id)).not.toContain(first);
    const future = await stack.query('mutation($id: ID!) { contactmomentRegistreren(inwoner: $id, soort: HUISBEZOEK, datum: "2999-01-01") { id } }', { token: medewerker, variables: { id: first } });
    expect(code(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'datum' });
  });
});

describe('verwijzing naar aanvullende ondersteuning', () => {
  const VERWIJS = 'mutation($input: VerwijzingInput!) { verwijzen(input: $input) { id product criteria toewijzingId } }';
  it('records the criteria and becomes a verzoek om toewijzing at the hoofdaanbieder', async () => {
    const input = { inwoner: residentId, product: 'TO4', criteria: ['TO_INZICHT', 'TO_EXPERTISE'], ingangsdatum: '2026-02-01', volume: 3, eenheid: '04', frequentie: '2' };
    const res = await stack.query(VERWIJS, { token: medewerker, variables: { input } });
    expect(res.body.errors).toBeUndefined();
    const v = res.body.data!.verwijzen;
    expect(v).toMatchObject({ product: 'TO4', criteria: ['TO_INZICHT', 'TO_EXPERTISE'] });
    const consulent = await stack.token({ rol: 'gemeente-consulent' });
    const dossier = await stack.query('query($id: ID!) { inwoner(id: $id) { toewijzingen { id status product aanbieder { id } omvang { volume eenheid frequentie } } verwijzingen { toewijzingId } } }', { token: consulent, variables: { id: residentId } });
    const verzoek = dossier.body.data!.inwoner.toewijzingen.find((t: { id: string }) => t.id === v.toewijzingId);
    expect(verzoek).toMatchObject({ status: 'VERZOEK', product: 'TO4', aanbieder: { id: 'windkracht058' }, omvang: { volume: 3, eenheid: '04', frequentie: '2' } });
    // A verzoek is not yet a toewijzing: the provider does not see the resident.
    const aanbieder = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
    const provider = await stack.query('query($id: ID!) { inwoner(id: $id) { id } }', { token: aanbieder, variables: { id: residentId } });
    expect(provider.body.data!.inwoner).toBeNull();
  });

  it('refuses criteria of the wrong kind, no criteria, or non-iWmo codes, and writes nothing', async () => {
    const [before] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from aanvullende_ondersteuning.toewijzing`);
    const base = { inwoner: residentId, product: 'DB3', ingangsdatum: '2026-02-01', volume: 2, eenheid: '16', frequentie: '2' };
    expect(code(await stack.query(VERWIJS, { token: medewerker, variables: { input: { ...base, criteria: ['TO_INZICHT'] } } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criteria' });
    expect(code(await stack.query(VERWIJS, { token: medewerker, variables: { input: { ...base, criteria: [] } } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criteria' });
    expect(code(await stack.query(VERWIJS, { token: medewerker, variables: { input: { ...base, criteria: ['DB_STRUCTUUR'], eenheid: '99' } } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.eenheid' });
    const [after] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from aanvullende_ondersteuning.toewijzing`);
    expect(after!.n).toBe(before!.n);
  });
});

describe('beschikking on request', () => {
  it('goes from request to advice to decision to bezwaar, each step once and in order', async () => {
    const inwoner = await stack.token({ rol: 'inwoner', sub: residentId });
    const consulent = await stack.token({ rol: 'gemeente-consulent' });
    const asked = await stack.query('mutation($id: ID!) { beschikkingAanvragen(inwoner: $id) { id status } }', { token: inwoner, variables: { id: residentId } });
    expect(asked.body.data!.beschikkingAanvragen.status).toBe('AANGEVRAAGD');
    const id = asked.body.data!.beschikkingAanvragen.id;
    const again = await stack.query('mutation($id: ID!) { beschikkingAanvragen(inwoner: $id) { id } }', { token: inwoner, variables: { id: residentId } });
    expect(code(again)).toMatchObject({ code: 'CONFLICT' });

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const DECIDE = `mutation($id: ID!) { beschikkingBesluiten(id: $id, besluit: TOEGEKEND, gronden: "Getoetst aan de verordening en het advies", datum: "${today}") { status besluit besluitGronden } }`;
    expect(code(await stack.query(DECIDE, { token: consulent, variables: { id } }))).toMatchObject({ code: 'CONFLICT', currentStatus: 'AANGEVRAAGD' });
    const advice = await stack.query('mutation($id: ID!) { zwaarwegendAdviesGeven(id: $id, advies: TOEKENNEN) { status advies } }', { token: medewerker, variables: { id } });
    expect(advice.body.data!.zwaarwegendAdviesGeven).toEqual({ status: 'ADVIES_GEGEVEN', advies: 'TOEKENNEN' });
    const decided = await stack.query(DECIDE, { token: consulent, variables: { id } });
    expect(decided.body.data!.beschikkingBesluiten).toMatchObject({ status: 'BESLOTEN', besluit: 'TOEGEKEND' });
    const bezwaar = await stack.query(`mutation($id: ID!) { bezwaarRegistreren(id: $id, datum: "${today}") { status bezwaarOp } }`, { token: inwoner, variables: { id } });
    expect(bezwaar.body.data!.bezwaarRegistreren).toEqual({ status: 'IN_BEZWAAR', bezwaarOp: today });
    const twice = await stack.query(`mutation($id: ID!) { bezwaarRegistreren(id: $id, datum: "${today}") { status } }`, { token: inwoner, variables: { id } });
    expect(code(twice)).toMatchObject({ code: 'CONFLICT', currentStatus: 'IN_BEZWAAR' });
    // The provider's role cannot decide, and a resident cannot ask for someone else.
    const other = await stack.query('mutation { beschikkingAanvragen(inwoner: "inw-0000000000000000") { id } }', { token: inwoner });
    expect(code(other)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('signals', () => {
  it('are registered and seen by the household’s regievoerder only, and by the gemeente', async () => {
    const [p] = await stack.rows<{ regievoerder_id: string; id: string }>(sql`select p.regievoerder_id, i.id from basisondersteuning.plan p
      join basisondersteuning.inwoner i on i.huishouden_id = p.huishouden_id order by i.id limit 1`);
    const regie = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis', sub: p!.regievoerder_id });
    const REG = 'mutation($id: ID!, $stap: Int) { signaalRegistreren(inwoner: $id, soort: VEILIG_THUIS_MELDCODE, stap: $stap, datum: "2026-01-15") { soort stap } }';
    expect(code(await stack.query(REG, { token: regie, variables: { id: p!.id } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stap' });
    const ok = await stack.query(REG, { token: regie, variables: { id: p!.id, stap: 2 } });
    expect(ok.body.data!.signaalRegistreren).toEqual({ soort: 'VEILIG_THUIS_MELDCODE', stap: 2 });
    const notRegie = await stack.query(REG, { token: medewerker, variables: { id: p!.id, stap: 2 } });
    expect(code(notRegie)).toMatchObject({ code: 'FORBIDDEN' });

    const SEE = 'query($id: ID!) { inwoner(id: $id) { signalen { soort stap } } }';
    expect((await stack.query(SEE, { token: regie, variables: { id: p!.id } })).body.data!.inwoner.signalen).toContainEqual({ soort: 'VEILIG_THUIS_MELDCODE', stap: 2 });
    const consulent = await stack.token({ rol: 'gemeente-consulent' });
    expect((await stack.query(SEE, { token: consulent, variables: { id: p!.id } })).body.data!.inwoner.signalen).toContainEqual({ soort: 'VEILIG_THUIS_MELDCODE', stap: 2 });
    // Another Amaryllis worker with a relation to the resident still sees no signals.
    await stack.database.execute(`insert into basisondersteuning.ondersteuning (id, gemeente_code, inwoner_id, wijk_code, organisatie_id, soort, startdatum)
      select 'sig-ond', 'GM0080', id, wijk_code, 'amaryllis', 'PTO', '2025-01-01' from basisondersteuning.inwoner where id = '${p!.id}'`);
    const colleague = await stack.query(SEE, { token: medewerker, variables: { id: p!.id } });
    expect(colleague.body.data!.inwoner.signalen).toEqual([]);
    const inwoner = await stack.token({ rol: 'inwoner', sub: p!.id });
    expect(code(await stack.query(SEE, { token: inwoner, variables: { id: p!.id } }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('household plan', () => {
  it('is drawn up once per household, with goals that close once, and shows the agreed support', async () => {
    const [r] = await stack.rows<{ id: string; huishouden_id: string }>(sql`select i.id, i.huishouden_id from basisondersteuning.inwoner i
      where i.gemeente_code = 'GM0080' and not exists (select 1 from basisondersteuning.plan p where p.huishouden_id = i.huishouden_id)
      and not exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id) order by i.id desc offset 5 limit 1`);
    const PLAN = 'mutation($h: ID!, $rv: ID!) { planOpstellen(huishouden: $h, regievoerder: $rv) { id regievoerder { id } afgesprokenOndersteuning { soort } } }';
    // No relation with the household yet: refused without revealing it.
    const early = await stack.query(PLAN, { token: medewerker, variables: { h: r!.huishouden_id, rv: 'gm0080-rv-1' } });
    expect(code(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'huishouden' });
    await stack.query(REGISTER, { token: medewerker, variables: { input: { inwoner: r!.id, soort: 'DB1', startdatum: '2026-01-01' } } });
    const wrongRv = await stack.query(PLAN, { token: medewerker, variables: { h: r!.huishouden_id, rv: 'nope' } });
    expect(code(wrongRv)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regievoerder' });
    const made = await stack.query(PLAN, { token: medewerker, variables: { h: r!.huishouden_id, rv: 'gm0080-rv-1' } });
    expect(made.body.errors).toBeUndefined();
    expect(made.body.data!.planOpstellen).toMatchObject({ regievoerder: { id: 'gm0080-rv-1' }, afgesprokenOndersteuning: [{ soort: 'DB1' }] });
    expect(code(await stack.query(PLAN, { token: medewerker, variables: { h: r!.huishouden_id, rv: 'gm0080-rv-2' } }))).toMatchObject({ code: 'CONFLICT' });

    const planId = made.body.data!.planOpstellen.id;
    const added = await stack.query('mutation($p: ID!) { doelToevoegen(plan: $p, omschrijving: "Zelfstandig boodschappen doen", streefdatum: "2099-06-30") { id status } }', { token: medewerker, variables: { p: planId } });
    expect(added.body.data!.doelToevoegen.status).toBe('OPEN');
    const past = await stack.query('mutation($p: ID!) { doelToevoegen(plan: $p, omschrijving: "Te laat", streefdatum: "2001-01-01") { id } }', { token: medewerker, variables: { p: planId } });
    expect(code(past)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'streefdatum' });
    const CLOSE = 'mutation($id: ID!) { doelAfsluiten(id: $id, status: BEREIKT) { status } }';
    const doelId = added.body.data!.doelToevoegen.id;
    expect((await stack.query(CLOSE, { token: medewerker, variables: { id: doelId } })).body.data!.doelAfsluiten.status).toBe('BEREIKT');
    expect(code(await stack.query(CLOSE, { token: medewerker, variables: { id: doelId } }))).toMatchObject({ code: 'CONFLICT', currentStatus: 'BEREIKT' });
    // Another basis organisation's worker cannot touch the plan.
    const other = await stack.token({ rol: 'basis-medewerker', organisatie: 'elders' });
    expect(code(await stack.query('mutation($p: ID!) { doelToevoegen(plan: $p, omschrijving: "Iets") { id } }', { token: other, variables: { p: planId } }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
