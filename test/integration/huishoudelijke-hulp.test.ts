/**
 * Huishoudelijke hulp through the gateway: the normtabel as data, an indicatie computed
 * from it, the joint intake queue and its assignment rules, a staff transfer that keeps
 * every client-helper pair, and the placement of the clients of a provider that stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../subgraphs/shared/scalars';
import { bootStack, sql, type Stack } from '../support/stack';

let stack: Stack;
let consulent: string;
let beleid: string;
let contractmanager: string;
let thfl: string;
let miep: string;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 1500 });
  consulent = await stack.token({ rol: 'gemeente-consulent' });
  beleid = await stack.token({ rol: 'gemeente-beleid' });
  contractmanager = await stack.token({ rol: 'gemeente-contractmanager' });
  thfl = await stack.token({ rol: 'hh-medewerker', organisatie: 'thfl' });
  miep = await stack.token({ rol: 'hh-medewerker', organisatie: 'miep' });
});
afterAll(() => stack?.stop());

const err = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => res.body.errors?.[0]?.extensions;
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Residents without household help and without an open aanvraag, optionally born before a date. */
async function residents(n: number, bornBefore = '2100-01-01'): Promise<string[]> {
  const rows = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
    and geboortedatum < ${bornBefore}
    and not exists (select 1 from huishoudelijke_hulp.indicatie x where x.inwoner_id = i.id)
    and not exists (select 1 from huishoudelijke_hulp.aanvraag a where a.inwoner_id = i.id)
    order by id limit ${n}`);
  return rows.map((r) => r.id);
}

async function bezet(org: string): Promise<number> {
  // Distinct clients with an indicatie not ended (also starting later) or an assigned aanvraag.
  const [r] = await stack.rows<{ n: number }>(sql`select count(distinct inwoner_id)::int as n from (
    select inwoner_id from huishoudelijke_hulp.indicatie where organisatie_id = ${org} and (einddatum is null or einddatum >= current_date)
    union all select inwoner_id from huishoudelijke_hulp.aanvraag where aanbieder_id = ${org} and status = 'TOEGEWEZEN') x`);
  return Number(r!.n);
}

const INDIENEN = 'mutation($i: ID!, $v: ID) { hhAanvraagIndienen(inwoner: $i, voorkeurAanbieder: $v) { id status aanbieder { id } toewijzingsreden } }';
const CAPACITEIT = 'mutation($a: ID!, $m: Int!) { hhCapaciteitVastleggen(aanbieder: $a, maxClienten: $m) { maxClienten } }';
const VASTSTELLEN = `mutation($a: ID!, $input: HhIndicatieInput!) { hhIndicatieVaststellen(aanvraag: $a, input: $input) {
  id minutenPerWeek startdatum einddatum aanbieder { id } vasteHulp { id }
  berekening { normjaar minutenPerWeek vakantieMinutenPerWeek minutenPerJaar looptijdMaanden looptijdReden regels { activiteit minuten } } } }`;
const TAKEN = [
  { activiteit: 'ZWAAR_POETSEN', mate: 'VOLLEDIG' },
  { activiteit: 'LICHT_POETSEN', mate: 'GEDEELTELIJK' },
  { activiteit: 'WASVERZORGING', mate: 'VOLLEDIG' },
];

describe('normtabel as data', () => {
  it('is readable by every role and computes hours exactly, with holiday weeks over the 53 ISO weeks of 2026', async () => {
    const inwoner = await stack.token({ rol: 'inwoner', sub: 'inw-nobody' });
    const tabel = await stack.query('{ hhNormtabel(jaar: 2026) { jaar vakantieweken vakantieReductieProcent regels { activiteit minutenPerWeek extraMinutenPerPersoon schoonmaak } } }', { token: inwoner });
    expect(tabel.body.errors).toBeUndefined();
    expect(tabel.body.data!.hhNormtabel.vakantieweken).toEqual([29, 30, 31, 32, 52]);
    expect(tabel.body.data!.hhNormtabel.regels).toContainEqual({ activiteit: 'ZWAAR_POETSEN', minutenPerWeek: 95, extraMinutenPerPersoon: 15, schoonmaak: true });

    const res = await stack.query(`{ hhUrenBerekenen(jaar: 2026, input: { huishoudgrootte: 2, taken: [
      { activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }, { activiteit: "LICHT_POETSEN", mate: GEDEELTELIJK }, { activiteit: "WASVERZORGING", mate: VOLLEDIG }] })
      { minutenPerWeek vakantieMinutenPerWeek minutenPerJaar looptijdMaanden looptijdReden regels { activiteit personen minuten } } }`, { token: inwoner });
    // By hand: (95+15) + ceil((45+10)/2) + (60+20) = 110 + 28 + 80 = 218; holiday weeks halve
    // the cleaning: 218 - 55 - 14 = 149; 2026 has 53 ISO weeks: 48 x 218 + 5 x 149 = 11,209.
    expect(res.body.data!.hhUrenBerekenen).toEqual({
      minutenPerWeek: 218, vakantieMinutenPerWeek: 149, minutenPerJaar: 11_209, looptijdMaanden: 36, looptijdReden: 'STANDAARD',
      regels: [
        { activiteit: 'ZWAAR_POETSEN', personen: 2, minuten: 110 },
        { activiteit: 'LICHT_POETSEN', personen: 2, minuten: 28 },
        { activiteit: 'WASVERZORGING', personen: 2, minuten: 80 },
      ],
    });
  });

  it('refuses input the norm cannot take, naming the field', async () => {
    const calc = (jaar: number, input: string) => stack.query(`{ hhUrenBerekenen(jaar: ${jaar}, input: ${input}) { minutenPerWeek } }`, { token: consulent });
    expect(err(await calc(2026, '{ huishoudgrootte: 1, taken: [{ activiteit: "RAMEN_WASSEN", mate: VOLLEDIG }] }'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.taken.0.activiteit' });
    expect(err(await calc(2026, '{ huishoudgrootte: 0, taken: [{ activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }] }'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.huishoudgrootte' });
    expect(err(await calc(2026, '{ huishoudgrootte: 1, taken: [] }'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.taken' });
    expect(err(await calc(2026, '{ huishoudgrootte: 1, taken: [{ activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }, { activiteit: "ZWAAR_POETSEN", mate: GEDEELTELIJK }] }'))).toMatchObject({ field: 'input.taken.1.activiteit' });
    expect(err(await calc(2031, '{ huishoudgrootte: 1, taken: [{ activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }] }'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jaar' });
  });

  it('is edited by the municipality per year, a new year copying the lines of an earlier one', async () => {
    const jaar = await stack.query('mutation { hhNormjaarVastleggen(jaar: 2030, input: { standaardLooptijdMaanden: 24, langeLooptijdMaanden: 60, vakantieweken: [31, 30], vakantieReductieProcent: 40, kopieerRegelsVan: 2027 }) { jaar vakantieweken regels { activiteit } } }', { token: beleid });
    expect(jaar.body.data!.hhNormjaarVastleggen).toMatchObject({ jaar: 2030, vakantieweken: [30, 31] });
    expect(jaar.body.data!.hhNormjaarVastleggen.regels).toHaveLength(6);
    const regel = await stack.query('mutation { hhNormregelVastleggen(jaar: 2030, input: { activiteit: "ZWAAR_POETSEN", omschrijving: "Zwaar huishoudelijk werk", minutenPerWeek: 120, extraMinutenPerPersoon: 15, schoonmaak: true }) { minutenPerWeek } }', { token: beleid });
    expect(regel.body.data!.hhNormregelVastleggen).toEqual({ minutenPerWeek: 120 });
    const calc = await stack.query('{ hhUrenBerekenen(jaar: 2030, input: { huishoudgrootte: 1, taken: [{ activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }] }) { minutenPerWeek looptijdMaanden } }', { token: beleid });
    expect(calc.body.data!.hhUrenBerekenen).toEqual({ minutenPerWeek: 120, looptijdMaanden: 24 });
    // 2027 itself is unchanged: versions are per year.
    const old = await stack.query('{ hhUrenBerekenen(jaar: 2027, input: { huishoudgrootte: 1, taken: [{ activiteit: "ZWAAR_POETSEN", mate: VOLLEDIG }] }) { minutenPerWeek } }', { token: beleid });
    expect(old.body.data!.hhUrenBerekenen.minutenPerWeek).toBe(95);

    expect(err(await stack.query('mutation { hhNormregelVastleggen(jaar: 2030, input: { activiteit: "zwaar poetsen", omschrijving: "x y z", minutenPerWeek: 1, extraMinutenPerPersoon: 0, schoonmaak: true }) { activiteit } }', { token: beleid }))).toMatchObject({ field: 'input.activiteit' });
    expect(err(await stack.query('mutation { hhNormregelVastleggen(jaar: 2035, input: { activiteit: "X1", omschrijving: "x y z", minutenPerWeek: 1, extraMinutenPerPersoon: 0, schoonmaak: true }) { activiteit } }', { token: beleid }))).toMatchObject({ field: 'jaar' });
    expect(err(await stack.query('mutation { hhNormjaarVastleggen(jaar: 2030, input: { standaardLooptijdMaanden: 24, langeLooptijdMaanden: 60, vakantieweken: [], vakantieReductieProcent: 40, kopieerRegelsVan: 2027 }) { jaar } }', { token: beleid }))).toMatchObject({ field: 'input.kopieerRegelsVan' });
    expect(err(await stack.query('mutation { hhNormregelVastleggen(jaar: 2030, input: { activiteit: "X1", omschrijving: "x y z", minutenPerWeek: 1, extraMinutenPerPersoon: 0, schoonmaak: true }) { activiteit } }', { token: consulent }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('gezamenlijke toegang and the indicatie', () => {
  it('assigns by the resident\'s choice; the chosen provider does the intake and computes the indicatie from the normtabel', async () => {
    const [oud] = await residents(1, '1940-01-01');
    const res = await stack.query(INDIENEN, { token: consulent, variables: { i: oud, v: 'miep' } });
    expect(res.body.data!.hhAanvraagIndienen).toMatchObject({ status: 'TOEGEWEZEN', aanbieder: { id: 'miep' }, toewijzingsreden: 'KEUZE_INWONER' });
    const aanvraag = res.body.data!.hhAanvraagIndienen.id;
    expect(err(await stack.query(INDIENEN, { token: consulent, variables: { i: oud } }))).toMatchObject({ code: 'CONFLICT' });

    // The assigned provider sees the aanvraag and the resident it must visit; the other does not.
    const list = 'query { hhAanvragen(status: TOEGEWEZEN) { id ingediendOp inwoner { id achternaam } } }';
    const mine = (await stack.query(list, { token: miep })).body.data!.hhAanvragen;
    expect(mine.find((a: { id: string }) => a.id === aanvraag)?.inwoner.achternaam).toEqual(expect.any(String));
    expect(mine.find((a: { id: string }) => a.id === aanvraag)?.ingediendOp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect((await stack.query(list, { token: thfl })).body.data!.hhAanvragen.map((a: { id: string }) => a.id)).not.toContain(aanvraag);
    expect(err(await stack.query(VASTSTELLEN, { token: thfl, variables: { a: aanvraag, input: { startdatum: '2026-11-01', huishoudgrootte: 2, taken: TAKEN } } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(err(await stack.query(VASTSTELLEN, { token: miep, variables: { a: aanvraag, input: { startdatum: '2026-11-01', huishoudgrootte: 2, taken: TAKEN, vasteHulp: 'gm0080-hulp-thfl-1' } } }))).toMatchObject({ field: 'input.vasteHulp' });

    const vast = await stack.query(VASTSTELLEN, { token: miep, variables: { a: aanvraag, input: { startdatum: '2026-11-01', huishoudgrootte: 2, taken: TAKEN, vasteHulp: 'gm0080-hulp-miep-1' } } });
    expect(vast.body.errors).toBeUndefined();
    // Aged 80+ on the startdatum: the long looptijd of 60 months.
    expect(vast.body.data!.hhIndicatieVaststellen).toMatchObject({
      minutenPerWeek: 218, startdatum: '2026-11-01', einddatum: '2031-10-31', aanbieder: { id: 'miep' }, vasteHulp: { id: 'gm0080-hulp-miep-1' },
      berekening: { normjaar: 2026, minutenPerWeek: 218, vakantieMinutenPerWeek: 149, minutenPerJaar: 11_209, looptijdMaanden: 60, looptijdReden: 'LEEFTIJD' },
    });
    expect(err(await stack.query(VASTSTELLEN, { token: miep, variables: { a: aanvraag, input: { startdatum: '2026-11-01', huishoudgrootte: 2, taken: TAKEN } } }))).toMatchObject({ code: 'CONFLICT', currentStatus: 'AFGEHANDELD' });

    // The resident sees exactly how many minutes they get and how they were reached.
    const self = await stack.token({ rol: 'inwoner', sub: oud });
    const own = await stack.query('query($id: ID!) { inwoner(id: $id) { huishoudelijkeHulp { minutenPerWeek berekening { regels { activiteit omschrijving normMinutenPerWeek personen mate minuten } } } } }', { token: self, variables: { id: oud } });
    expect(own.body.data!.inwoner.huishoudelijkeHulp[0].berekening.regels[0]).toEqual({
      activiteit: 'ZWAAR_POETSEN', omschrijving: expect.any(String), normMinutenPerWeek: 95, personen: 2, mate: 'VOLLEDIG', minuten: 110,
    });
  });

  it('keeps continuity with the provider of an indicatie that ended less than a year ago', async () => {
    const [r] = await residents(1);
    const ended = dayBefore(today());
    await stack.rows(sql`insert into huishoudelijke_hulp.indicatie (id, gemeente_code, inwoner_id, wijk_code, organisatie_id, minuten_per_week, startdatum, einddatum)
      select 'test-continuity', 'GM0080', id, wijk_code, 'thfl', 120, '2023-01-01', ${ended} from basisondersteuning.inwoner where id = ${r}`);
    const res = await stack.query(INDIENEN, { token: consulent, variables: { i: r } });
    expect(res.body.data!.hhAanvraagIndienen).toMatchObject({ status: 'TOEGEWEZEN', aanbieder: { id: 'thfl' }, toewijzingsreden: 'CONTINUITEIT' });
  });

  it('never assigns beyond capacity: a full choice waits in the queue until the wachtrij is distributed again', async () => {
    const [a, b] = await residents(2);
    const vol = await bezet('miep');
    expect((await stack.query(CAPACITEIT, { token: contractmanager, variables: { a: 'miep', m: vol } })).body.data!.hhCapaciteitVastleggen).toEqual({ maxClienten: vol });
    const waits = await stack.query(INDIENEN, { token: consulent, variables: { i: a, v: 'miep' } });
    expect(waits.body.data!.hhAanvraagIndienen).toMatchObject({ status: 'WACHTRIJ', aanbieder: null });
    // Without a choice it goes to the provider with room.
    expect((await stack.query(INDIENEN, { token: consulent, variables: { i: b } })).body.data!.hhAanvraagIndienen).toMatchObject({ status: 'TOEGEWEZEN', aanbieder: { id: 'thfl' }, toewijzingsreden: 'CAPACITEIT' });

    await stack.query(CAPACITEIT, { token: contractmanager, variables: { a: 'miep', m: vol + 1 } });
    const verdeeld = await stack.query('mutation { hhWachtrijVerdelen { id status aanbieder { id } inwoner { id } } }', { token: consulent });
    expect(verdeeld.body.data!.hhWachtrijVerdelen.find((x: { inwoner: { id: string } }) => x.inwoner.id === a)).toMatchObject({ status: 'TOEGEWEZEN', aanbieder: { id: 'miep' } });
    expect(await bezet('miep')).toBe(vol + 1);

    expect(err(await stack.query(INDIENEN, { token: consulent, variables: { i: 'inw-0000000000000000' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inwoner' });
    const [c] = await residents(1);
    expect(err(await stack.query(INDIENEN, { token: consulent, variables: { i: c, v: 'hh-gestopt' } }))).toMatchObject({ field: 'voorkeurAanbieder' });
    expect(err(await stack.query(CAPACITEIT, { token: contractmanager, variables: { a: 'windkracht058', m: 5 } }))).toMatchObject({ field: 'aanbieder' });
  });
});

describe('gezamenlijke toegang under load', () => {
  it('never overfills a provider when intakes arrive in parallel', async () => {
    const people = await residents(6);
    const vol = await bezet('miep');
    await stack.query(CAPACITEIT, { token: contractmanager, variables: { a: 'miep', m: vol + 2 } });
    const results = await Promise.all(people.map((i) => stack.query(INDIENEN, { token: consulent, variables: { i, v: 'miep' } })));
    const statuses = results.map((r) => r.body.data?.hhAanvraagIndienen.status ?? r.body.errors?.[0]?.message);
    expect(statuses.filter((x) => x === 'TOEGEWEZEN')).toHaveLength(2);
    expect(statuses.filter((x) => x === 'WACHTRIJ')).toHaveLength(4);
    expect(await bezet('miep')).toBe(vol + 2);
    // Withdrawn aanvragen leave the queue; a second withdrawal changes nothing.
    const waiting = results.find((r) => r.body.data!.hhAanvraagIndienen.status === 'WACHTRIJ')!.body.data!.hhAanvraagIndienen.id;
    const INTREKKEN = 'mutation($id: ID!) { hhAanvraagIntrekken(id: $id) { status } }';
    expect((await stack.query(INTREKKEN, { token: consulent, variables: { id: waiting } })).body.data!.hhAanvraagIntrekken.status).toBe('INGETROKKEN');
    expect((await stack.query(INTREKKEN, { token: consulent, variables: { id: waiting } })).body.data!.hhAanvraagIntrekken.status).toBe('INGETROKKEN');
  });
});

describe('koppel cliënt-medewerker', () => {
  it('moves every client of transferred helpers with their helper and reports each one', async () => {
    const [hulp] = await stack.rows<{ hulp_id: string; n: number }>(sql`select k.hulp_id, count(*)::int as n from huishoudelijke_hulp.koppeling k
      join huishoudelijke_hulp.hulp h on h.id = k.hulp_id join huishoudelijke_hulp.indicatie i on i.inwoner_id = k.inwoner_id and i.organisatie_id = 'thfl'
      and i.startdatum < current_date and (i.einddatum is null or i.einddatum >= current_date)
      where k.tot is null and h.organisatie_id = 'thfl' group by k.hulp_id order by n desc, k.hulp_id limit 1`);
    const clients = (await stack.rows<{ inwoner_id: string; minuten_per_week: number }>(sql`select k.inwoner_id, i.minuten_per_week from huishoudelijke_hulp.koppeling k
      join huishoudelijke_hulp.indicatie i on i.inwoner_id = k.inwoner_id and i.organisatie_id = 'thfl' and (i.einddatum is null or i.einddatum >= current_date)
      where k.hulp_id = ${hulp!.hulp_id} and k.tot is null order by k.inwoner_id`));
    expect(clients.length).toBeGreaterThanOrEqual(5);
    const blijft = clients[0]!.inwoner_id;
    const [cap] = await stack.rows<{ max_clienten: number }>(sql`select max_clienten from huishoudelijke_hulp.capaciteit where organisatie_id = 'miep'`);

    const OVERDRAGEN = 'mutation($h: [ID!]!, $b: [ID!], $per: Datum!) { hhPersoneelOverdragen(van: "thfl", naar: "miep", hulpen: $h, per: $per, blijvenBijAanbieder: $b) { id soort per overgezet { onderdrukt } } }';
    expect(err(await stack.query(OVERDRAGEN, { token: contractmanager, variables: { h: ['gm0080-hulp-miep-1'], per: today() } }))).toMatchObject({ field: 'hulpen.0' });
    expect(err(await stack.query(OVERDRAGEN, { token: contractmanager, variables: { h: [hulp!.hulp_id], b: ['inw-0000000000000000'], per: today() } }))).toMatchObject({ field: 'blijvenBijAanbieder.0' });
    expect(err(await stack.query(OVERDRAGEN, { token: consulent, variables: { h: [hulp!.hulp_id], per: today() } }))).toMatchObject({ code: 'FORBIDDEN' });

    const done = await stack.query(OVERDRAGEN, { token: contractmanager, variables: { h: [hulp!.hulp_id], b: [blijft], per: today() } });
    expect(done.body.errors).toBeUndefined();
    const id = done.body.data!.hhPersoneelOverdragen.id;
    // Contract management gets the counts, not the clients.
    expect(err(await stack.query('query($id: ID!) { hhOverdracht(id: $id) { regels { koppelingBehouden } } }', { token: contractmanager, variables: { id } }))).toMatchObject({ code: 'FORBIDDEN' });

    const REPORT = 'query($id: ID!) { hhOverdracht(id: $id) { regels { inwoner { id } hulp { id } naar { id } koppelingBehouden reden nieuweIndicatie { minutenPerWeek aanbieder { id } vasteHulp { id } } } } }';
    const report = (await stack.query(REPORT, { token: consulent, variables: { id } })).body.data!.hhOverdracht.regels;
    expect(report).toHaveLength(clients.length);
    for (const c of clients.slice(1)) {
      expect(report.find((r: { inwoner: { id: string } }) => r.inwoner.id === c.inwoner_id)).toEqual({
        inwoner: { id: c.inwoner_id }, hulp: { id: hulp!.hulp_id }, naar: { id: 'miep' }, koppelingBehouden: true, reden: null,
        nieuweIndicatie: { minutenPerWeek: c.minuten_per_week, aanbieder: { id: 'miep' }, vasteHulp: { id: hulp!.hulp_id } },
      });
    }
    expect(report.find((r: { inwoner: { id: string } }) => r.inwoner.id === blijft)).toMatchObject({ naar: null, koppelingBehouden: false, reden: expect.stringContaining('blijft') });

    // Each provider reads only the lines about its own clients.
    const miepLines = (await stack.query(REPORT, { token: miep, variables: { id } })).body.data!.hhOverdracht.regels;
    expect(miepLines.map((r: { inwoner: { id: string } }) => r.inwoner.id).sort()).toEqual(clients.slice(1).map((c) => c.inwoner_id).sort());
    const thflLines = (await stack.query('query($id: ID!) { hhOverdracht(id: $id) { regels { inwoner { id } } } }', { token: thfl, variables: { id } })).body.data!.hhOverdracht.regels;
    expect(thflLines).toEqual([{ inwoner: { id: blijft } }]);

    // Pairs in the database: every moved client still has the helper, now at M.I.E.P.; THFL lost them.
    const pairs = await stack.rows<{ inwoner_id: string }>(sql`select inwoner_id from huishoudelijke_hulp.koppeling where hulp_id = ${hulp!.hulp_id} and tot is null order by inwoner_id`);
    expect(pairs.map((p) => p.inwoner_id)).toEqual(clients.slice(1).map((c) => c.inwoner_id));
    const moved = clients[1]!.inwoner_id;
    expect((await stack.query('query($id: ID!) { inwoner(id: $id) { huishoudelijkeHulp { id } } }', { token: thfl, variables: { id: moved } })).body.data!.inwoner).toBeNull();
    const [capAfter] = await stack.rows<{ max_clienten: number }>(sql`select max_clienten from huishoudelijke_hulp.capaciteit where organisatie_id = 'miep'`);
    expect(capAfter!.max_clienten).toBe(cap!.max_clienten + clients.length - 1);
  });

  it('places the 8 clients of the provider that stopped, reporting each pair that could not be kept', async () => {
    expect(err(await stack.query('mutation { hhClientenPlaatsen(van: "thfl", per: "2026-12-01") { id } }', { token: consulent }))).toMatchObject({ code: 'CONFLICT' });
    const res = await stack.query(`mutation($per: Datum!) { hhClientenPlaatsen(van: "hh-gestopt", per: $per) {
      soort regels { inwoner { id } naar { id } koppelingBehouden reden nieuweIndicatie { aanbieder { id } } } } }`, { token: consulent, variables: { per: today() } });
    expect(res.body.errors).toBeUndefined();
    const regels = res.body.data!.hhClientenPlaatsen.regels;
    expect(regels).toHaveLength(8);
    for (const r of regels) {
      expect(['thfl', 'miep']).toContain(r.naar.id);
      expect(r.nieuweIndicatie.aanbieder.id).toBe(r.naar.id);
      expect(r).toMatchObject({ koppelingBehouden: false, reden: 'De hulp werkt niet bij een aanbieder met contract' });
    }
    // Each receiving provider reads the placement report, only its own lines.
    const placementId = (await stack.rows<{ id: string }>(sql`select id from huishoudelijke_hulp.overdracht where soort = 'PLAATSING' order by op desc limit 1`))[0]!.id;
    for (const [org, token] of [['thfl', thfl], ['miep', miep]] as const) {
      const mine = regels.filter((r: { naar: { id: string } }) => r.naar.id === org).length;
      const seen = (await stack.query('query($id: ID!) { hhOverdracht(id: $id) { regels { naar { id } } } }', { token, variables: { id: placementId } })).body.data!.hhOverdracht;
      expect(mine === 0 ? seen : seen.regels.length, org).toEqual(mine === 0 ? null : mine);
    }
    const [left] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from huishoudelijke_hulp.indicatie where organisatie_id = 'hh-gestopt'
      and (einddatum is null or einddatum >= current_date)`);
    expect(left!.n).toBe(0);
    const again = await stack.query(`mutation($per: Datum!) { hhClientenPlaatsen(van: "hh-gestopt", per: $per) { regels { inwoner { id } } } }`, { token: consulent, variables: { per: today() } });
    expect(again.body.data!.hhClientenPlaatsen.regels).toEqual([]);
  });
});

describe('edges found in review', () => {
  beforeAll(async () => {
    for (const a of ['thfl', 'miep']) await stack.query(CAPACITEIT, { token: contractmanager, variables: { a, m: 5000 } });
  });
  const setup = async (voorkeur: string, start: string, vasteHulp?: string) => {
    const [r] = await residents(1);
    const a = (await stack.query(INDIENEN, { token: consulent, variables: { i: r, v: voorkeur } })).body.data!.hhAanvraagIndienen;
    const token = voorkeur === 'miep' ? miep : thfl;
    const v = await stack.query(VASTSTELLEN, { token, variables: { a: a.id, input: { startdatum: start, huishoudgrootte: 1, taken: TAKEN, ...(vasteHulp ? { vasteHulp } : {}) } } });
    expect(v.body.errors).toBeUndefined();
    return { inwoner: r!, indicatie: v.body.data!.hhIndicatieVaststellen };
  };

  it('refuses an indicatie that would rewrite the past, and a pairing by a provider that no longer has the client', async () => {
    const [r] = await residents(1);
    const a = (await stack.query(INDIENEN, { token: consulent, variables: { i: r, v: 'thfl' } })).body.data!.hhAanvraagIndienen;
    expect(err(await stack.query(VASTSTELLEN, { token: thfl, variables: { a: a.id, input: { startdatum: '2021-03-08', huishoudgrootte: 1, taken: TAKEN } } }))).toMatchObject({ field: 'input.startdatum' });
    await stack.query(VASTSTELLEN, { token: thfl, variables: { a: a.id, input: { startdatum: today(), huishoudgrootte: 1, taken: TAKEN, vasteHulp: 'gm0080-hulp-thfl-2' } } });
    // The client moves to M.I.E.P. (new aanvraag by choice, indicatie from today); the THFL pair ends.
    await stack.rows(sql`update huishoudelijke_hulp.indicatie set startdatum = ${dayBefore(today())} where inwoner_id = ${r} and organisatie_id = 'thfl'`);
    const b = (await stack.query(INDIENEN, { token: consulent, variables: { i: r, v: 'miep' } })).body.data!.hhAanvraagIndienen;
    const moved = await stack.query(VASTSTELLEN, { token: miep, variables: { a: b.id, input: { startdatum: today(), huishoudgrootte: 1, taken: TAKEN } } });
    expect(moved.body.errors).toBeUndefined();
    const [pair] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from huishoudelijke_hulp.koppeling where inwoner_id = ${r} and tot is null`);
    expect(pair!.n).toBe(0);
    const KOPPELEN = 'mutation($i: ID!, $h: ID!, $per: Datum!) { hhKoppelen(inwoner: $i, hulp: $h, per: $per) { id } }';
    expect(err(await stack.query(KOPPELEN, { token: thfl, variables: { i: r, h: 'gm0080-hulp-thfl-2', per: dayBefore(today()) } }))).toMatchObject({ field: 'per' });
    expect(err(await stack.query(KOPPELEN, { token: thfl, variables: { i: r, h: 'gm0080-hulp-thfl-2', per: today() } }))).toMatchObject({ field: 'inwoner' });
    expect((await stack.query(KOPPELEN, { token: miep, variables: { i: r, h: 'gm0080-hulp-miep-2', per: today() } })).body.errors).toBeUndefined();
  });

  it('counts an indicatie that starts later as a taken place, and lets the provider see it', async () => {
    const before = await bezet('thfl');
    const later = await setup('thfl', new Date(Date.parse(`${today()}T00:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10));
    // The aanvraag is handled, the indicatie has not started: still one place taken.
    expect(await bezet('thfl')).toBe(before + 1);
    const res = await stack.query('query { organisatie(id: "thfl") { hhCapaciteit { bezet { waarde } } } }', { token: contractmanager });
    expect(res.body.data!.organisatie.hhCapaciteit.bezet.waarde).toBe(Math.round((before + 1) / 5) * 5);
    const seen = await stack.query('query($id: ID!) { inwoner(id: $id) { huishoudelijkeHulp { id } } }', { token: thfl, variables: { id: later.inwoner } });
    expect(seen.body.data!.inwoner.huishoudelijkeHulp).toEqual([{ id: later.indicatie.id }]);
  });

  it('moves a client with a current and a later indicatie once, with one report line', async () => {
    const c = await setup('thfl', today(), 'gm0080-hulp-thfl-4');
    await stack.rows(sql`update huishoudelijke_hulp.indicatie set startdatum = ${dayBefore(today())} where id = ${c.indicatie.id}`);
    await stack.rows(sql`insert into huishoudelijke_hulp.indicatie (id, gemeente_code, inwoner_id, wijk_code, organisatie_id, minuten_per_week, startdatum)
      select 'test-later', gemeente_code, inwoner_id, wijk_code, organisatie_id, 90, ${new Date(Date.parse(`${today()}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10)}
      from huishoudelijke_hulp.indicatie where id = ${c.indicatie.id}`);
    const clients = await stack.rows<{ n: number }>(sql`select count(distinct k.inwoner_id)::int as n from huishoudelijke_hulp.koppeling k where k.hulp_id = 'gm0080-hulp-thfl-4' and k.tot is null`);
    const res = await stack.query('mutation($per: Datum!) { hhPersoneelOverdragen(van: "thfl", naar: "miep", hulpen: ["gm0080-hulp-thfl-4"], per: $per) { id } }', { token: contractmanager, variables: { per: today() } });
    expect(res.body.errors).toBeUndefined();
    const lines = (await stack.query('query($id: ID!) { hhOverdracht(id: $id) { regels { inwoner { id } } } }', { token: consulent, variables: { id: res.body.data!.hhPersoneelOverdragen.id } })).body.data!.hhOverdracht.regels;
    expect(lines).toHaveLength(clients[0]!.n);
    expect(lines.filter((l: { inwoner: { id: string } }) => l.inwoner.id === c.inwoner)).toHaveLength(1);
    const [later] = await stack.rows<{ organisatie_id: string }>(sql`select organisatie_id from huishoudelijke_hulp.indicatie where id = 'test-later'`);
    expect(later!.organisatie_id).toBe('miep');
    expect(err(await stack.query('mutation($per: Datum!) { hhPersoneelOverdragen(van: "miep", naar: "thfl", hulpen: ["gm0080-hulp-thfl-4"], per: $per) { id } }', { token: contractmanager, variables: { per: '2099-01-01' } }))).toMatchObject({ field: 'per' });
  });

  it('serialises parallel pairings of one client: no server errors, one active pair', async () => {
    const c = await setup('miep', today());
    const KOPPELEN = 'mutation($i: ID!, $h: ID!, $per: Datum!) { hhKoppelen(inwoner: $i, hulp: $h, per: $per) { id } }';
    const results = await Promise.all(['gm0080-hulp-miep-1', 'gm0080-hulp-miep-2', 'gm0080-hulp-miep-3', 'gm0080-hulp-miep-4']
      .map((h) => stack.query(KOPPELEN, { token: miep, variables: { i: c.inwoner, h, per: today() } })));
    expect(results.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    const [pairs] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from huishoudelijke_hulp.koppeling where inwoner_id = ${c.inwoner} and tot is null`);
    expect(pairs!.n).toBe(1);
  });

  it('lets the basis worker who filed an aanvraag read it', async () => {
    const [r] = await stack.rows<{ id: string }>(sql`select o.inwoner_id as id from basisondersteuning.ondersteuning o where o.organisatie_id = 'amaryllis' and o.einddatum is null
      and not exists (select 1 from huishoudelijke_hulp.indicatie x where x.inwoner_id = o.inwoner_id)
      and not exists (select 1 from huishoudelijke_hulp.aanvraag a where a.inwoner_id = o.inwoner_id) order by 1 limit 1`);
    const basis = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis' });
    const res = await stack.query(INDIENEN, { token: basis, variables: { i: r!.id } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.hhAanvraagIndienen.status).toBe('TOEGEWEZEN');
  });
});

describe('SQL statements (no N+1)', () => {
  it('lists aanvragen with resident, provider and indicatie in the same number of statements whatever their number', async () => {
    const q = '{ hhAanvragen(status: AFGEHANDELD) { id status aanbieder { naam } inwoner { achternaam } indicatie { minutenPerWeek vasteHulp { id } berekening { minutenPerWeek } } } }';
    const measure = async () => {
      stack.database.statements.reset();
      const res = await stack.query(q, { token: consulent });
      expect(res.body.errors).toBeUndefined();
      return { size: res.body.data!.hhAanvragen.length as number, statements: stack.database.statements.reset() };
    };
    const before = await measure();
    // Twenty more handled aanvragen (copies pointing at the same indicaties).
    await stack.rows(sql`insert into huishoudelijke_hulp.aanvraag
      select id || '-copy', gemeente_code, inwoner_id, wijk_code, status, voorkeur_aanbieder_id, aanbieder_id, toewijzingsreden, indicatie_id, ingediend_op, ingediend_door, toegewezen_op
      from huishoudelijke_hulp.aanvraag where status = 'AFGEHANDELD' order by id limit 20`);
    const after = await measure();
    expect(before.size).toBeGreaterThan(0);
    expect(after.size).toBe(before.size + 20);
    expect(after.statements).toBe(before.statements);
    expect(after.statements).toBeLessThanOrEqual(6 + 1); // + the processing log write
  });
});
