/**
 * Money figures on Wijk, Gebied and Gemeente through the gateway: clients, volume and
 * normative cost per perceel against an independent computation from the raw rows (in
 * JavaScript, per day), suppression of the amounts on the pattern of the counts and of
 * every month in the period, subsidies and budgets (exact), the time series, bad input,
 * the SQL statements, and the roles that must not read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASIS_SOORTEN_MET_BIJDRAGE } from '../../subgraphs/financien/in-zorg';
import { DEV_ORGANISATIE, type Rol } from '../../subgraphs/shared/roles';
import { bootStack, sql, type Stack, weigercode } from '../support/stack';
import { controleerTabel, haalNiveaus, opteller, type Niveaus, type Telling } from '../support/gebiedscijfers';

const T = 10;
const R = 5;
const PERCELEN = ['BASISONDERSTEUNING', 'THUISONDERSTEUNING_DAGBESTEDING', 'HULP_BIJ_HET_HUISHOUDEN'] as const;
let stack: Stack;
let beleid: string;

type Bedrag = { centen: string } | null;
type Kosten = { perceel: string; eenheid: string; clienten: Telling; volume: number | null; besteed: Bedrag; budget: Bedrag };
type Cijfers = { periode: string; van: string; tot: string; subsidies: Bedrag; subsidiesZonderWijk: Bedrag; perPerceel: Kosten[] };
const VELD = (args: string) => `financienCijfers(${args}) { periode van tot subsidies { centen } subsidiesZonderWijk { centen }
  perPerceel { perceel eenheid clienten { waarde onderdrukt } volume besteed { centen } budget { centen } } }`;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 2000, env: { SUPPRESSION_THRESHOLD: String(T), SUPPRESSION_ROUNDING: String(R) } });
  beleid = await stack.token({ rol: 'gemeente-beleid' });
}, 180_000);
afterAll(() => stack?.stop());

const DAG = 86_400_000;
const dagen = (van: string, tot: string) => Math.round((Date.parse(tot) - Date.parse(van)) / DAG) + 1;
/** Days of [start, eind] (eind null: open) inside [van, tot]. */
const overlap = (start: string, eind: string | null, van: string, tot: string) => {
  const s = start > van ? start : van;
  const e = eind === null || eind > tot ? tot : eind;
  return e < s ? 0 : dagen(s, e);
};
/** The calendar months of [van, tot] (whole months). */
const maandenVan = (van: string, tot: string) => {
  const out: Array<{ van: string; tot: string }> = [];
  for (let j = Number(van.slice(0, 4)), m = Number(van.slice(5, 7)); `${j}-${String(m).padStart(2, '0')}` <= tot.slice(0, 7); m === 12 ? (j++, m = 1) : m++) {
    const mm = String(m).padStart(2, '0');
    out.push({ van: `${j}-${mm}-01`, tot: new Date(Date.UTC(j, m, 0)).toISOString().slice(0, 10) });
  }
  return out;
};

type Zorg = { perceel: string; inwoner: string; wijk: string; start: string; eind: string | null; minuten: number | null };

/** The raw care rows of the three pillars, filtered in JavaScript on what counts as in care. */
async function zorgRijen(): Promise<Zorg[]> {
  const basis = await stack.rows<{ inwoner_id: string; wijk_code: string; soort: string; s: string; e: string | null }>(sql`
    select inwoner_id, wijk_code, soort, startdatum::text as s, einddatum::text as e from basisondersteuning.ondersteuning where gemeente_code = 'GM0080'`);
  const aanvullend = await stack.rows<{ inwoner_id: string; wijk_code: string; status: string; s: string | null; e: string | null }>(sql`
    select inwoner_id, wijk_code, status, begindatum::text as s, stopdatum::text as e from aanvullende_ondersteuning.toewijzing where gemeente_code = 'GM0080'`);
  const hh = await stack.rows<{ inwoner_id: string; wijk_code: string; minuten: number; s: string; e: string | null }>(sql`
    select inwoner_id, wijk_code, minuten_per_week as minuten, startdatum::text as s, einddatum::text as e from huishoudelijke_hulp.indicatie where gemeente_code = 'GM0080'`);
  return [
    ...basis.filter((r) => BASIS_SOORTEN_MET_BIJDRAGE.includes(r.soort))
      .map((r) => ({ perceel: 'BASISONDERSTEUNING', inwoner: r.inwoner_id, wijk: r.wijk_code, start: r.s, eind: r.e, minuten: null })),
    ...aanvullend.filter((r) => r.s !== null && (r.status === 'gestart' || r.status === 'gestopt'))
      .map((r) => ({ perceel: 'THUISONDERSTEUNING_DAGBESTEDING', inwoner: r.inwoner_id, wijk: r.wijk_code, start: r.s!, eind: r.e, minuten: null })),
    ...hh.map((r) => ({ perceel: 'HULP_BIJ_HET_HUISHOUDEN', inwoner: r.inwoner_id, wijk: r.wijk_code, start: r.s, eind: r.e, minuten: Number(r.minuten) })),
  ];
}

/**
 * Independent figures of [van, tot] per wijk and perceel: distinct clients in the period;
 * volume and cost summed over its months (HH minutes rounded down per indicatie and month,
 * cost per wijk and month at the kostprijs of the year; null without a price).
 */
async function exact(van: string, tot: string) {
  const rijen = await zorgRijen();
  const prijzen = await stack.rows<{ jaar: number; perceel: string; c: string }>(sql`select jaar, perceel, bedrag_centen::text as c from financien.kostprijs where gemeente_code = 'GM0080'`);
  const prijs = (jaar: number, perceel: string) => prijzen.find((p) => Number(p.jaar) === jaar && p.perceel === perceel)?.c;
  const clienten = new Map<string, Set<string>>();
  const volume = new Map<string, number>();
  const kostenPerMaand = new Map<string, bigint>();
  for (const r of rijen) {
    if (overlap(r.start, r.eind, van, tot) === 0) continue;
    const k = `${r.wijk}|${r.perceel}`;
    (clienten.get(k) ?? clienten.set(k, new Set()).get(k)!).add(r.inwoner);
    for (const m of maandenVan(van, tot)) {
      const d = overlap(r.start, r.eind, m.van, m.tot);
      const v = r.minuten === null ? d : Math.floor((r.minuten * d) / 7);
      volume.set(k, (volume.get(k) ?? 0) + v);
      const km = `${k}|${m.van}`;
      kostenPerMaand.set(km, (kostenPerMaand.get(km) ?? 0n) + BigInt(v));
    }
  }
  const kosten = (wijk: string, perceel: string): bigint | null => {
    let som = 0n;
    for (const m of maandenVan(van, tot)) {
      const p = prijs(Number(m.van.slice(0, 4)), perceel);
      if (p === undefined) return null;
      const v = kostenPerMaand.get(`${wijk}|${perceel}|${m.van}`) ?? 0n;
      som += perceel === 'HULP_BIJ_HET_HUISHOUDEN' ? (v * BigInt(p)) / 60n : v * BigInt(p);
    }
    return som;
  };
  return {
    clienten: (wijk: string) => PERCELEN.map((p) => clienten.get(`${wijk}|${p}`)?.size ?? 0),
    volume: (wijk: string) => PERCELEN.map((p) => volume.get(`${wijk}|${p}`) ?? 0),
    kosten,
  };
}

/** Every level's figures of one period, by name. */
function alleNiveaus<T>(n: Niveaus<T>, periode: number): Array<[string, { wijk: string } | { gebied: string } | 'gemeente', T]> {
  return [
    ...n.indeling.map((w) => [`w:${w.code}`, { wijk: w.code }, n.wijken.get(w.code)![periode]!] as [string, { wijk: string }, T]),
    ...[...n.gebieden].map(([g, x]) => [`g:${g}`, { gebied: g }, x[periode]!] as [string, { gebied: string }, T]),
    ['gemeente', 'gemeente', n.gemeente[periode]!],
  ];
}

/** The series of one level, by the names of alleNiveaus. */
function reeks<T>(n: Niveaus<T>, naam: string): T[] {
  if (naam === 'gemeente') return n.gemeente;
  return naam.startsWith('w:') ? n.wijken.get(naam.slice(2))! : n.gebieden.get(naam.slice(2))!;
}

/**
 * Checks one period: counts as controleerTabel; volume and cost null exactly where the
 * count of the period or of one of its months (`maanden`, the monthly series) is
 * suppressed, and exact otherwise. Returns how many counts were suppressed, and how many
 * amounts were hidden by a month only.
 */
async function controleerPeriode(n: Niveaus<Cijfers>, periode: number, maanden: Niveaus<Cijfers> | null): Promise<{ onderdrukt: number; doorMaand: number }> {
  const p = n.gemeente[periode]!;
  const ex = await exact(p.van, p.tot);
  const onderdrukt = controleerTabel(n, {
    periode, categorieen: PERCELEN.length, totalen: false, threshold: T, rounding: R,
    publiceerd: (c) => { expect(c.perPerceel.map((k) => k.perceel)).toEqual([...PERCELEN]); return c.perPerceel.map((k) => k.clienten); },
    exact: opteller(n.indeling, ex.clienten),
  });
  const volume = opteller(n.indeling, ex.volume);
  const kosten = opteller(n.indeling, (wijk) => PERCELEN.map((perceel) => {
    const k = ex.kosten(wijk, perceel);
    return k === null ? Number.NaN : Number(k);
  }));
  let doorMaand = 0;
  for (const [naam, niveau, c] of alleNiveaus(n, periode)) {
    c.perPerceel.forEach((k, i) => {
      const maandOnderdrukt = maanden !== null && reeks(maanden, naam).some((m) => m.perPerceel[i]!.clienten.onderdrukt);
      const verborgen = k.clienten.onderdrukt || maandOnderdrukt;
      if (!k.clienten.onderdrukt && maandOnderdrukt) doorMaand++;
      const key = `${p.periode} ${naam} ${k.perceel}`;
      expect(k.eenheid, key).toBe(k.perceel === 'HULP_BIJ_HET_HUISHOUDEN' ? 'UUR' : 'CLIENTDAG');
      expect(k.volume, key).toBe(verborgen ? null : volume(niveau)[i]);
      const euro = kosten(niveau)[i]!;
      expect(k.besteed, key).toEqual(verborgen || Number.isNaN(euro) ? null : { centen: String(euro) });
    });
  }
  return { onderdrukt, doorMaand };
}

describe('financienCijfers', () => {
  it('matches an independent computation per month at wijk, gebied and gemeente level; amounts suppressed with their count', async () => {
    const n = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-01-01", tot: "2025-06-30", per: MAAND'));
    expect(n.gemeente.map((c) => c.periode)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    for (const periode of [0, 3]) expect((await controleerPeriode(n, periode, null)).onderdrukt).toBeGreaterThan(0);
    // Money of the seed: there is spending in every perceel at gemeente level.
    for (const k of n.gemeente[0]!.perPerceel) expect(BigInt(k.besteed!.centen)).toBeGreaterThan(0n);
  });

  it('publishes an amount over several months only where every month of it is published', async () => {
    const kwartaal = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-04-01", tot: "2025-06-30"'));
    const maanden = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-04-01", tot: "2025-06-30", per: MAAND'));
    const { onderdrukt, doorMaand } = await controleerPeriode(kwartaal, 0, maanden);
    expect(onderdrukt).toBeGreaterThan(0);
    // The seed has cells whose quarter count is published but one of whose months is not.
    expect(doorMaand).toBeGreaterThan(0);
  });

  it('does not give a suppressed month away as the difference of two periods', async () => {
    // 1995 has no seed data. Wijk WK008030: 3 HH clients in January and February, 8 more from February.
    const inwoners = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner order by id limit 11`);
    for (const [i, { id }] of inwoners.entries()) {
      const [start, eind] = i < 3 ? ['1995-01-01', '1995-02-28'] : ['1995-02-01', '1995-02-28'];
      await stack.database.execute(`insert into huishoudelijke_hulp.indicatie (id, gemeente_code, inwoner_id, wijk_code, organisatie_id, minuten_per_week, startdatum, einddatum)
        values ('fin-dif-${i}', 'GM0080', '${id}', 'WK008030', 'thfl', ${120 + i}, '${start}', '${eind}')`);
    }
    await stack.database.execute(`insert into financien.kostprijs (gemeente_code, jaar, perceel, eenheid, bedrag_centen, bron)
      values ('GM0080', 1995, 'HULP_BIJ_HET_HUISHOUDEN', 'UUR', 3000, 'Test')`);
    const hh = (x: Cijfers[] | undefined, i = 0) => x![i]!.perPerceel[2]!;
    const twee = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "1995-01-01", tot: "1995-02-28"'));
    const maanden = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "1995-01-01", tot: "1995-02-28", per: MAAND'));
    for (const [naam, x] of [['wijk', twee.wijken.get('WK008030')], ['gebied', twee.gebieden.get('West')], ['gemeente', twee.gemeente]] as const) {
      // 11 clients over both months: the count is published, the amounts are not (January has 3).
      expect(hh(x).clienten, naam).toEqual({ waarde: 10, onderdrukt: false });
      expect(hh(x), naam).toMatchObject({ volume: null, besteed: null });
    }
    expect(hh(maanden.wijken.get('WK008030'), 0)).toMatchObject({ clienten: { waarde: null, onderdrukt: true }, volume: null, besteed: null });
    const februari = hh(maanden.wijken.get('WK008030'), 1);
    const minuten = inwoners.reduce((s, _, i) => s + Math.floor(((120 + i) * 28) / 7), 0);
    expect(februari).toMatchObject({ clienten: { waarde: 10, onderdrukt: false }, volume: minuten, besteed: { centen: String(Math.floor((minuten * 3000) / 60)) } });
    expect(hh(maanden.gemeente, 1).volume).toBe(minuten);
    await controleerPeriode(twee, 0, maanden);
  });

  it('gives subsidies for whole years, exact, equal to Wijk.subsidieTotaal, and the budget on the gemeente only', async () => {
    const n = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2024-01-01", tot: "2026-12-31", per: JAAR'));
    const subsidies = await stack.rows<{ jaar: number; wijk_code: string | null; c: string }>(sql`select jaar, wijk_code, bedrag_centen::text as c from financien.subsidie where gemeente_code = 'GM0080'`);
    expect(subsidies.filter((s) => s.wijk_code !== null).length).toBeGreaterThan(5);
    const budgetQuery = (jaar: number) => stack.query(`{ perceelBudgetten(jaar: ${jaar}) { perceel actueel { centen } } }`, { token: beleid });
    for (const [i, jaar] of [2024, 2025, 2026].entries()) {
      const perWijk = (code: string) => [Number(subsidies.filter((s) => Number(s.jaar) === jaar && s.wijk_code === code).reduce((a, s) => a + BigInt(s.c), 0n))];
      const som = opteller(n.indeling, perWijk);
      for (const [naam, niveau, c] of alleNiveaus(n, i)) {
        expect(c.periode).toBe(String(jaar));
        expect(c.subsidies, naam).toEqual({ centen: String(som(niveau)[0]) });
        expect(c.subsidiesZonderWijk, naam).toEqual(niveau === 'gemeente'
          ? { centen: String(subsidies.filter((s) => Number(s.jaar) === jaar && s.wijk_code === null).reduce((a, s) => a + BigInt(s.c), 0n)) }
          : null);
        if (niveau !== 'gemeente') for (const k of c.perPerceel) expect(k.budget, naam).toBeNull();
      }
      // The budget: the current lumpsums per perceel, as perceelBudgetten gives them; none in 2024.
      const budgetten = (await budgetQuery(jaar)).body.data!.perceelBudgetten as Array<{ perceel: string; actueel: { centen: string } }>;
      expect(n.gemeente[i]!.perPerceel.map((k) => k.budget)).toEqual(PERCELEN.map((p) => budgetten.find((b) => b.perceel === p)?.actueel ?? null));
    }
    expect(n.gemeente[1]!.perPerceel.every((k) => k.budget !== null)).toBe(true);
    expect(n.gemeente[0]!.perPerceel.every((k) => k.budget === null)).toBe(true);
    // Wijk.subsidieTotaal(jaar) is the same amount.
    const res = await stack.query(`{ wijken { code subsidieTotaal(jaar: 2025) { centen } } }`, { token: beleid });
    for (const w of res.body.data!.wijken) expect(n.wijken.get(w.code)![1]!.subsidies, w.code).toEqual(w.subsidieTotaal);
    // Two years: the sums of both; with 2024 in it the budget is unknown (no lumpsums in 2024).
    const twee = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-01-01", tot: "2026-12-31"'));
    expect(BigInt(twee.gemeente[0]!.subsidies!.centen)).toBe(BigInt(n.gemeente[1]!.subsidies!.centen) + BigInt(n.gemeente[2]!.subsidies!.centen));
    twee.gemeente[0]!.perPerceel.forEach((k, i) => expect(BigInt(k.budget!.centen))
      .toBe(BigInt(n.gemeente[1]!.perPerceel[i]!.budget!.centen) + BigInt(n.gemeente[2]!.perPerceel[i]!.budget!.centen)));
    const drie = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2024-01-01", tot: "2025-12-31"'));
    expect(drie.gemeente[0]!.perPerceel.map((k) => k.budget)).toEqual([null, null, null]);
    // No kostprijs for 2024: no spending over a period that includes it, the volume still.
    expect(drie.gemeente[0]!.perPerceel.map((k) => k.besteed)).toEqual([null, null, null]);
    expect(drie.gemeente[0]!.perPerceel.every((k) => k.volume !== null)).toBe(true);
    // Not a whole year: no subsidies, no budget.
    const kwartaal = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-01-01", tot: "2025-03-31"'));
    expect(kwartaal.gemeente[0]).toMatchObject({ subsidies: null, subsidiesZonderWijk: null });
    expect(kwartaal.gemeente[0]!.perPerceel.map((k) => k.budget)).toEqual([null, null, null]);
  });

  it('counts days in care as realisatie does: the gemeente equals the providers of a quarter', async () => {
    const n = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-04-01", tot: "2025-06-30"'));
    const res = await stack.query('{ realisatie(jaar: 2025, kwartaal: 2) { perceel volume } }', { token: beleid });
    const realisatie = res.body.data!.realisatie as Array<{ perceel: string; volume: number }>;
    for (const [i, perceel] of PERCELEN.entries()) {
      if (perceel === 'HULP_BIJ_HET_HUISHOUDEN') continue; // minutes: rounded per month here, per quarter there
      expect(n.gemeente[0]!.perPerceel[i]!.volume, perceel).toBe(realisatie.filter((r) => r.perceel === perceel).reduce((s, r) => s + r.volume, 0));
    }
  });

  it('gives a series per quarter equal to the single periods, through Wijk, Gebied and Gemeente', async () => {
    const reeks = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-01-01", tot: "2025-12-31", per: KWARTAAL'));
    expect(reeks.gemeente.map((c) => [c.periode, c.van, c.tot])).toEqual([
      ['2025-Q1', '2025-01-01', '2025-03-31'], ['2025-Q2', '2025-04-01', '2025-06-30'], ['2025-Q3', '2025-07-01', '2025-09-30'], ['2025-Q4', '2025-10-01', '2025-12-31'],
    ]);
    const q3 = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-07-01", tot: "2025-09-30"'));
    const zonderLabel = ({ periode: _p, ...rest }: Cijfers) => rest;
    expect(zonderLabel(reeks.gemeente[2]!)).toEqual(zonderLabel(q3.gemeente[0]!));
    for (const [g, x] of q3.gebieden) expect(zonderLabel(reeks.gebieden.get(g)![2]!)).toEqual(zonderLabel(x[0]!));
    for (const [code, x] of q3.wijken) expect(zonderLabel(reeks.wijken.get(code)![2]!)).toEqual(zonderLabel(x[0]!));
    // One wijk asked on its own gets the cell of the joint table.
    const code = q3.indeling[0]!.code;
    const los = await stack.query(`{ wijk(code: "${code}") { x: ${VELD('van: "2025-07-01", tot: "2025-09-30"')} } }`, { token: beleid });
    expect(los.body.data!.wijk.x).toEqual(q3.wijken.get(code));
    // Straight to the subgraph: another gemeente, an unknown gebied or wijk get no figures.
    const res = await stack.post(stack.platform.subgraphUrls.financien, {
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Gemeente { x: ${VELD('van: "2025-07-01", tot: "2025-09-30"')} }
        ... on Gebied { x: ${VELD('van: "2025-07-01", tot: "2025-09-30"')} } ... on Wijk { x: ${VELD('van: "2025-07-01", tot: "2025-09-30"')} } } }`,
      variables: { r: [{ __typename: 'Gemeente', code: 'GM9999' }, { __typename: 'Gebied', naam: 'Nergens' }, { __typename: 'Wijk', code: 'WK999999' }, { __typename: 'Gemeente', code: 'GM0080' }] },
    }, { authorization: `Bearer ${await stack.internalToken('financien', { rol: 'gemeente-beleid' })}` });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities.map((e: { x: Cijfers[] }) => e.x)).toEqual([[], [], [], q3.gemeente]);
  });

  it('runs the same SQL statements for one wijk as for all wijken, gebieden and the gemeente', async () => {
    const q = (sel: string) => stack.query(sel, { token: beleid });
    const veld = VELD('van: "2024-01-01", tot: "2025-12-31", per: MAAND');
    stack.database.statements.reset();
    expect((await q(`{ wijk(code: "WK008010") { x: ${veld} } }`)).body.errors).toBeUndefined();
    const een = stack.database.statements.reset();
    expect((await q(`{ gemeente { x: ${veld} gebieden { x: ${veld} wijken { x: ${veld} } } } wijken { x: ${veld} } }`)).body.errors).toBeUndefined();
    const alles = stack.database.statements.reset();
    expect((await q(`{ wijken { x: ${veld} } }`)).body.errors).toBeUndefined();
    const wijken = stack.database.statements.reset();
    // The wijk (or the wijk list) + the wijk indeling + one figure statement, although the
    // gateway fetches Gemeente, Gebied and Wijk from financien separately.
    expect({ een, alles, wijken }).toEqual({ een: 3, alles: 3, wijken: 3 });
  });

  it('refuses periods that are not whole months, or longer than ten years, with BAD_USER_INPUT naming the argument', async () => {
    for (const [args, veld] of [
      ['van: "2025-01-02", tot: "2025-01-31"', 'van'],
      ['van: "2025-01-01", tot: "2025-01-30"', 'tot'],
      ['van: "2025-02-01", tot: "2025-01-31"', 'tot'],
      ['van: "2000-01-01", tot: "2025-12-31"', 'tot'],
      ['van: "2000-01-01", tot: "2025-12-31", per: JAAR', 'tot'],
    ] as const) {
      const res = await stack.query(`{ gemeente { ${VELD(args)} } }`, { token: beleid });
      expect(res.body.errors?.[0]?.extensions?.code, args).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.extensions?.field, args).toBe(veld);
    }
  });

  it('is refused to the providers and to roles that act for one person, with no figures', async () => {
    const rollen: Rol[] = ['basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker', 'gemeente-consulent', 'vol-coordinator', 'vrijwilliger', 'inwoner', 'partner-systeem', 'fg'];
    for (const rol of rollen) {
      const token = await stack.token({ rol, organisatie: DEV_ORGANISATIE[rol], sub: rol === 'inwoner' ? 'inw-0000000000000000' : undefined });
      for (const sel of [`{ gemeente { ${VELD('van: "2025-01-01", tot: "2025-12-31"')} } }`, `{ wijk(code: "WK008010") { ${VELD('van: "2025-01-01", tot: "2025-12-31"')} } }`]) {
        const res = await stack.query(sel, { token });
        expect(res.body.errors?.[0]?.extensions?.code, rol).toBe(weigercode(rol));
        expect(JSON.stringify(res.body.data ?? null), rol).not.toMatch(/centen|waarde|volume/);
      }
    }
    for (const rol of ['gemeente-contractmanager', 'adviesraad'] as const) {
      const res = await stack.query(`{ gemeente { ${VELD('van: "2025-01-01", tot: "2025-12-31"')} } }`, { token: await stack.token({ rol, organisatie: DEV_ORGANISATIE[rol] }) });
      expect(res.body.errors, rol).toBeUndefined();
    }
  });
});
