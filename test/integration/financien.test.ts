/**
 * Financiën through the gateway: lot budgets split in equal parts to the cent, a
 * herverdeling from request to decision with the total unchanged, parallel decisions
 * that would overspend, and the taakstelling of the implementation plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStack, sql, type Stack } from '../support/stack';

let stack: Stack;
let manager: string;
let amaryllis: string;
let windkracht: string;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 100 });
  manager = await stack.token({ rol: 'gemeente-contractmanager' });
  amaryllis = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis' });
  windkracht = await stack.token({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' });
});
afterAll(() => stack?.stop());

const err = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => res.body.errors?.[0]?.extensions;
const LUMPSUMS = 'query($j: Int!) { lumpsums(jaar: $j) { id perceel organisatie { id } vastgesteld { centen } herverdeeld { centen } actueel { centen } herkomst } }';
type L = { perceel: string; organisatie: { id: string }; vastgesteld: { centen: string }; herverdeeld: { centen: string }; actueel: { centen: string } };
const lumpsums = async (jaar: number, token = manager): Promise<L[]> => (await stack.query(LUMPSUMS, { token, variables: { j: jaar } })).body.data!.lumpsums;
const of = (rows: L[], org: string, perceel: string) => rows.find((l) => l.organisatie.id === org && l.perceel === perceel)!;
const sum = (xs: string[]) => xs.reduce((a, b) => a + BigInt(b), 0n);

const AANVRAGEN = 'mutation($i: HerverdelingInput!) { herverdelingAanvragen(input: $i) { id status } }';
const GOEDKEUREN = 'mutation($id: ID!) { herverdelingGoedkeuren(id: $id) { status } }';
const BESLUITEN = 'mutation($id: ID!, $b: HerverdelingBesluit!) { herverdelingBesluiten(id: $id, besluit: $b, motivering: "Getoetst aan de klantstromen") { status } }';

async function approved(jaar: number, centen: string): Promise<string> {
  const req = await stack.query(AANVRAGEN, { token: amaryllis, variables: { i: { jaar, van: 'windkracht058', naar: 'amaryllis', bedrag: centen, motivering: 'Meer cliënten in de basis dan gepland' } } });
  const id = req.body.data!.herverdelingAanvragen.id;
  expect((await stack.query(GOEDKEUREN, { token: windkracht, variables: { id } })).body.data!.herverdelingGoedkeuren.status).toBe('GOEDGEKEURD');
  return id;
}

describe('lot budgets', () => {
  it('splits a lot in equal parts to the cent, the remainder deterministically, the parts summing to the total', async () => {
    const set = await stack.query('mutation { lotBudgetVaststellen(jaar: 2027, perceel: HULP_BIJ_HET_HUISHOUDEN, totaal: "1000001") { organisatie { id } vastgesteld { centen euro } herkomst } }', { token: manager });
    expect(set.body.errors).toBeUndefined();
    // The provider whose contract ended in 2020 gets no part; M.I.E.P. sorts first and gets the extra cent.
    expect(set.body.data!.lotBudgetVaststellen.map((l: { organisatie: { id: string }; vastgesteld: { centen: string } }) => [l.organisatie.id, l.vastgesteld.centen]))
      .toEqual([['miep', '500001'], ['thfl', '500000']]);
    expect(set.body.data!.lotBudgetVaststellen[0].herkomst).toContain('2 gelijke delen');
    expect(err(await stack.query('mutation { lotBudgetVaststellen(jaar: 2027, perceel: HULP_BIJ_HET_HUISHOUDEN, totaal: "5") { id } }', { token: manager }))).toMatchObject({ code: 'CONFLICT' });
    expect(err(await stack.query('mutation { lotBudgetVaststellen(jaar: 2027, perceel: BASISONDERSTEUNING, totaal: "12.50") { id } }', { token: manager }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'totaal' });
    expect(err(await stack.query('mutation { lotBudgetVaststellen(jaar: 2027, perceel: BASISONDERSTEUNING, totaal: "0") { id } }', { token: manager }))).toMatchObject({ field: 'totaal' });
    expect(err(await stack.query('mutation { lotBudgetVaststellen(jaar: 2027, perceel: BASISONDERSTEUNING, totaal: "100") { id } }', { token: amaryllis }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows a provider only its own lumpsum, and money to nobody without a money role', async () => {
    expect((await lumpsums(2026, amaryllis)).map((l) => l.organisatie.id)).toEqual(['amaryllis']);
    for (const rol of ['adviesraad', 'gemeente-consulent', 'inwoner', 'vol-coordinator'] as const) {
      expect(err(await stack.query(LUMPSUMS, { token: await stack.token({ rol, organisatie: rol === 'vol-coordinator' ? 'vol' : undefined }), variables: { j: 2026 } })), rol).toMatchObject({ code: 'FORBIDDEN' });
    }
    // Subsidies to the sociale basis carry their purpose and conditions.
    const sub = await stack.query('{ organisatie(id: "vol") { subsidies(jaar: 2026) { doel voorwaarden bedrag { centen } } } }', { token: await stack.token({ rol: 'adviesraad' }) });
    expect(sub.body.data!.organisatie.subsidies[0]).toMatchObject({ doel: expect.any(String), voorwaarden: expect.arrayContaining([expect.stringContaining('Jaarverslag')]) });
    const budget = await stack.query('{ perceelBudgetten(jaar: 2026) { perceel vastgesteld { euro } } }', { token: await stack.token({ rol: 'adviesraad' }) });
    expect(budget.body.data!.perceelBudgetten).toContainEqual({ perceel: 'HULP_BIJ_HET_HUISHOUDEN', vastgesteld: { euro: '12345678.91' } });
  });
});

describe('herverdeling', () => {
  it('goes from joint request to decision, moving money between basis and aanvullend with the total unchanged', async () => {
    const before = await lumpsums(2026);
    const req = await stack.query(AANVRAGEN, { token: amaryllis, variables: { i: { jaar: 2026, van: 'windkracht058', naar: 'amaryllis', bedrag: '12345', motivering: 'Meer TO3-cliënten in de basis' } } });
    const id = req.body.data!.herverdelingAanvragen.id;
    expect(req.body.data!.herverdelingAanvragen.status).toBe('AANGEVRAAGD');
    expect(err(await stack.query(BESLUITEN, { token: manager, variables: { id, b: 'TOEKENNEN' } }))).toMatchObject({ code: 'CONFLICT', currentStatus: 'AANGEVRAAGD' });
    expect(err(await stack.query(GOEDKEUREN, { token: amaryllis, variables: { id } }))).toMatchObject({ code: 'CONFLICT' });
    const thfl = await stack.token({ rol: 'hh-medewerker', organisatie: 'thfl' });
    expect(err(await stack.query(GOEDKEUREN, { token: thfl, variables: { id } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await stack.query(GOEDKEUREN, { token: windkracht, variables: { id } })).body.data!.herverdelingGoedkeuren.status).toBe('GOEDGEKEURD');
    expect((await stack.query(BESLUITEN, { token: manager, variables: { id, b: 'TOEKENNEN' } })).body.data!.herverdelingBesluiten.status).toBe('TOEGEKEND');
    expect(err(await stack.query(BESLUITEN, { token: manager, variables: { id, b: 'AFWIJZEN' } }))).toMatchObject({ code: 'CONFLICT', currentStatus: 'TOEGEKEND' });

    const after = await lumpsums(2026);
    const delta = (org: string, perceel: string) => BigInt(of(after, org, perceel).actueel.centen) - BigInt(of(before, org, perceel).actueel.centen);
    expect(delta('amaryllis', 'BASISONDERSTEUNING')).toBe(12345n);
    expect(delta('windkracht058', 'THUISONDERSTEUNING_DAGBESTEDING')).toBe(-12345n);
    expect(sum(after.map((l) => l.actueel.centen))).toBe(sum(before.map((l) => l.actueel.centen)));
    expect(sum(after.map((l) => l.actueel.centen))).toBe(sum(after.map((l) => l.vastgesteld.centen)));

    const history = await stack.query('query { herverdelingen(jaar: 2026) { id van { organisatie { id } perceel } bedrag { euro } geschiedenis { soort organisatie { id } } } }', { token: windkracht });
    expect(history.body.data!.herverdelingen.find((h: { id: string }) => h.id === id)).toEqual({
      id, van: { organisatie: { id: 'windkracht058' }, perceel: 'THUISONDERSTEUNING_DAGBESTEDING' }, bedrag: { euro: '123.45' },
      geschiedenis: [{ soort: 'AANGEVRAAGD', organisatie: { id: 'amaryllis' } }, { soort: 'GOEDGEKEURD', organisatie: { id: 'windkracht058' } }, { soort: 'TOEGEKEND', organisatie: null }],
    });
    expect((await stack.query('query { herverdelingen(jaar: 2026) { id } }', { token: thfl })).body.data!.herverdelingen).toEqual([]);
  });

  it('refuses a shift within aanvullend, by an outsider, or with bad input, naming the field', async () => {
    const ask = (token: string, i: object) => stack.query(AANVRAGEN, { token, variables: { i: { jaar: 2026, van: 'windkracht058', naar: 'amaryllis', bedrag: '100', motivering: 'Een goede reden hier', ...i } } });
    const thfl = await stack.token({ rol: 'hh-medewerker', organisatie: 'thfl' });
    expect(err(await ask(thfl, { van: 'thfl', naar: 'windkracht058' }))).toMatchObject({ field: 'input.naar' });
    expect(err(await ask(thfl, {}))).toMatchObject({ field: 'input.van' });
    expect(err(await ask(amaryllis, { bedrag: '-5' }))).toMatchObject({ field: 'input.bedrag' });
    expect(err(await ask(amaryllis, { jaar: 2031 }))).toMatchObject({ field: 'input.van' });
    expect(err(await ask(amaryllis, { motivering: 'kort' }))).toMatchObject({ field: 'input.motivering' });
    // A party with lumpsums in two percelen must name the perceel (no silent pick).
    await stack.query('mutation { contractRegistreren(input: { organisatie: "thfl", perceel: THUISONDERSTEUNING_DAGBESTEDING, rol: HOOFDAANBIEDER, ingangsdatum: "2029-01-01" }) { id } }', { token: manager });
    for (const perceel of ['BASISONDERSTEUNING', 'THUISONDERSTEUNING_DAGBESTEDING', 'HULP_BIJ_HET_HUISHOUDEN']) {
      await stack.query(`mutation { lotBudgetVaststellen(jaar: 2029, perceel: ${perceel}, totaal: "1000000") { id } }`, { token: manager });
    }
    const twee = (i: object) => ask(thfl, { jaar: 2029, van: 'thfl', naar: 'amaryllis', ...i });
    expect(err(await twee({}))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.vanPerceel' });
    expect((await twee({ vanPerceel: 'HULP_BIJ_HET_HUISHOUDEN' })).body.errors).toBeUndefined();
  });

  it('never overspends: of eight approved shifts of 30% each, parallel decisions grant three', async () => {
    const source = of(await lumpsums(2026), 'windkracht058', 'THUISONDERSTEUNING_DAGBESTEDING');
    const share = ((BigInt(source.actueel.centen) * 3n) / 10n).toString();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await approved(2026, share));
    const results = await Promise.all(ids.map((id) => stack.query(BESLUITEN, { token: manager, variables: { id, b: 'TOEKENNEN' } })));
    const granted = results.filter((r) => r.body.data?.herverdelingBesluiten?.status === 'TOEGEKEND');
    const refused = results.filter((r) => err(r)?.code === 'CONFLICT');
    expect([granted.length, refused.length]).toEqual([3, 5]);
    expect(refused[0]!.body.errors![0]!.message).toContain('overspend');
    const after = of(await lumpsums(2026), 'windkracht058', 'THUISONDERSTEUNING_DAGBESTEDING');
    expect(BigInt(after.actueel.centen)).toBe(BigInt(source.actueel.centen) - 3n * BigInt(share));
    expect(BigInt(after.actueel.centen)).toBeGreaterThanOrEqual(0n);
  });
});

describe('taakstelling', () => {
  it('reproduces the plan: measures 4,440,000 in subtotals 2,550,000 and 1,890,000, target 3,600,000, risk reserve 840,000', async () => {
    const q = '{ taakstelling { doel { euro } risicoreserve { euro } totaalMaatregelen { euro } subtotalen { groep bedrag { euro } } maatregelen { omschrijving bedrag { euro } } gerealiseerd { centen } nogTeRealiseren { centen } voortgangProcent } }';
    const res = await stack.query(q, { token: await stack.token({ rol: 'adviesraad' }) });
    const t = res.body.data!.taakstelling;
    expect(t).toMatchObject({
      doel: { euro: '3600000.00' }, risicoreserve: { euro: '840000.00' }, totaalMaatregelen: { euro: '4440000.00' },
      subtotalen: [{ groep: 1, bedrag: { euro: '2550000.00' } }, { groep: 2, bedrag: { euro: '1890000.00' } }],
    });
    expect(t.maatregelen).toHaveLength(11);
    expect(t.maatregelen[0]).toEqual({ omschrijving: 'Afschaling dagbesteding 2018', bedrag: { euro: '600000.00' } });
    expect(BigInt(t.gerealiseerd.centen) + BigInt(t.nogTeRealiseren.centen)).toBe(360_000_000n);

    const [m] = await stack.rows<{ id: string }>(sql`select id from financien.maatregel where volgorde = 1`);
    const before = BigInt(t.gerealiseerd.centen);
    const [old] = await stack.rows<{ c: string }>(sql`select bedrag_centen::text as c from financien.besparing where maatregel_id = ${m!.id} and jaar = 2025`);
    const set = await stack.query(`mutation { besparingVastleggen(maatregel: "${m!.id}", jaar: 2025, bedrag: "12300", toelichting: "Jaarrapportage 2025") { jaar bedrag { euro } } }`, { token: manager });
    expect(set.body.data!.besparingVastleggen).toEqual({ jaar: 2025, bedrag: { euro: '123.00' } });
    const again = (await stack.query(q, { token: manager })).body.data!.taakstelling;
    expect(BigInt(again.gerealiseerd.centen)).toBe(before - BigInt(old!.c) + 12300n);
    expect(err(await stack.query('mutation { besparingVastleggen(maatregel: "nope", jaar: 2025, bedrag: "1", toelichting: "Test") { jaar } }', { token: manager }))).toMatchObject({ field: 'maatregel' });
  });
});

describe('eigen bijdrage and the CAK file', () => {
  const CAK = 'query($j: Int!, $m: Int!) { cakExport(jaar: $j, maand: $m) { tarief { centen } totaal { centen } regels { huishouden inwoner { id } begindatum einddatum bedrag { centen } } } }';
  type Regel = { huishouden: string; inwoner: { id: string }; begindatum: string; einddatum: string; bedrag: { centen: string } };

  it('gives one record per household and period in the month, the rate once per household, the same file when run again', async () => {
    const consulent = await stack.token({ rol: 'gemeente-consulent' });
    const first = await stack.query(CAK, { token: consulent, variables: { j: 2025, m: 6 } });
    expect(first.body.errors).toBeUndefined();
    const again = await stack.query(CAK, { token: consulent, variables: { j: 2025, m: 6 } });
    expect(again.body).toEqual(first.body);
    const cak = first.body.data!.cakExport as { tarief: { centen: string }; totaal: { centen: string }; regels: Regel[] };
    expect(cak.tarief.centen).toBe('2100');
    const households = new Set(cak.regels.map((r) => r.huishouden));
    expect(BigInt(cak.totaal.centen)).toBe(2100n * BigInt(households.size));
    for (const r of cak.regels) {
      expect(r.begindatum >= '2025-06-01' && r.einddatum <= '2025-06-30' && r.begindatum <= r.einddatum).toBe(true);
    }
    // Independently in SQL: households with a member in counting support during June 2025.
    const [expected] = await stack.rows<{ n: number }>(sql`select count(distinct i.huishouden_id)::int as n from basisondersteuning.inwoner i where exists (
        select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id and o.soort in ('PTO','TO1','TO2','TO3_BASIS','DB1','DB2_BASIS','DB4','DB5_BASIS','PERSOONLIJKE_VERZORGING')
          and o.startdatum <= '2025-06-30' and (o.einddatum is null or o.einddatum >= '2025-06-01'))
      or exists (select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id and t.status in ('gestart','gestopt')
          and t.begindatum <= '2025-06-30' and (t.stopdatum is null or t.stopdatum >= '2025-06-01'))
      or exists (select 1 from huishoudelijke_hulp.indicatie h where h.inwoner_id = i.id and h.startdatum <= '2025-06-30' and (h.einddatum is null or h.einddatum >= '2025-06-01'))`);
    expect(households.size).toBe(expected!.n);
    expect(households.size).toBeGreaterThan(20);
  });

  it('needs the year\'s rate first; a rate per four weeks becomes a monthly one; only the consulent reads the file', async () => {
    const consulent = await stack.token({ rol: 'gemeente-consulent' });
    expect(err(await stack.query(CAK, { token: consulent, variables: { j: 2026, m: 1 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jaar' });
    expect(err(await stack.query(CAK, { token: consulent, variables: { j: 2025, m: 13 } }))).toMatchObject({ field: 'maand' });
    const set = await stack.query('mutation { abonnementstariefVastleggen(jaar: 2026, bedrag: "2150", periode: MAAND, bron: "Raadsbesluit (test)") { jaar bedrag { euro } } }', { token: manager });
    expect(set.body.data!.abonnementstariefVastleggen).toEqual({ jaar: 2026, bedrag: { euro: '21.50' } });
    expect((await stack.query(CAK, { token: consulent, variables: { j: 2026, m: 1 } })).body.data!.cakExport.tarief.centen).toBe('2150');
    // Once set, a year's rate stays: the file of a month must be the same when made again.
    expect(err(await stack.query('mutation { abonnementstariefVastleggen(jaar: 2026, bedrag: "2200", periode: MAAND, bron: "Correctie") { jaar } }', { token: manager }))).toMatchObject({ code: 'CONFLICT' });
    // 2019: EUR 17.50 per 4 weeks = 13/12 x 1750 = 1895.83, rounded down.
    expect((await stack.query(CAK, { token: consulent, variables: { j: 2019, m: 3 } })).body.data!.cakExport.tarief.centen).toBe('1895');
    for (const rol of ['gemeente-contractmanager', 'gemeente-beleid', 'adviesraad'] as const) {
      expect(err(await stack.query(CAK, { token: await stack.token({ rol }), variables: { j: 2025, m: 6 } })), rol).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('realisatie', () => {
  const Q = 'query($j: Int!, $k: Int!) { realisatie(jaar: $j, kwartaal: $k) { perceel organisatie { id } budget { centen } eenheid volume clienten { waarde onderdrukt } besteed { centen } uitputtingProcent } }';
  type R = { perceel: string; organisatie: { id: string }; budget: { centen: string }; eenheid: string; volume: number; besteed: { centen: string } | null; uitputtingProcent: number | null };

  it('values the volume of the pillars at the cost price against the budget of the quarter; the four quarters sum to the lumpsum', async () => {
    const quarters: R[][] = [];
    for (const k of [1, 2, 3, 4]) quarters.push((await stack.query(Q, { token: manager, variables: { j: 2025, k } })).body.data!.realisatie);
    const all = await lumpsums(2025);
    for (const l of all) {
      const parts = quarters.map((q) => q.find((r) => r.perceel === l.perceel && r.organisatie.id === l.organisatie.id)!.budget.centen);
      expect(sum(parts)).toBe(BigInt(l.actueel.centen));
    }
    // HH: minutes per week over the days of Q2 2025, valued per hour, recomputed here in SQL.
    const hh = quarters[1]!.find((r) => r.perceel === 'HULP_BIJ_HET_HUISHOUDEN' && r.organisatie.id === 'thfl')!;
    const [minuten] = await stack.rows<{ m: string }>(sql`select coalesce(sum((minuten_per_week * greatest(0, least(coalesce(einddatum, '2025-06-30'::date), '2025-06-30'::date) - greatest(startdatum, '2025-04-01'::date) + 1)) / 7), 0)::text as m
      from huishoudelijke_hulp.indicatie where organisatie_id = 'thfl' and startdatum <= '2025-06-30' and (einddatum is null or einddatum >= '2025-04-01')`);
    expect(hh).toMatchObject({ eenheid: 'UUR', volume: Number(minuten!.m) });
    expect(BigInt(hh.besteed!.centen)).toBe((BigInt(minuten!.m) * 3200n) / 60n);
    expect(hh.uitputtingProcent).toBe(Number((BigInt(hh.besteed!.centen) * 100n) / BigInt(hh.budget.centen)));
    // A provider sees only its own lines.
    const own = (await stack.query(Q, { token: windkracht, variables: { j: 2025, k: 2 } })).body.data!.realisatie as R[];
    expect(own.map((r) => r.organisatie.id)).toEqual(['windkracht058']);
    expect(err(await stack.query(Q, { token: manager, variables: { j: 2025, k: 5 } }))).toMatchObject({ field: 'kwartaal' });
  });

  it('has no spending without a cost price, until contract management sets one', async () => {
    await stack.query('mutation { lotBudgetVaststellen(jaar: 2028, perceel: BASISONDERSTEUNING, totaal: "400") { id } }', { token: manager });
    const q = async () => ((await stack.query(Q, { token: manager, variables: { j: 2028, k: 1 } })).body.data!.realisatie as R[])[0]!;
    expect(await q()).toMatchObject({ budget: { centen: '100' }, besteed: null, uitputtingProcent: null });
    const set = await stack.query('mutation { kostprijsVastleggen(jaar: 2028, perceel: BASISONDERSTEUNING, bedrag: "1900", bron: "Test") { eenheid bedrag { euro } } }', { token: manager });
    expect(set.body.data!.kostprijsVastleggen).toEqual({ eenheid: 'CLIENTDAG', bedrag: { euro: '19.00' } });
    expect((await q()).besteed).not.toBeNull();
  });
});
