/**
 * The processing log (Logboek Dataverwerkingen): which requests write records, what a
 * record holds, what the resident and the fg see of it, and that no personal data is
 * released when the log cannot be written. Also the anonymised monthly file's gate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPseudonymKey } from '../../subgraphs/shared/keys';
import { pseudoniem } from '../../subgraphs/shared/verwerkingen';
import { activiteitUri } from '../../subgraphs/shared/verwerkingsactiviteiten';
import { bootStack, sql, type Stack } from '../support/stack';

let stack: Stack;
let x: { id: string; voornaam: string; achternaam: string; bsn: string };
let pseudo: string;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 300 });
  // A resident with a running toewijzing at windkracht058 and household help, so every pillar has data.
  const [row] = await stack.rows<typeof x>(sql`select i.id, i.voornaam, i.achternaam, i.bsn from basisondersteuning.inwoner i
    where exists (select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id and t.organisatie_id = 'windkracht058'
      and t.status in ('toegewezen', 'gestart') and (t.einddatum is null or t.einddatum >= current_date))
    and exists (select 1 from huishoudelijke_hulp.indicatie h where h.inwoner_id = i.id)
    order by i.id limit 1`);
  x = row!;
  pseudo = pseudoniem(loadPseudonymKey(stack.config), x.id);
});
afterAll(() => stack?.stop());

type Rec = { trace_id: string; span_id: string; parent_span_id: string | null; dienst: string; naam: string; soort: string; status_code: number;
  verwerkingsactiviteit: string; doel: string; rol: string; organisatie: string | null; gebruiker: string; velden: string[]; betrokkene: string };

async function recordsOfTrace(traceId: string): Promise<Rec[]> {
  return stack.rows<Rec>(sql`select * from privacy.verwerking where trace_id = ${traceId} order by dienst`);
}

async function traced(query: string, token: string, variables?: Record<string, unknown>) {
  const traceId = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const res = await fetch(stack.platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    body: JSON.stringify({ query, variables }),
  });
  return { traceId, status: res.status, body: (await res.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> } };
}

const DOSSIER = `query($id: ID!) { inwoner(id: $id) { voornaam achternaam bsn adres { straat }
  toewijzingen { product aanbieder { naam } } huishoudelijkeHulp { minutenPerWeek } ondersteuningen { soort } } }`;

describe('processing log records', () => {
  it('writes one record per subgraph that returned the resident’s data, with the fields read, pseudonymised', async () => {
    const token = await stack.token({ rol: 'gemeente-consulent', sub: 'consulent-7' });
    const { traceId, body } = await traced(DOSSIER, token, { id: x.id });
    expect(body.errors).toBeUndefined();
    const recs = await recordsOfTrace(traceId);
    expect(recs.map((r) => r.dienst)).toEqual(['aanvullende-ondersteuning', 'basisondersteuning', 'huishoudelijke-hulp']);
    const byDienst = Object.fromEntries(recs.map((r) => [r.dienst, r]));
    expect(byDienst.basisondersteuning!.velden).toEqual(expect.arrayContaining(['Inwoner.bsn', 'Inwoner.voornaam', 'Inwoner.achternaam', 'Inwoner.adres', 'Adres.straat']));
    expect(byDienst['aanvullende-ondersteuning']!.velden).toEqual(expect.arrayContaining(['Inwoner.toewijzingen', 'Toewijzing.product', 'Toewijzing.aanbieder']));
    expect(byDienst['huishoudelijke-hulp']!.velden).toEqual(expect.arrayContaining(['HhIndicatie.minutenPerWeek']));
    for (const r of recs) {
      expect(r.betrokkene).toBe(pseudo);
      expect(r.soort).toBe('lezen');
      expect(r.status_code).toBe(1);
      expect(r.rol).toBe('gemeente-consulent');
      expect(r.gebruiker).toBe('consulent-7');
      expect(r.doel).toBe('toegang-en-beschikking');
      expect(r.verwerkingsactiviteit).toBe(activiteitUri('GM0080', 'toegang-en-beschikking'));
      expect(r.span_id).toMatch(/^[0-9a-f]{16}$/);
      // The gateway's span for this subgraph fetch (traceparent), not the client's.
      expect(r.parent_span_id).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(new Set(recs.map((r) => r.span_id)).size).toBe(recs.length);
    // Neither the id nor the BSN nor the name of the resident is anywhere in the log.
    const dump = JSON.stringify(await stack.rows(sql`select * from privacy.verwerking`));
    for (const secret of [x.id, x.bsn, x.achternaam]) expect(dump).not.toContain(secret);
  });

  it('writes nothing for aggregates, for denied fields, and for residents outside the caller’s relation', async () => {
    const beleid = await stack.token({ rol: 'gemeente-beleid' });
    const agg = await traced('{ wijken { code clientenBasisondersteuning { waarde } clientenHuishoudelijkeHulp { waarde } openHulpvragen { waarde } } }', beleid);
    expect(agg.body.errors).toBeUndefined();
    expect(await recordsOfTrace(agg.traceId)).toEqual([]);

    // A provider with a relation: its record lists what it read, not the BSN it was refused.
    const aanbieder = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
    const partly = await traced(DOSSIER, aanbieder, { id: x.id });
    expect(partly.body.data.inwoner.bsn).toBeNull();
    const recs = await recordsOfTrace(partly.traceId);
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) expect(r.velden).not.toContain('Inwoner.bsn');

    // Another provider: no relation, no data, no record.
    const other = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'oa-dementie' });
    const [stranger] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner i where not exists (
      select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id and 'oa-dementie' in (t.organisatie_id, coalesce(t.onderaannemer_id, ''))) order by id limit 1`);
    const none = await traced(DOSSIER, other, { id: stranger!.id });
    expect(none.body.data.inwoner).toBeNull();
    expect(await recordsOfTrace(none.traceId)).toEqual([]);
  });

  it('marks a change as wijzigen', async () => {
    const token = await stack.token({ rol: 'inwoner', sub: x.id });
    const res = await traced(`mutation { toestemmingVastleggen(inwoner: "${x.id}", organisatie: "vol") { id gegevenOp } }`, token);
    expect(res.body.errors).toBeUndefined();
    const [rec] = await recordsOfTrace(res.traceId);
    expect(rec).toMatchObject({ dienst: 'sociale-basis', soort: 'wijzigen', naam: 'mutation toestemmingVastleggen', rol: 'inwoner', doel: 'eigen-dossier', betrokkene: pseudo });
  });
});

describe('changes', () => {
  it('logs a change to a household plan for every member, even when the client selects nothing personal', async () => {
    const [p] = await stack.rows<{ id: string; regievoerder_id: string; huishouden_id: string }>(sql`select p.id, p.regievoerder_id, p.huishouden_id
      from basisondersteuning.plan p where (select count(*) from basisondersteuning.inwoner i where i.huishouden_id = p.huishouden_id) >= 2 order by p.id limit 1`);
    const members = (await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner where huishouden_id = ${p!.huishouden_id}`)).map((m) => m.id);
    const key = loadPseudonymKey(stack.config);
    const token = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis', sub: p!.regievoerder_id });
    const res = await traced(`mutation { doelToevoegen(plan: "${p!.id}", omschrijving: "Weer zelf koken") { __typename } }`, token);
    expect(res.body.errors).toBeUndefined();
    const recs = await recordsOfTrace(res.traceId);
    expect(recs.map((r) => r.betrokkene).sort()).toEqual(members.map((m) => pseudoniem(key, m)).sort());
    for (const r of recs) expect(r).toMatchObject({ soort: 'wijzigen', velden: ['Mutation.doelToevoegen'], dienst: 'basisondersteuning' });
  });
});

describe('who and what a record names (review findings)', () => {
  it('never stores a resident’s id, also not as the actor when the resident acts themself', async () => {
    const res = await traced('{ mij { voornaam } }', await stack.token({ rol: 'inwoner', sub: x.id }));
    expect(res.body.errors).toBeUndefined();
    const recs = await recordsOfTrace(res.traceId);
    expect(recs).toHaveLength(1);
    expect(recs[0]!.gebruiker).toBe(`pseudoniem:${pseudo}`);
    const fg = await stack.query(`{ verwerkingen(traceId: "${res.traceId}") { verwerkingen { gebruiker betrokkene } } }`, { token: await stack.token({ rol: 'fg' }) });
    expect(JSON.stringify(fg.body)).not.toContain(x.id);
  });

  it('does not tell a resident, through their own log, of a Veilig Thuis signal (geheim) registered or read', async () => {
    const [p] = await stack.rows<{ regievoerder_id: string; id: string }>(sql`select p.regievoerder_id, i.id from basisondersteuning.plan p
      join basisondersteuning.inwoner i on i.huishouden_id = p.huishouden_id order by i.id limit 1`);
    const rv = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis', sub: p!.regievoerder_id });
    expect((await stack.query(`mutation { signaalRegistreren(inwoner: "${p!.id}", soort: VEILIG_THUIS_MELDCODE, stap: 2, datum: "2026-11-01") { id } }`, { token: rv })).body.errors).toBeUndefined();
    const read = await traced(`{ inwoner(id: "${p!.id}") { voornaam signalen { soort stap } } }`, rv);
    expect(read.body.errors).toBeUndefined();
    const me = await stack.token({ rol: 'inwoner', sub: p!.id });
    const log = await stack.query('{ mij { verwerkingen(aantal: 500) { verwerkingen { naam velden } } } }', { token: me });
    expect(log.body.errors).toBeUndefined();
    expect(JSON.stringify(log.body.data)).not.toMatch(/Signaal\.|Inwoner\.signalen|signaalRegistreren/);
    // The read of the name in the same request stays visible, under a neutral name.
    expect(log.body.data!.mij.verwerkingen.verwerkingen).toContainEqual({ naam: 'query', velden: ['Inwoner.voornaam'] });
    // The fg sees everything.
    const fg = await stack.query(`{ verwerkingen(traceId: "${read.traceId}") { verwerkingen { naam velden } } }`, { token: await stack.token({ rol: 'fg' }) });
    expect(JSON.stringify(fg.body.data)).toMatch(/Inwoner\.signalen/);
  });

  it('logs a read of a household plan for every member, as a change to it is', async () => {
    const [p] = await stack.rows<{ regievoerder_id: string; huishouden_id: string }>(sql`select p.regievoerder_id, p.huishouden_id from basisondersteuning.plan p
      where (select count(*) from basisondersteuning.inwoner i where i.huishouden_id = p.huishouden_id) >= 2
        and exists (select 1 from basisondersteuning.doel d where d.plan_id = p.id) order by p.id limit 1`);
    const members = (await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner where huishouden_id = ${p!.huishouden_id} order by id`)).map((m) => m.id);
    const token = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis', sub: p!.regievoerder_id });
    const res = await traced(`{ inwoner(id: "${members[0]}") { huishouden { plan { doelen { omschrijving } } } } }`, token);
    expect(res.body.data.inwoner.huishouden.plan.doelen.length).toBeGreaterThan(0);
    const key = loadPseudonymKey(stack.config);
    const recs = await recordsOfTrace(res.traceId);
    expect(recs.map((r) => r.betrokkene).sort()).toEqual(members.map((m) => pseudoniem(key, m)).sort());
    for (const r of recs) expect(r.velden).toEqual(expect.arrayContaining(['Plan.doelen', 'Doel.omschrijving']));
  });

  it('lists the fields of a goal returned by doelToevoegen in the record of every member', async () => {
    const [p] = await stack.rows<{ id: string; regievoerder_id: string }>(sql`select id, regievoerder_id from basisondersteuning.plan order by id desc limit 1`);
    const token = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis', sub: p!.regievoerder_id });
    const res = await traced(`mutation { doelToevoegen(plan: "${p!.id}", omschrijving: "Weer fietsen") { id omschrijving } }`, token);
    expect(res.body.errors).toBeUndefined();
    const recs = await recordsOfTrace(res.traceId);
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) expect(r.velden).toEqual(['Doel.id', 'Doel.omschrijving', 'Mutation.doelToevoegen']);
  });

  it('does not log a hulpvraag’s resident for a volunteer who got it anonymously', async () => {
    const [i] = await stack.rows<{ id: string; wijk_code: string }>(sql`select id, wijk_code from basisondersteuning.inwoner order by id desc offset 3 limit 1`);
    await stack.database.execute(`
      insert into sociale_basis.toestemming (id, gemeente_code, inwoner_id, organisatie_id, doel, gegeven_op, vastgelegd_door)
        values ('anon-ts', 'GM0080', '${i!.id}', 'vol', 'sociale-basis', '2026-01-01T09:00:00Z', 'test');
      insert into sociale_basis.hulpvraag (id, gemeente_code, wijk_code, inwoner_id, soort, status, organisatie_id, aangemaakt_op)
        values ('anon-hv', 'GM0080', '${i!.wijk_code}', '${i!.id}', 'VERVOER', 'OPEN', 'vol', '2026-01-01T10:00:00Z');`);
    const [v] = await stack.rows<{ id: string }>(sql`select id from sociale_basis.vrijwilliger where organisatie_id = 'vol' order by id desc limit 1`);
    const res = await traced('{ hulpvragen(status: OPEN) { id soort inwoner { id } } }', await stack.token({ rol: 'vrijwilliger', organisatie: 'vol', sub: v!.id }));
    expect(res.body.data.hulpvragen.find((h: { id: string }) => h.id === 'anon-hv')).toEqual({ id: 'anon-hv', soort: 'VERVOER', inwoner: null });
    const key = loadPseudonymKey(stack.config);
    expect((await recordsOfTrace(res.traceId)).filter((r) => r.betrokkene === pseudoniem(key, i!.id))).toEqual([]);
    // The coordinator of the organisation the resident consented to does see who asked, and that is logged.
    const coord = await traced('{ hulpvragen(status: OPEN) { id inwoner { id } } }', await stack.token({ rol: 'vol-coordinator', organisatie: 'vol' }));
    expect((await recordsOfTrace(coord.traceId)).filter((r) => r.betrokkene === pseudoniem(key, i!.id))).toEqual([
      expect.objectContaining({ dienst: 'sociale-basis', velden: expect.arrayContaining(['Hulpvraag.id', 'Hulpvraag.inwoner']) }),
    ]);
  });
});

describe('bad input on the privacy fields', () => {
  it.each([
    ['fg', `{ verwerkingen(inwoner: "X", aantal: 0) { volgende } }`, 'aantal'],
    ['fg', `{ verwerkingen(inwoner: "X", aantal: 501) { volgende } }`, 'aantal'],
    ['fg', `{ verwerkingen(inwoner: "X", na: "abc") { volgende } }`, 'na'],
    ['fg', `{ verwerkingen(traceId: "not-a-trace") { volgende } }`, 'traceId'],
    ['fg', `{ verwerkingen(inwoner: "x y") { volgende } }`, 'inwoner'],
    ['inwoner', `{ mij { verwerkingen(aantal: 0) { volgende } } }`, 'aantal'],
    ['basis-medewerker', `{ anoniemeMaandexport(jaar: 2025, maand: 13) { k } }`, 'maand'],
    ['gemeente-contractmanager', `mutation { verwerkersovereenkomstVastleggen(organisatie: "amaryllis", doel: ANONIEME_MAANDEXPORT, ingangsdatum: "2026-01-01", einddatum: "2025-01-01") { id } }`, 'einddatum'],
    ['gemeente-contractmanager', `mutation { verwerkersovereenkomstVastleggen(organisatie: "onbekend", doel: ANONIEME_MAANDEXPORT, ingangsdatum: "2026-01-01") { id } }`, 'organisatie'],
  ] as const)('%s: %s names %s', async (rol, query, field) => {
    const token = await stack.token({ rol, sub: rol === 'inwoner' ? x.id : undefined, organisatie: rol === 'basis-medewerker' ? 'amaryllis' : undefined });
    const res = await stack.query(query.replace('"X"', `"${x.id}"`), { token });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('refused changes', () => {
  it('logs the case status a CONFLICT discloses, for the resident of the case', async () => {
    const [t] = await stack.rows<{ id: string; inwoner_id: string }>(sql`select id, inwoner_id from aanvullende_ondersteuning.toewijzing
      where organisatie_id = 'windkracht058' and onderaannemer_id is null and status = 'gestart' order by id limit 1`);
    const token = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
    const res = await traced(`mutation { startbericht(berichtId: "conflict-1", toewijzing: "${t!.id}", begindatum: "2026-11-01") { status } }`, token);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'GESTART' });
    expect(JSON.stringify(res.body)).not.toContain(t!.inwoner_id);
    const recs = await recordsOfTrace(res.traceId);
    expect(recs).toEqual([expect.objectContaining({ soort: 'wijzigen', status_code: 0, velden: ['Mutation.startbericht'], betrokkene: pseudoniem(loadPseudonymKey(stack.config), t!.inwoner_id) })]);
    // A missing toewijzing discloses nothing and logs nothing.
    const missing = await traced('mutation { startbericht(berichtId: "conflict-2", toewijzing: "nope", begindatum: "2026-11-01") { status } }', token);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await recordsOfTrace(missing.traceId)).toEqual([]);
  });
});

describe('resident insight and the fg', () => {
  it('shows the resident who processed their data (role, organisation, purpose, fields), never the worker', async () => {
    const provider = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058', sub: 'medewerker-geheim' });
    await traced(DOSSIER, provider, { id: x.id });
    const token = await stack.token({ rol: 'inwoner', sub: x.id });
    const res = await stack.query('{ mij { id verwerkingen(aantal: 500) { verwerkingen { rol organisatie { naam } doel velden verwerkingsactiviteit { grondslag } } } } }', { token });
    expect(res.body.errors).toBeUndefined();
    const list = res.body.data!.mij.verwerkingen.verwerkingen as Array<{ rol: string; organisatie: { naam: string } | null; doel: string }>;
    expect(list).toContainEqual(expect.objectContaining({ rol: 'aanbieder-medewerker', organisatie: { naam: 'Windkracht058' }, doel: 'uitvoering-ondersteuning' }));
    expect(list).toContainEqual(expect.objectContaining({ rol: 'gemeente-consulent', organisatie: null }));
    const who = await stack.query('{ mij { verwerkingen { verwerkingen { gebruiker } } } }', { token });
    expect(who.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(who.body)).not.toContain('medewerker-geheim');
    // Another resident's log is out of reach, even by id.
    const [other] = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner where id <> ${x.id} order by id limit 1`);
    const foreign = await stack.query(`{ inwoner(id: "${other!.id}") { verwerkingen { verwerkingen { naam } } } }`, { token });
    expect(foreign.body.data?.inwoner ?? null).toBeNull();
  });

  it('pages the resident’s log newest first without gaps or overlaps', async () => {
    const token = await stack.token({ rol: 'inwoner', sub: x.id });
    const all: string[] = [];
    let na: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof stack.query>> = await stack.query('query($na: String) { mij { verwerkingen(aantal: 2, na: $na) { volgende verwerkingen { tijdstip naam } } } }', { token, variables: { na } });
      const page = res.body.data!.mij.verwerkingen;
      all.push(...page.verwerkingen.map((v: { tijdstip: string; naam: string }) => `${v.tijdstip} ${v.naam}`));
      na = page.volgende;
    } while (na && all.length < 200);
    const [{ n }] = (await stack.rows<{ n: number }>(sql`select count(*)::int as n from privacy.verwerking where betrokkene = ${pseudo}`)) as [{ n: number }];
    // Each page read is itself a record, written after the page was read: the walk sees at least the records before it.
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.length).toBeLessThanOrEqual(n);
    expect([...all].sort().reverse()).toEqual(all);
  });

  it('lets the fg search by resident or trace, and logs the inquiry into a resident', async () => {
    const token = await stack.token({ rol: 'fg', sub: 'fg-1' });
    const consulent = await stack.token({ rol: 'gemeente-consulent' });
    const { traceId } = await traced(DOSSIER, consulent, { id: x.id });
    const byTrace = await stack.query(`{ verwerkingen(traceId: "${traceId}") { verwerkingen { dienst gebruiker betrokkene } } }`, { token });
    expect(byTrace.body.errors).toBeUndefined();
    expect(byTrace.body.data!.verwerkingen.verwerkingen.map((v: { dienst: string }) => v.dienst).sort())
      .toEqual(['aanvullende-ondersteuning', 'basisondersteuning', 'huishoudelijke-hulp']);
    const inquiry = await traced(`{ verwerkingen(inwoner: "${x.id}", aantal: 1) { verwerkingen { naam } } }`, token);
    expect(inquiry.body.errors).toBeUndefined();
    expect(await recordsOfTrace(inquiry.traceId)).toEqual([expect.objectContaining({ dienst: 'privacy', rol: 'fg', velden: ['Query.verwerkingen'], betrokkene: pseudo })]);
    // An inquiry by trace is logged for every resident it returned records about.
    const byTraceInquiry = await traced(`{ verwerkingen(traceId: "${traceId}") { verwerkingen { naam } } }`, token);
    const inquiryRecs = await recordsOfTrace(byTraceInquiry.traceId);
    expect(inquiryRecs.map((r) => [r.dienst, r.betrokkene, r.velden])).toEqual([['privacy', pseudo, ['Query.verwerkingen']]]);
    const noFilter = await stack.query('{ verwerkingen { verwerkingen { naam } } }', { token });
    expect(noFilter.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('integrity of the log', () => {
  it('refuses to change or delete a record', async () => {
    for (const statement of ['update privacy.verwerking set rol = \'fg\'', 'delete from privacy.verwerking', 'truncate privacy.verwerking']) {
      await expect(stack.database.execute(statement)).rejects.toThrow(/append-only/);
    }
    const [{ n }] = (await stack.rows<{ n: number }>(sql`select count(*)::int as n from privacy.verwerking`)) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
  });
});

describe('failure of the log', () => {
  it('withholds personal data when its record cannot be written, and recovers', async () => {
    const token = await stack.token({ rol: 'gemeente-consulent' });
    await stack.database.execute('alter table privacy.verwerking rename to verwerking_weg');
    try {
      const res = await stack.query(DOSSIER, { token, variables: { id: x.id } });
      expect(JSON.stringify(res.body)).not.toContain(x.achternaam);
      expect(JSON.stringify(res.body)).not.toContain(x.bsn);
      expect(res.body.data?.inwoner ?? null).toBeNull();
      // Aggregates write no records and keep working.
      const agg = await stack.query('{ wijken { code clientenBasisondersteuning { onderdrukt } } }', { token });
      expect(agg.body.errors).toBeUndefined();
    } finally {
      await stack.database.execute('alter table privacy.verwerking_weg rename to verwerking');
    }
    const again = await stack.query(DOSSIER, { token, variables: { id: x.id } });
    expect(again.body.data!.inwoner.achternaam).toBe(x.achternaam);
  });
});

describe('data minimisation and the anonymised file', () => {
  it('gives a matched volunteer the initial of the surname only', async () => {
    // A resident who consented to V-O-L, with a hulpvraag matched to a seeded volunteer.
    const [h] = await stack.rows<{ id: string; vrijwilliger_id: string; achternaam: string; wijk_code: string }>(sql`select i.id, i.achternaam, i.wijk_code,
      (select v.id from sociale_basis.vrijwilliger v where v.organisatie_id = 'vol' order by v.id limit 1) as vrijwilliger_id
      from basisondersteuning.inwoner i where i.id <> ${x.id} order by i.id desc limit 1`);
    await stack.database.execute(`
      insert into sociale_basis.toestemming (id, gemeente_code, inwoner_id, organisatie_id, doel, gegeven_op, vastgelegd_door)
        values ('vl-ts', 'GM0080', '${h!.id}', 'vol', 'sociale-basis', '2026-01-01T09:00:00Z', 'test');
      insert into sociale_basis.hulpvraag (id, gemeente_code, wijk_code, inwoner_id, soort, status, organisatie_id, vrijwilliger_id, aangemaakt_op)
        values ('vl-hv', 'GM0080', '${h!.wijk_code}', '${h!.id}', 'BOODSCHAPPEN', 'GEMATCHT', 'vol', '${h!.vrijwilliger_id}', '2026-01-01T10:00:00Z');`);
    const token = await stack.token({ rol: 'vrijwilliger', organisatie: 'vol', sub: h!.vrijwilliger_id });
    const res = await stack.query(`{ inwoner(id: "${h!.id}") { voornaam achternaam } }`, { token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.inwoner.achternaam).toBe(`${h!.achternaam.split(' ').at(-1)![0]!.toUpperCase()}.`);
    const coordinator = await stack.query(`{ inwoner(id: "${h!.id}") { achternaam } }`, { token: await stack.token({ rol: 'vol-coordinator', organisatie: 'vol' }) });
    expect(coordinator.body.data!.inwoner.achternaam).toBe(h!.achternaam);
  });

  it('serves the anonymised file only to an organisation with an agreement in force, and follows the register', async () => {
    const q = '{ anoniemeMaandexport(jaar: 2025, maand: 3) { k totaal weggelaten regels { soort niveau } } }';
    const amaryllis = await stack.query(q, { token: await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis' }) });
    expect(amaryllis.body.errors).toBeUndefined();
    expect(amaryllis.body.data!.anoniemeMaandexport.k).toBe(stack.config.SUPPRESSION_THRESHOLD);
    expect(amaryllis.body.data!.anoniemeMaandexport.totaal).toBeGreaterThan(0);
    const provider = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
    const refused = await stack.query(q, { token: provider });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.body.data?.anoniemeMaandexport ?? null).toBeNull();

    const manager = await stack.token({ rol: 'gemeente-contractmanager' });
    const made = await stack.query('mutation { verwerkersovereenkomstVastleggen(organisatie: "windkracht058", doel: ANONIEME_MAANDEXPORT, ingangsdatum: "2025-01-01") { id } }', { token: manager });
    expect(made.body.errors).toBeUndefined();
    expect((await stack.query(q, { token: provider })).body.errors).toBeUndefined();
    // Ended before March 2025: refused again. An end before the start is bad input.
    const id = made.body.data!.verwerkersovereenkomstVastleggen.id;
    const bad = await stack.query(`mutation { verwerkersovereenkomstBeeindigen(id: "${id}", einddatum: "2024-12-31") { id } }`, { token: manager });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await stack.query(`mutation { verwerkersovereenkomstBeeindigen(id: "${id}", einddatum: "2025-02-28") { id } }`, { token: manager });
    expect((await stack.query(q, { token: provider })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The organisation sees its own agreements only.
    const own = await stack.query('{ verwerkersovereenkomsten { organisatie { id } einddatum } }', { token: provider });
    expect(own.body.data!.verwerkersovereenkomsten).toEqual([{ organisatie: { id: 'windkracht058' }, einddatum: '2025-02-28' }]);
  });

  it('publishes the register of processing activities with the URIs the records carry', async () => {
    const res = await stack.query('{ verwerkingsactiviteiten { uri doel grondslag } }', { token: await stack.token({ rol: 'adviesraad' }) });
    const uris = res.body.data!.verwerkingsactiviteiten.map((a: { uri: string }) => a.uri);
    const used = await stack.rows<{ uri: string }>(sql`select distinct verwerkingsactiviteit as uri from privacy.verwerking`);
    expect(used.length).toBeGreaterThan(0);
    for (const { uri } of used) expect(uris).toContain(uri);
  });
});
