/**
 * Monitoring of the aanvullende ondersteuning through the gateway: klantstromen as a series,
 * the provider landscape per quarter and the volume per product. Every figure is checked
 * against an independent SQL count on the seed, suppression (primary and secondary) against
 * the published totals, the authorisation per role (a provider sees its own cells exactly)
 * and the number of SQL statements (the same for 1 and 24 periods).
 *
 * Rounding is 1 here so published values are the exact counts; the threshold is the default 10.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ORGANISATIE, ROLES, type Rol } from '../../subgraphs/shared/roles';
import { bootStack, sql, type Stack, weigercode } from '../support/stack';

const T = 10;
let stack: Stack;
const tokens = new Map<string, string>();
const tok = (rol: Rol, organisatie?: string) => tokens.get(`${rol}|${organisatie ?? ''}`)!;

type Telling = { waarde: number | null; onderdrukt: boolean };

/** Residents whose toewijzing stopped in 2025 and who get basis support 30 days (counted) or 120 days (not counted) later. */
const NAAR_BASIS = 11;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 2000, env: { SUPPRESSION_THRESHOLD: String(T), SUPPRESSION_ROUNDING: '1' } });
  const combos: Array<[Rol, string | undefined]> = [
    ...ROLES.map((r) => [r, undefined] as [Rol, undefined]),
  ];
  const [oa] = await stack.rows<{ org: string }>(sql`select onderaannemer_id as org from aanvullende_ondersteuning.toewijzing
    where onderaannemer_id is not null and status in ('gestart', 'gestopt') group by 1 order by count(*), 1 limit 1`);
  combos.push(['aanbieder-medewerker', oa!.org]);
  for (const [rol, organisatie] of combos) {
    const sub = rol === 'inwoner' ? 'inw-0000000000000000' : undefined;
    tokens.set(`${rol}|${organisatie ?? ''}`, await stack.token({ rol, organisatie: organisatie ?? DEV_ORGANISATIE[rol], sub }));
  }
  tokens.set('oa', oa!.org);
  // Doorstroom aanvullend -> basis: basis support after a 2025 stop, within and outside the 90 days.
  const gestopt = await stack.rows<{ inwoner_id: string; wijk_code: string; stopdatum: string }>(sql`
    select inwoner_id, wijk_code, stopdatum::text from aanvullende_ondersteuning.toewijzing
    where status = 'gestopt' and stopdatum between '2025-01-01' and '2025-12-31' order by id limit ${NAAR_BASIS + 2}`);
  expect(gestopt.length).toBe(NAAR_BASIS + 2);
  // A rare reden in 2025 (primary suppression), so a second reden must be suppressed with it.
  await stack.database.execute(`update aanvullende_ondersteuning.toewijzing set reden_beeindiging = '38' where id in (
    select id from aanvullende_ondersteuning.toewijzing where status = 'gestopt' and stopdatum between '2025-01-01' and '2025-12-31' order by id desc limit 3)`);
  for (const [i, t] of gestopt.entries()) {
    const dagen = i < NAAR_BASIS ? 30 : 120;
    await stack.database.execute(`insert into basisondersteuning.ondersteuning (id, gemeente_code, inwoner_id, wijk_code, organisatie_id, soort, startdatum)
      values ('ks-ond-${i}', 'GM0080', '${t.inwoner_id}', '${t.wijk_code}', 'amaryllis', 'TO2', date '${t.stopdatum}' + ${dagen})`);
  }
}, 180_000);
afterAll(() => stack?.stop());

const KS = `query($van: Datum!, $tot: Datum!, $per: Tijdvak!) { klantstromen(van: $van, tot: $tot, per: $per) {
  periode van tot instroom { waarde onderdrukt } uitstroom { waarde onderdrukt }
  uitstroomPerReden { code omschrijving aantal { waarde onderdrukt } }
  doorstroomNaarAanvullend { waarde onderdrukt } doorstroomNaarBasis { waarde onderdrukt }
  verschuiving { groep inBasis { waarde onderdrukt } inAanvullend { waarde onderdrukt } aandeelBasisProcent verwachtAandeelBasisProcent } } }`;

async function reeks(van: string, tot: string, per: 'MAAND' | 'KWARTAAL' | 'JAAR', token = tok('gemeente-beleid')) {
  const res = await stack.query(KS, { token, variables: { van, tot, per } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.klantstromen as Array<any>;
}

/** A published figure equals the exact count; a suppressed one is either below the threshold or (secondary) not. */
function klopt(t: Telling, exact: number, label: string) {
  if (t.onderdrukt) {
    expect(t.waarde, label).toBeNull();
    expect(exact, `${label}: a suppressed count is never 0`).toBeGreaterThan(0);
  } else {
    expect(t.waarde, label).toBe(exact);
    expect(exact === 0 || exact >= T, `${label}: ${exact} below the threshold is published`).toBe(true);
  }
}

const count = async (q: ReturnType<typeof sql>) => Number((await stack.rows<{ n: number }>(q))[0]!.n);

describe('klantstromen', () => {
  it('gives each figure of a monthly series as an independent SQL count, with labels and period bounds', async () => {
    const r = await reeks('2025-01-15', '2025-12-31', 'MAAND');
    expect(r.map((p) => p.periode)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(r[0]).toMatchObject({ van: '2025-01-01', tot: '2025-01-31' });
    expect(r[1]).toMatchObject({ van: '2025-02-01', tot: '2025-02-28' });
    let gepubliceerd = 0;
    for (const p of r) {
      const { van, tot } = p as { van: string; tot: string };
      klopt(p.instroom, await count(sql`select count(*)::int as n from aanvullende_ondersteuning.toewijzing where begindatum >= ${van}::date and begindatum <= ${tot}::date and status <> 'verzoek'`), `${p.periode} instroom`);
      const uit = await stack.rows<{ reden: string; n: number }>(sql`select reden_beeindiging as reden, count(*)::int as n from aanvullende_ondersteuning.toewijzing
        where stopdatum >= ${van}::date and stopdatum <= ${tot}::date group by 1 order by 1`);
      klopt(p.uitstroom, uit.reduce((a, x) => a + Number(x.n), 0), `${p.periode} uitstroom`);
      expect(p.uitstroomPerReden.map((x: any) => x.code)).toEqual(uit.map((x) => x.reden));
      for (const x of p.uitstroomPerReden) klopt(x.aantal, Number(uit.find((u) => u.reden === x.code)!.n), `${p.periode} reden ${x.code}`);
      klopt(p.doorstroomNaarAanvullend, await count(sql`select count(*)::int as n from basisondersteuning.verwijzing
        where to_char(op at time zone 'Europe/Amsterdam', 'YYYY-MM') = ${p.periode}`), `${p.periode} naar aanvullend`);
      klopt(p.doorstroomNaarBasis, await count(sql`select count(*)::int as n from aanvullende_ondersteuning.toewijzing t
        where t.stopdatum between ${van}::date and ${tot}::date and exists (select 1 from basisondersteuning.ondersteuning o
          where o.inwoner_id = t.inwoner_id and o.startdatum - t.stopdatum between 0 and 90
            and (o.soort in ('PTO', 'PERSOONLIJKE_VERZORGING') or left(o.soort, 2) in ('TO', 'DB')))`), `${p.periode} naar basis`);
      for (const v of p.verschuiving) {
        const basis = await count(sql`select count(distinct inwoner_id)::int as n from basisondersteuning.ondersteuning
          where startdatum <= ${tot}::date and coalesce(einddatum, '9999-12-31') >= ${tot}::date
            and (${v.groep === 'TO'} and (soort = 'PTO' or left(soort, 2) = 'TO') or ${v.groep === 'DB'} and left(soort, 2) = 'DB')`);
        const aanvullend = await count(sql`select count(distinct inwoner_id)::int as n from aanvullende_ondersteuning.toewijzing
          where begindatum <= ${tot}::date and coalesce(stopdatum, '9999-12-31') >= ${tot}::date and left(product, 2) = ${v.groep}`);
        klopt(v.inBasis, basis, `${p.periode} ${v.groep} basis`);
        klopt(v.inAanvullend, aanvullend, `${p.periode} ${v.groep} aanvullend`);
        expect(v.verwachtAandeelBasisProcent).toBe(v.groep === 'TO' ? 75 : 55);
        if (v.inBasis.onderdrukt || v.inAanvullend.onderdrukt) expect(v.aandeelBasisProcent).toBeNull();
        else expect(v.aandeelBasisProcent).toBeCloseTo((100 * basis) / (basis + aanvullend), 1);
        if (!v.inBasis.onderdrukt) gepubliceerd++;
      }
    }
    // The seed is large enough that the stock figures are published.
    expect(gepubliceerd).toBeGreaterThan(0);
  });

  it('counts the doorstroom aanvullend -> basis only within 90 days after the stop, and labels the redenen', async () => {
    const [jaar] = await reeks('2025-01-01', '2025-12-31', 'JAAR');
    expect(jaar.periode).toBe('2025');
    expect(jaar.doorstroomNaarBasis).toEqual({ waarde: NAAR_BASIS, onderdrukt: false });
    const labels = Object.fromEntries(jaar.uitstroomPerReden.map((x: any) => [x.code, x.omschrijving]));
    expect(labels['19']).toBe('Levering volgens plan beëindigd');
    expect(labels['21']).toBe('Levering is eenzijdig door cliënt beëindigd');
    expect(labels['38']).toBe('Overstap naar andere aanbieder');
    // The rare reden is suppressed, and so is a second one: the total does not give it away.
    const redenen = jaar.uitstroomPerReden.map((x: any) => x.aantal);
    expect(jaar.uitstroomPerReden.find((x: any) => x.code === '38').aantal).toEqual({ waarde: null, onderdrukt: true });
    expect(jaar.uitstroom.onderdrukt).toBe(false);
    expect(redenen.filter((t: Telling) => t.onderdrukt).length).toBeGreaterThanOrEqual(2);
  });

  it('adds months up to the quarter and quarters to the year for the additive figures', async () => {
    const maanden = await reeks('2025-01-01', '2025-12-31', 'MAAND');
    const kwartalen = await reeks('2025-01-01', '2025-12-31', 'KWARTAAL');
    const [jaar] = await reeks('2025-01-01', '2025-12-31', 'JAAR');
    expect(kwartalen.map((k) => k.periode)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    const velden = ['instroom', 'uitstroom', 'doorstroomNaarAanvullend', 'doorstroomNaarBasis'];
    let vergeleken = 0;
    const som = (delen: any[], veld: string) => (delen.every((d) => !d[veld].onderdrukt) ? delen.reduce((a, d) => a + d[veld].waarde, 0) : null);
    for (const veld of velden) {
      kwartalen.forEach((k, q) => {
        const s = som(maanden.slice(3 * q, 3 * q + 3), veld);
        if (s !== null && !k[veld].onderdrukt) { expect(k[veld].waarde, `${k.periode} ${veld}`).toBe(s); vergeleken++; }
      });
      const s = som(kwartalen, veld);
      if (s !== null && !jaar[veld].onderdrukt) { expect(jaar[veld].waarde, `2025 ${veld}`).toBe(s); vergeleken++; }
    }
    expect(vergeleken).toBeGreaterThan(2);
    // A stock on the last day: the quarter's value is its last month's.
    kwartalen.forEach((k, q) => expect(k.verschuiving).toEqual(maanden[3 * q + 2].verschuiving));
  });

  it('suppresses a reden of uitstroom together with a second entry, so it cannot be recovered from the total', async () => {
    const r = [...await reeks('2021-01-01', '2025-12-31', 'MAAND'), ...await reeks('2021-01-01', '2025-12-31', 'KWARTAAL'), ...await reeks('2021-01-01', '2025-12-31', 'JAAR')];
    let gecontroleerd = 0;
    for (const p of r) {
      const entries = [...p.uitstroomPerReden.map((x: any) => x.aantal), p.uitstroom] as Telling[];
      const onderdrukt = entries.filter((e) => e.onderdrukt).length;
      expect(onderdrukt === 0 || onderdrukt >= 2, `${p.periode}: ${JSON.stringify(entries)}`).toBe(true);
      if (onderdrukt > 0 && !p.uitstroom.onderdrukt) gecontroleerd++;
      // Published parts never give away a suppressed part: with the total published, at least two parts are unknown.
      if (!p.uitstroom.onderdrukt) expect(p.uitstroomPerReden.filter((x: any) => x.aantal.onderdrukt).length).not.toBe(1);
    }
    expect(gecontroleerd).toBeGreaterThan(0);
  });

  it('suppresses a month consistently with its quarter and year, so no series gives away another series\' suppressed value', async () => {
    const maanden = await reeks('2021-01-01', '2025-12-31', 'MAAND');
    const kwartalen = await reeks('2021-01-01', '2025-12-31', 'KWARTAAL');
    const jaren = await reeks('2021-01-01', '2025-12-31', 'JAAR');
    let onderdrukteMaanden = 0;
    for (const veld of ['instroom', 'uitstroom', 'doorstroomNaarAanvullend', 'doorstroomNaarBasis']) {
      kwartalen.forEach((k, q) => {
        // A quarter line (the quarter and its three months): no single unknown.
        const lijn = [k, ...maanden.slice(3 * q, 3 * q + 3)].map((p) => p[veld] as Telling);
        const n = lijn.filter((t) => t.onderdrukt).length;
        expect(n === 0 || n >= 2, `${k.periode} ${veld}: ${JSON.stringify(lijn)}`).toBe(true);
        onderdrukteMaanden += lijn.slice(1).filter((t) => t.onderdrukt).length;
      });
      jaren.forEach((j, y) => {
        // A year line over its months (months add up to the year): no single unknown either.
        const lijn = [j, ...maanden.slice(12 * y, 12 * y + 12)].map((p) => p[veld] as Telling);
        const n = lijn.filter((t) => t.onderdrukt).length;
        expect(n === 0 || n >= 2, `${j.periode} ${veld}`).toBe(true);
      });
    }
    expect(onderdrukteMaanden).toBeGreaterThan(0);
  });

  it('runs the same number of SQL statements for 1 and for 24 periods (and for a series over five years)', async () => {
    await reeks('2025-01-01', '2025-01-31', 'MAAND'); // warm-up (key and schema caches)
    stack.database.statements.reset();
    expect(await reeks('2025-01-01', '2025-01-31', 'MAAND')).toHaveLength(1);
    const een = stack.database.statements.reset();
    expect(await reeks('2024-01-01', '2025-12-31', 'MAAND')).toHaveLength(24);
    const vierentwintig = stack.database.statements.reset();
    expect(await reeks('2021-01-01', '2025-12-31', 'MAAND')).toHaveLength(60);
    const zestig = stack.database.statements.reset();
    expect(een).toBeGreaterThan(0);
    expect(vierentwintig).toBe(een);
    expect(zestig).toBe(een);
  });

  it('refuses a reversed or too long series', async () => {
    const omgekeerd = await stack.query(KS, { token: tok('gemeente-beleid'), variables: { van: '2025-02-01', tot: '2025-01-01', per: 'MAAND' } });
    expect(omgekeerd.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tot' });
    const lang = await stack.query(KS, { token: tok('gemeente-beleid'), variables: { van: '2000-01-01', tot: '2025-12-31', per: 'MAAND' } });
    expect(lang.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tot' });
  });
});

const LANDSCHAP = '{ aanbiederslandschap(jaar: 2025, kwartaal: 3) { wijk { code } organisatie { id } rol clienten { waarde onderdrukt } } }';
type Regel = { wijk: { code: string } | null; organisatie: { id: string } | null; rol: string | null; clienten: Telling };

async function landschap(token: string): Promise<Regel[]> {
  const res = await stack.query(LANDSCHAP, { token });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.aanbiederslandschap;
}

const LANDSCHAP_SQL = sql`select wijk_code as wijk, coalesce(onderaannemer_id, organisatie_id) as org,
    case when onderaannemer_id is null then 'HOOFDAANBIEDER' else 'ONDERAANNEMER' end as rol, count(distinct inwoner_id)::int as n
  from aanvullende_ondersteuning.toewijzing
  where begindatum is not null and begindatum <= '2025-09-30' and (stopdatum is null or stopdatum >= '2025-07-01')
  group by 1, 2, 3`;

/** Every line (a wijk with its total, an organisation with its total, the totals with the grand total) has 0 or >= 2 unknowns. */
function lijnenBeschermd(regels: Regel[], bekend: (r: Regel) => boolean = () => false) {
  const onbekend = (r: Regel) => r.clienten.onderdrukt && !bekend(r);
  const kolom = (r: Regel) => (r.organisatie ? `${r.organisatie.id}|${r.rol}` : null);
  const lijnen = new Map<string, Regel[]>();
  const add = (k: string, r: Regel) => lijnen.set(k, [...(lijnen.get(k) ?? []), r]);
  for (const r of regels) {
    add(r.wijk ? `wijk ${r.wijk.code}` : 'wijktotalen', r);
    add(kolom(r) ? `org ${kolom(r)}` : 'orgtotalen', r);
  }
  for (const [k, lijn] of lijnen) {
    const n = lijn.filter(onbekend).length;
    expect(n === 0 || n >= 2, `${k}: ${n} unknown`).toBe(true);
  }
}

describe('aanbiederslandschap', () => {
  it('gives clients per wijk and delivering organisation as independent SQL counts, suppressed with protected totals', async () => {
    const regels = await landschap(tok('gemeente-beleid'));
    const exact = await stack.rows<{ wijk: string; org: string; rol: string; n: number }>(LANDSCHAP_SQL);
    const cellen = regels.filter((r) => r.wijk && r.organisatie);
    expect(cellen).toHaveLength(exact.length);
    let primair = 0;
    for (const e of exact) {
      const r = cellen.find((c) => c.wijk!.code === e.wijk && c.organisatie!.id === e.org && c.rol === e.rol)!;
      klopt(r.clienten, Number(e.n), `${e.wijk} ${e.org}`);
      if (Number(e.n) < T) primair++;
    }
    expect(primair).toBeGreaterThan(0);
    expect(new Set(cellen.map((c) => c.rol))).toEqual(new Set(['HOOFDAANBIEDER', 'ONDERAANNEMER']));
    // Totals: per organisation, per wijk and the grand total are the sums of the cells.
    const totaal = regels.find((r) => !r.wijk && !r.organisatie)!;
    klopt(totaal.clienten, exact.reduce((a, e) => a + Number(e.n), 0), 'eindtotaal');
    for (const r of regels.filter((x) => x.wijk && !x.organisatie)) {
      klopt(r.clienten, exact.filter((e) => e.wijk === r.wijk!.code).reduce((a, e) => a + Number(e.n), 0), `wijk ${r.wijk!.code}`);
    }
    lijnenBeschermd(regels);
    expect(JSON.stringify(regels)).not.toMatch(/inw-/);
  });

  it('shows a provider its own cells exactly and the others suppressed, protected against its own knowledge', async () => {
    const oa = tokens.get('oa')!;
    const regels = await landschap(tok('aanbieder-medewerker', oa));
    const exact = await stack.rows<{ wijk: string; org: string; rol: string; n: number }>(LANDSCHAP_SQL);
    const eigen = exact.filter((e) => e.org === oa);
    expect(eigen.some((e) => Number(e.n) < T)).toBe(true); // the smallest onderaannemer has small cells
    for (const e of eigen) {
      const r = regels.find((c) => c.wijk?.code === e.wijk && c.organisatie?.id === oa)!;
      expect(r.clienten).toEqual({ waarde: Number(e.n), onderdrukt: false });
    }
    for (const e of exact.filter((x) => x.org !== oa)) {
      const r = regels.find((c) => c.wijk?.code === e.wijk && c.organisatie?.id === e.org && c.rol === e.rol)!;
      klopt(r.clienten, Number(e.n), `${e.wijk} ${e.org}`);
    }
    // Its own cells are known to it: every line still has 0 or >= 2 unknowns without them.
    lijnenBeschermd(regels, (r) => r.organisatie?.id === oa);
    // The beleid view of the same cells is suppressed where small.
    const beleid = await landschap(tok('gemeente-beleid'));
    const klein = eigen.find((e) => Number(e.n) < T)!;
    expect(beleid.find((c) => c.wijk?.code === klein.wijk && c.organisatie?.id === oa)!.clienten).toEqual({ waarde: null, onderdrukt: true });
  });

  it('refuses a quarter outside 1 to 4', async () => {
    const res = await stack.query('{ aanbiederslandschap(jaar: 2025, kwartaal: 5) { rol } }', { token: tok('gemeente-beleid') });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kwartaal' });
  });
});

describe('omvangPerProduct', () => {
  const OMVANG = '{ omvangPerProduct(van: "2025-01-01", tot: "2025-06-30") { product eenheid frequentie organisatie { id } clienten { waarde onderdrukt } volume } }';

  it('gives clients and volume per product, eenheid and organisation as independent SQL sums, suppressed', async () => {
    const res = await stack.query(OMVANG, { token: tok('gemeente-contractmanager') });
    expect(res.body.errors).toBeUndefined();
    const regels = res.body.data!.omvangPerProduct as Array<any>;
    const exact = await stack.rows<{ product: string; eenheid: string; frequentie: string; org: string; n: number; volume: number }>(sql`
      select product, omvang_eenheid as eenheid, omvang_frequentie as frequentie, coalesce(onderaannemer_id, organisatie_id) as org,
        count(distinct inwoner_id)::int as n, sum(omvang_volume)::int as volume
      from aanvullende_ondersteuning.toewijzing
      where begindatum is not null and begindatum <= '2025-06-30' and (stopdatum is null or stopdatum >= '2025-01-01')
      group by 1, 2, 3, 4`);
    expect(regels.filter((r) => r.organisatie)).toHaveLength(exact.length);
    for (const e of exact) {
      const r = regels.find((x) => x.organisatie?.id === e.org && x.product === e.product && x.eenheid === e.eenheid && x.frequentie === e.frequentie);
      klopt(r.clienten, Number(e.n), `${e.product} ${e.org}`);
      expect(r.volume).toBe(r.clienten.onderdrukt ? null : Number(e.volume));
    }
    for (const r of regels.filter((x) => !x.organisatie)) {
      const delen = exact.filter((e) => e.product === r.product && e.eenheid === r.eenheid && e.frequentie === r.frequentie);
      klopt(r.clienten, delen.reduce((a, e) => a + Number(e.n), 0), `${r.product} totaal`);
      expect(r.volume).toBe(r.clienten.onderdrukt ? null : delen.reduce((a, e) => a + Number(e.volume), 0));
      // A product row: its cells and its total have 0 or >= 2 suppressed entries.
      const lijn = [r, ...regels.filter((x) => x.organisatie && x.product === r.product && x.eenheid === r.eenheid && x.frequentie === r.frequentie)];
      const n = lijn.filter((x) => x.clienten.onderdrukt).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
  });

  it('shows a provider its own volumes exactly', async () => {
    const oa = tokens.get('oa')!;
    const res = await stack.query(OMVANG, { token: tok('aanbieder-medewerker', oa) });
    const regels = res.body.data!.omvangPerProduct as Array<any>;
    const exact = await stack.rows<{ product: string; n: number; volume: number }>(sql`
      select product, count(distinct inwoner_id)::int as n, sum(omvang_volume)::int as volume from aanvullende_ondersteuning.toewijzing
      where coalesce(onderaannemer_id, organisatie_id) = ${oa} and begindatum is not null and begindatum <= '2025-06-30'
        and (stopdatum is null or stopdatum >= '2025-01-01') group by 1`);
    const eigen = regels.filter((r) => r.organisatie?.id === oa);
    expect(eigen.length).toBe(exact.length);
    for (const e of exact) {
      expect(eigen.find((r) => r.product === e.product)).toMatchObject({ clienten: { waarde: Number(e.n), onderdrukt: false }, volume: Number(e.volume) });
    }
    // Its own cells known, each product line still has 0 or >= 2 unknowns.
    for (const t of regels.filter((x) => !x.organisatie)) {
      const lijn = [t, ...regels.filter((x) => x.organisatie && x.organisatie.id !== oa && x.product === t.product && x.eenheid === t.eenheid && x.frequentie === t.frequentie)];
      const n = lijn.filter((x) => x.clienten.onderdrukt).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
  });
});

describe('authorisation of the steering figures', () => {
  const LEZERS: Rol[] = ['gemeente-beleid', 'gemeente-contractmanager', 'adviesraad', 'aanbieder-medewerker'];
  it.each(ROLES.map((r) => [r]))('%s', async (rol) => {
    const token = tok(rol as Rol);
    for (const q of ['{ klantstromen(van: "2025-01-01", tot: "2025-03-31", per: MAAND) { periode instroom { onderdrukt } } }', LANDSCHAP,
      '{ omvangPerProduct(van: "2025-01-01", tot: "2025-03-31") { product clienten { onderdrukt } } }']) {
      const res = await stack.query(q, { token });
      if (LEZERS.includes(rol as Rol)) {
        expect(res.body.errors, `${rol} ${q}`).toBeUndefined();
        expect(JSON.stringify(res.body.data)).not.toMatch(/inw-/);
      } else {
        expect(res.body.errors?.map((e) => e.extensions?.code), `${rol} ${q}`).toEqual([weigercode(rol as Rol)]);
        expect(res.body.data ?? null).toBeNull();
      }
    }
  });
});
