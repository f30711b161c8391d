/**
 * Kwaliteit (financiën): complaints, client experience and bezwaren as suppressed
 * aggregates. Every figure is checked against an independent SQL count on the seed;
 * suppression (primary, secondary, a provider's own line), the series, the roles and
 * the number of SQL statements per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStack, sql, type Stack, weigercode } from '../support/stack';
import type { Rol } from '../../subgraphs/shared/roles';
import { kwaliteitData } from '../../db/seed/financien';
import { LEEUWARDEN } from '../../db/seed/reference';

let stack: Stack;
let beleid: string;
const DREMPEL = 10;

beforeAll(async () => {
  // Rounding 1 so a published value equals the SQL count exactly; the threshold stays 10.
  stack = await bootStack({ inwoners: 200, secondGemeente: true, env: { SUPPRESSION_THRESHOLD: String(DREMPEL), SUPPRESSION_ROUNDING: '1' } });
  beleid = await stack.token({ rol: 'gemeente-beleid' });
  // Bezwaren: 12 in 2025 (published) and 3 in March 2024 (suppressed), on existing residents.
  await stack.database.execute(`insert into basisondersteuning.beschikking_aanvraag (id, gemeente_code, inwoner_id, aangevraagd_op, aangevraagd_door, besluit, besluit_datum, besluit_door, bezwaar_op)
    select 'kw-ba-' || n, 'GM0080', i.id, '2024-01-02', 'test', 'AFGEWEZEN', '2024-02-01', 'test',
      case when n <= 12 then date '2025-01-01' + (n * 20) else date '2024-03-01' + n end
    from generate_series(1, 15) n join lateral (select id from basisondersteuning.inwoner where gemeente_code = 'GM0080' order by id offset n limit 1) i on true`);
});
afterAll(() => stack?.stop());

type T = { waarde: number | null; onderdrukt: boolean };
type Regel = {
  organisatie: { id: string } | null; eigenOrganisatie: boolean; klachten: T;
  perRoute: Array<{ route: string; klachten: T }>; perStatus: Array<{ status: string; klachten: T }>;
  afgehandeld: T; mediaanAfhandeldagen: number | null; bovenNorm: T; respondenten: T; gemiddeldeScore: number | null;
  clientervaring: Array<{ product: string; respondenten: T; gemiddeldeScore: number | null }>;
};
type K = { van: string; tot: string; aanbieders: Regel[]; gemeente: Regel; bezwaren: T };

const TEL = '{ waarde onderdrukt }';
const REGEL = `organisatie { id } eigenOrganisatie klachten ${TEL} perRoute { route klachten ${TEL} } perStatus { status klachten ${TEL} }
  afgehandeld ${TEL} mediaanAfhandeldagen bovenNorm ${TEL} respondenten ${TEL} gemiddeldeScore clientervaring { product respondenten ${TEL} gemiddeldeScore }`;
const KWALITEIT = `van tot aanbieders { ${REGEL} } gemeente { ${REGEL} } bezwaren ${TEL}`;
const Q = `query($van: Datum!, $tot: Datum!) { kwaliteit(van: $van, tot: $tot) { ${KWALITEIT} } }`;
const REEKS = `query($van: Datum!, $tot: Datum!, $per: Tijdvak!) { kwaliteitReeks(van: $van, tot: $tot, per: $per) { label van tot kwaliteit { ${KWALITEIT} } } }`;

async function kwaliteit(van: string, tot: string, token = beleid): Promise<K> {
  const res = await stack.query(Q, { token, variables: { van, tot } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.kwaliteit;
}
async function reeks(van: string, tot: string, per: string, token = beleid): Promise<Array<{ label: string; van: string; tot: string; kwaliteit: K }>> {
  const res = await stack.query(REEKS, { token, variables: { van, tot, per } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.kwaliteitReeks;
}

/** Independent counts per organisation ('' = the gemeente) straight from the tables. */
async function verwacht(van: string, tot: string) {
  const count = async (where: ReturnType<typeof sql>, datum: string) => {
    const rows = await stack.rows<{ org: string; n: number }>(sql`select organisatie_id as org, count(*)::int as n from financien.klacht
      where gemeente_code = 'GM0080' and ${sql.raw(datum)} between ${van} and ${tot} and ${where} group by organisatie_id`);
    const m = new Map(rows.map((r) => [r.org, Number(r.n)]));
    m.set('', rows.reduce((a, r) => a + Number(r.n), 0));
    return m;
  };
  const mediaan = await stack.rows<{ org: string | null; m: number }>(sql`select organisatie_id as org, percentile_cont(0.5) within group (order by afgehandeld_op - ingediend_op) as m
    from financien.klacht where gemeente_code = 'GM0080' and status = 'AFGEHANDELD' and afgehandeld_op between ${van} and ${tot} group by rollup (organisatie_id)`);
  const ervaring = await stack.rows<{ org: string | null; product: string | null; n: number; som: number }>(sql`select organisatie_id as org, product,
      sum(respondenten)::int as n, sum(score_som)::int as som from financien.clientervaring
    where gemeente_code = 'GM0080' and make_date(jaar, (kwartaal - 1) * 3 + 1, 1) between ${van} and ${tot}
    group by grouping sets ((organisatie_id, product), (organisatie_id), (product), ())`);
  const [bezwaren] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from basisondersteuning.beschikking_aanvraag
    where gemeente_code = 'GM0080' and bezwaar_op between ${van} and ${tot}`);
  return {
    klachten: await count(sql`true`, 'ingediend_op'),
    route: async (route: string) => count(sql`route = ${route}`, 'ingediend_op'),
    status: async (status: string) => count(sql`status = ${status}`, 'ingediend_op'),
    afgehandeld: await count(sql`status = 'AFGEHANDELD'`, 'afgehandeld_op'),
    bovenNorm: await count(sql`status = 'AFGEHANDELD' and afgehandeld_op - ingediend_op > 42`, 'afgehandeld_op'),
    mediaan: new Map(mediaan.map((r) => [r.org ?? '', Math.round(Number(r.m))])),
    ervaring: (org: string | null, product: string | null) => ervaring.find((e) => e.org === org && e.product === product),
    bezwaren: Number(bezwaren!.n),
  };
}

/** A published count equals the SQL count; a suppressed one is never 0, and below the threshold always suppressed. */
function klopt(t: T, n: number, label: string) {
  if (t.onderdrukt) {
    expect(t.waarde, label).toBeNull();
    expect(n, `${label}: a suppressed count is never 0`).toBeGreaterThan(0);
  } else {
    expect(t.waarde, label).toBe(n);
    expect(n === 0 || n >= DREMPEL, `${label}: ${n} is below the threshold but published`).toBe(true);
  }
}

describe('kwaliteit', () => {
  it('matches independent SQL counts for every figure, provider and the gemeente', async () => {
    const [van, tot] = ['2024-01-01', '2025-12-31'];
    const k = await kwaliteit(van, tot);
    const v = await verwacht(van, tot);
    expect(k).toMatchObject({ van, tot });
    expect(k.aanbieders.map((a) => a.organisatie!.id)).toEqual([...k.aanbieders.map((a) => a.organisatie!.id)].sort());
    expect(k.aanbieders.map((a) => a.organisatie!.id)).toEqual(expect.arrayContaining(['amaryllis', 'windkracht058', 'thfl', 'miep', 'oa-dementie']));
    expect(k.gemeente.organisatie).toBeNull();
    let gepubliceerd = 0;
    for (const regel of [...k.aanbieders, k.gemeente]) {
      const org = regel.organisatie?.id ?? '';
      expect(regel.eigenOrganisatie).toBe(false);
      klopt(regel.klachten, v.klachten.get(org) ?? 0, `${org} klachten`);
      if (!regel.klachten.onderdrukt && (regel.klachten.waarde ?? 0) > 0) gepubliceerd += 1;
      expect(regel.perRoute.map((r) => r.route)).toEqual(['AANBIEDER', 'KLACHTENFUNCTIONARIS', 'EXTERNE_COMMISSIE']);
      for (const r of regel.perRoute) klopt(r.klachten, (await v.route(r.route)).get(org) ?? 0, `${org} ${r.route}`);
      expect(regel.perStatus.map((s) => s.status)).toEqual(['INGEDIEND', 'IN_BEHANDELING', 'AFGEHANDELD', 'INGETROKKEN']);
      for (const s of regel.perStatus) klopt(s.klachten, (await v.status(s.status)).get(org) ?? 0, `${org} ${s.status}`);
      const afgehandeld = v.afgehandeld.get(org) ?? 0;
      klopt(regel.afgehandeld, afgehandeld, `${org} afgehandeld`);
      klopt(regel.bovenNorm, v.bovenNorm.get(org) ?? 0, `${org} bovenNorm`);
      expect(regel.mediaanAfhandeldagen, `${org} mediaan`).toBe(afgehandeld >= DREMPEL && !regel.afgehandeld.onderdrukt ? v.mediaan.get(org) : null);
      const totaal = v.ervaring(org || null, null);
      klopt(regel.respondenten, Number(totaal?.n ?? 0), `${org} respondenten`);
      expect(regel.gemiddeldeScore, `${org} score`).toBe(totaal && Number(totaal.n) >= DREMPEL && !regel.respondenten.onderdrukt
        ? Math.round((Number(totaal.som) * 10) / Number(totaal.n)) / 10 : null);
      for (const c of regel.clientervaring) {
        const e = v.ervaring(org || null, c.product)!;
        klopt(c.respondenten, Number(e.n), `${org} ${c.product}`);
        expect(c.gemiddeldeScore, `${org} ${c.product} score`).toBe(Number(e.n) >= DREMPEL && !c.respondenten.onderdrukt ? Math.round((Number(e.som) * 10) / Number(e.n)) / 10 : null);
        if (c.gemiddeldeScore !== null) expect(c.gemiddeldeScore).toBeGreaterThanOrEqual(1);
      }
    }
    expect(gepubliceerd).toBeGreaterThan(2);
    expect(k.gemeente.mediaanAfhandeldagen).not.toBeNull();
    expect(k.gemeente.gemiddeldeScore).not.toBeNull();
    klopt(k.bezwaren, v.bezwaren, 'bezwaren');
    expect(v.bezwaren).toBeGreaterThanOrEqual(12);
    expect(k.bezwaren.waarde).toBe(v.bezwaren);
    const maart = await verwacht('2024-03-01', '2024-03-31');
    expect(maart.bezwaren).toBeGreaterThan(0);
    expect(maart.bezwaren).toBeLessThan(DREMPEL);
    expect((await kwaliteit('2024-03-01', '2024-03-31')).bezwaren).toEqual({ waarde: null, onderdrukt: true });
    // Every product surveyed appears in the gemeente line.
    expect(k.gemeente.clientervaring.map((c) => c.product)).toEqual(expect.arrayContaining(['TO1', 'TO4', 'HH', 'DB3']));
    // No resident identifier anywhere in the answer.
    expect(JSON.stringify(k)).not.toMatch(/inw-/);
  });

  it('suppresses a small provider, and no published total gives it away (secondary suppression)', async () => {
    const k = await kwaliteit('2025-01-01', '2025-12-31');
    const v = await verwacht('2025-01-01', '2025-12-31');
    const klein = k.aanbieders.filter((a) => { const n = v.klachten.get(a.organisatie!.id) ?? 0; return n > 0 && n < DREMPEL; });
    expect(klein.length).toBeGreaterThan(0);
    for (const a of klein) expect(a.klachten).toEqual({ waarde: null, onderdrukt: true });
    // Line of the complaints per provider and its total: never exactly one unknown.
    const lijn = [...k.aanbieders.map((a) => a.klachten), k.gemeente.klachten];
    expect(lijn.filter((t) => t.onderdrukt).length).not.toBe(1);
    // The same for every route and status column, and for every provider's own line.
    for (let j = 0; j < 3; j++) expect([...k.aanbieders.map((a) => a.perRoute[j]!.klachten), k.gemeente.perRoute[j]!.klachten].filter((t) => t.onderdrukt).length).not.toBe(1);
    for (let j = 0; j < 4; j++) expect([...k.aanbieders.map((a) => a.perStatus[j]!.klachten), k.gemeente.perStatus[j]!.klachten].filter((t) => t.onderdrukt).length).not.toBe(1);
    for (const a of [...k.aanbieders, k.gemeente]) {
      expect([...a.perRoute.map((r) => r.klachten), a.klachten].filter((t) => t.onderdrukt).length).not.toBe(1);
      expect([...a.perStatus.map((s) => s.klachten), a.klachten].filter((t) => t.onderdrukt).length).not.toBe(1);
    }
    for (const f of ['afgehandeld', 'bovenNorm', 'respondenten'] as const) {
      expect([...k.aanbieders.map((a) => a[f]), k.gemeente[f]].filter((t) => t.onderdrukt).length, f).not.toBe(1);
    }
    // A suppressed count is never 0, and a suppressed group has no median.
    for (const a of k.aanbieders) if (a.afgehandeld.onderdrukt) expect(a.mediaanAfhandeldagen).toBeNull();
  });

  it('shows a provider its own line exactly and the others suppressed; the totals stay safe', async () => {
    const [van, tot] = ['2025-01-01', '2025-12-31'];
    const v = await verwacht(van, tot);
    const publiek = await kwaliteit(van, tot);
    // An onderaannemer whose own count is suppressed for everyone else.
    const klein = publiek.aanbieders.find((a) => { const n = v.klachten.get(a.organisatie!.id) ?? 0; return a.klachten.onderdrukt && n > 0 && n < DREMPEL; })!;
    const id = klein.organisatie!.id;
    const token = await stack.token({ rol: 'aanbieder-medewerker', organisatie: id });
    const eigen = await kwaliteit(van, tot, token);
    const mijn = eigen.aanbieders.find((a) => a.organisatie!.id === id)!;
    expect(mijn.eigenOrganisatie).toBe(true);
    expect(mijn.klachten).toEqual({ waarde: v.klachten.get(id), onderdrukt: false });
    for (const r of mijn.perRoute) expect(r.klachten).toEqual({ waarde: (await v.route(r.route)).get(id) ?? 0, onderdrukt: false });
    expect(eigen.aanbieders.filter((a) => a.eigenOrganisatie)).toHaveLength(1);
    // The others' small counts stay suppressed, and with its own value known the totals reveal none of them.
    for (const a of eigen.aanbieders.filter((x) => !x.eigenOrganisatie)) {
      const n = v.klachten.get(a.organisatie!.id) ?? 0;
      if (n > 0 && n < DREMPEL) expect(a.klachten.onderdrukt).toBe(true);
    }
    const anderen = [...eigen.aanbieders.filter((a) => !a.eigenOrganisatie).map((a) => a.klachten), eigen.gemeente.klachten];
    expect(anderen.filter((t) => t.onderdrukt).length).not.toBe(1);
    // THFL (hh-medewerker) sees its own line exactly too, Windkracht058's suppressed only where small.
    const thfl = await kwaliteit(van, tot, await stack.token({ rol: 'hh-medewerker', organisatie: 'thfl' }));
    expect(thfl.aanbieders.find((a) => a.organisatie!.id === 'thfl')).toMatchObject({ eigenOrganisatie: true, klachten: { waarde: v.klachten.get('thfl'), onderdrukt: false } });
  });

  it('gives a series with one entry per calendar period, labelled, whose months add up to the quarter', async () => {
    const maanden = await reeks('2025-01-15', '2025-06-10', 'MAAND');
    expect(maanden.map((m) => m.label)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(maanden[1]).toMatchObject({ van: '2025-02-01', tot: '2025-02-28', kwaliteit: { van: '2025-02-01', tot: '2025-02-28' } });
    const kwartalen = await reeks('2025-01-01', '2025-12-31', 'KWARTAAL');
    expect(kwartalen.map((m) => m.label)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect((await reeks('2022-03-01', '2026-01-01', 'JAAR')).map((m) => m.label)).toEqual(['2022', '2023', '2024', '2025', '2026']);
    // Each period equals kwaliteit(van, tot) of that period.
    expect(kwartalen[1]!.kwaliteit).toEqual(await kwaliteit('2025-04-01', '2025-06-30'));
    // Additive figures: the unsuppressed own line of Amaryllis, months of Q1 against Q1.
    const token = await stack.token({ rol: 'basis-medewerker', organisatie: 'amaryllis' });
    const q1 = (await reeks('2025-01-01', '2025-03-31', 'KWARTAAL', token))[0]!.kwaliteit.aanbieders.find((a) => a.eigenOrganisatie)!;
    const m = (await reeks('2025-01-01', '2025-03-31', 'MAAND', token)).map((x) => x.kwaliteit.aanbieders.find((a) => a.eigenOrganisatie)!);
    expect(q1.organisatie!.id).toBe('amaryllis');
    const som = (f: (r: Regel) => T) => m.reduce((a, r) => a + f(r).waarde!, 0);
    expect(som((r) => r.klachten)).toBe(q1.klachten.waarde);
    expect(som((r) => r.afgehandeld)).toBe(q1.afgehandeld.waarde);
    expect(som((r) => r.bovenNorm)).toBe(q1.bovenNorm.waarde);
    expect(som((r) => r.respondenten)).toBe(q1.respondenten.waarde);
    for (let j = 0; j < 3; j++) expect(som((r) => r.perRoute[j]!.klachten)).toBe(q1.perRoute[j]!.klachten.waarde);
    expect(q1.klachten.waarde).toBeGreaterThan(0);
    // Bad input names the field; kwaliteit(van, tot) takes whole months only (no differencing down to a day).
    const bad = await stack.query(REEKS, { token: beleid, variables: { van: '2025-02-01', tot: '2025-01-01', per: 'MAAND' } });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tot' });
    for (const [van, tot, field] of [['2025-01-02', '2025-12-31', 'van'], ['2025-01-01', '2025-12-30', 'tot'], ['2024-02-01', '2024-02-28', 'tot'], ['2025-03-01', '2025-02-28', 'tot']]) {
      const res = await stack.query(Q, { token: beleid, variables: { van, tot } });
      expect(res.body.errors?.[0]?.extensions, `${van} ${tot}`).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await kwaliteit('2024-02-01', '2024-02-29')).van).toBe('2024-02-01');
  });

  it('is readable by policy, contract management, the adviesraad and the providers only', async () => {
    const mag: Rol[] = ['gemeente-beleid', 'gemeente-contractmanager', 'adviesraad', 'basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker'];
    const organisatie: Partial<Record<Rol, string>> = { 'basis-medewerker': 'amaryllis', 'aanbieder-medewerker': 'windkracht058', 'hh-medewerker': 'miep', 'vol-coordinator': 'vol', vrijwilliger: 'vol', 'partner-systeem': 'windkracht058' };
    for (const rol of ['gemeente-beleid', 'gemeente-contractmanager', 'adviesraad', 'basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker',
      'gemeente-consulent', 'vol-coordinator', 'vrijwilliger', 'inwoner', 'partner-systeem', 'fg'] as Rol[]) {
      const token = await stack.token({ rol, organisatie: organisatie[rol] });
      for (const query of ['{ kwaliteit(van: "2025-01-01", tot: "2025-12-31") { gemeente { klachten { waarde } } } }',
        '{ kwaliteitReeks(van: "2025-01-01", tot: "2025-03-31", per: MAAND) { label } }']) {
        const res = await stack.query(query, { token });
        if (mag.includes(rol)) expect(res.body.errors, rol).toBeUndefined();
        else expect(res.body.errors?.[0]?.extensions?.code, rol).toBe(weigercode(rol));
      }
    }
  });

  it('keeps each gemeente to its own figures', async () => {
    const token = await stack.token({ rol: 'gemeente-beleid', gemeente: 'GM0088' });
    const k = await kwaliteit('2022-01-01', '2026-12-31', token);
    expect(k.aanbieders.length).toBeGreaterThan(0);
    for (const a of k.aanbieders) expect(a.organisatie!.id).toMatch(/^gm0088-/);
    const [n] = await stack.rows<{ n: number }>(sql`select count(*)::int as n from financien.klacht where gemeente_code = 'GM0088' and ingediend_op between '2022-01-01' and '2026-12-31'`);
    klopt(k.gemeente.klachten, Number(n!.n), 'GM0088 klachten');
  });

  it('seeds synthetic complaints and survey results deterministically, without resident or free text', async () => {
    const contracten = await stack.rows<{ organisatieId: string; perceel: string; rol: string; einddatum: string | null }>(
      sql`select organisatie_id as "organisatieId", perceel, rol, einddatum::text as einddatum from financien.contract where gemeente_code = 'GM0080' order by id`);
    const a = kwaliteitData(LEEUWARDEN, contracten);
    expect(a).toEqual(kwaliteitData(LEEUWARDEN, contracten));
    expect(a.klachten).toHaveLength(600);
    const [db] = await stack.rows<{ n: number; van: string; tot: string; orgs: number }>(sql`select count(*)::int as n, min(ingediend_op)::text as van, max(ingediend_op)::text as tot,
      count(distinct organisatie_id)::int as orgs from financien.klacht where gemeente_code = 'GM0080'`);
    expect(db).toMatchObject({ n: 600, orgs: expect.any(Number) });
    expect(db!.van < '2022-02-01' && db!.tot > '2026-09-01').toBe(true);
    expect(Number(db!.orgs)).toBeGreaterThanOrEqual(10);
    expect(Object.keys(a.klachten[0]!).sort()).toEqual(['afgehandeldOp', 'gegrond', 'gemeenteCode', 'id', 'ingediendOp', 'organisatieId', 'perceel', 'route', 'status']);
    // Handled complaints have a date and a verdict, open ones neither.
    for (const k of a.klachten) expect(k.status === 'AFGEHANDELD').toBe(k.afgehandeldOp !== null && k.gegrond !== null);
    const [ce] = await stack.rows<{ n: number; bad: number }>(sql`select count(*)::int as n,
      count(*) filter (where score_som < respondenten or score_som > 10 * respondenten)::int as bad from financien.clientervaring where gemeente_code = 'GM0080'`);
    expect(Number(ce!.n)).toBeGreaterThan(100);
    expect(Number(ce!.bad)).toBe(0);
  });

  it('runs a fixed number of SQL statements, the same for 1 and 12 periods', async () => {
    const tel = async (van: string, tot: string) => {
      stack.database.statements.reset();
      const res = await stack.query(REEKS, { token: beleid, variables: { van, tot, per: 'MAAND' } });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.kwaliteitReeks.length).toBeGreaterThan(0);
      return stack.database.statements.reset();
    };
    const een = await tel('2025-01-01', '2025-01-31');
    const twaalf = await tel('2025-01-01', '2025-12-31');
    expect(twaalf).toBe(een);
    expect(een).toBeLessThanOrEqual(6); // providers, complaints, handling, experience, bezwaren, organisations
  });
});
