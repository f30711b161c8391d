/**
 * Steering figures of the sociale basis and the huishoudelijke hulp on Wijk, Gebied and
 * Gemeente through the gateway: each published value against an independent count on the
 * seed (raw rows counted in JS), suppression at all three levels with the linear attacker,
 * the time series, the provider view of an hh-aanbieder, the SQL statements, the old Wijk
 * fields, and who may read them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOORTEN_HULPVRAAG } from '../../subgraphs/sociale-basis/cijfers';
import { DEV_ORGANISATIE } from '../../subgraphs/shared/roles';
import { bootStack, sql, type Stack, weigercode } from '../support/stack';
import { controleerTabel, haalNiveaus, opteller, type Niveaus, type Telling, klopt } from '../support/gebiedscijfers';

const T = 10;
const R = 5;
let stack: Stack;
let beleid: string;

type Niveau = { wijk: string } | { gebied: string } | 'gemeente';

type SbCijfers = {
  periode: string; van: string; tot: string;
  deelnemers: Telling; anoniemGematcht: Telling; nieuweHulpvragen: Telling;
  nieuwPerSoort: Array<{ soort: string; hulpvragen: Telling }>; openAanHetEinde: Telling;
};
const T_SEL = '{ waarde onderdrukt }';
const SB = (args: string) => `socialeBasisCijfers(${args}) { periode van tot deelnemers ${T_SEL} anoniemGematcht ${T_SEL} nieuweHulpvragen ${T_SEL}
  nieuwPerSoort { soort hulpvragen ${T_SEL} } openAanHetEinde ${T_SEL} }`;

type HhCijfers = {
  periode: string; van: string; tot: string; clienten: Telling; urenPerWeek: number | null;
  perAanbieder: Array<{ aanbieder: { id: string }; eigenOrganisatie: boolean; clienten: Telling; urenPerWeek: number | null }>;
};
const HH = (args: string) => `huishoudelijkeHulpCijfers(${args}) { periode van tot clienten ${T_SEL} urenPerWeek
  perAanbieder { aanbieder { id } eigenOrganisatie clienten ${T_SEL} urenPerWeek } }`;

const vandaag = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
/** The calendar day of a moment in Leeuwarden. */
const dag = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(ms));

beforeAll(async () => {
  stack = await bootStack({ inwoners: 2000, env: { SUPPRESSION_THRESHOLD: String(T), SUPPRESSION_ROUNDING: String(R) } });
  beleid = await stack.token({ rol: 'gemeente-beleid' });
}, 180_000);
afterAll(() => stack?.stop());

/** Adds one count per key into a map of counters. */
const tel = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

// ---------------------------------------------------------------------------------------
// Sociale basis: the raw hulpvragen and their history, counted in JS by calendar day.
// ---------------------------------------------------------------------------------------

async function socialeBasisExact(van: string, tot: string) {
  const hulpvragen = await stack.rows<{ id: string; wijk_code: string; inwoner_id: string | null; soort: string; aangemaakt: number }>(sql`
    select id, wijk_code, inwoner_id, soort, (extract(epoch from aangemaakt_op) * 1000)::float8 as aangemaakt from sociale_basis.hulpvraag`);
  const events = await stack.rows<{ id: string; hulpvraag_id: string; naar: string; op: number }>(sql`
    select id, hulpvraag_id, naar, (extract(epoch from op) * 1000)::float8 as op from sociale_basis.hulpvraag_gebeurtenis`);
  const history = new Map<string, typeof events>();
  for (const e of events) (history.get(e.hulpvraag_id) ?? history.set(e.hulpvraag_id, []).get(e.hulpvraag_id)!).push(e);
  for (const h of history.values()) h.sort((a, b) => a.op - b.op || (a.id < b.id ? -1 : 1));

  const nieuw = new Map<string, number>();
  const open = new Map<string, number>();
  const anoniem = new Map<string, number>();
  // Per resident: the hulpvraag of their most recent match in the period.
  const laatsteMatch = new Map<string, { op: number; id: string; wijk: string }>();
  for (const h of hulpvragen) {
    const d = dag(Number(h.aangemaakt));
    if (d >= van && d <= tot) tel(nieuw, `${h.wijk_code}|${h.soort}`);
    const hist = history.get(h.id) ?? [];
    // Status at the end of tot: the last change on or before that day.
    const totEind = hist.filter((e) => dag(Number(e.op)) <= tot);
    const eind = totEind[totEind.length - 1];
    if (eind && (eind.naar === 'OPEN' || eind.naar === 'TERUGGEZET')) tel(open, h.wijk_code);
    // Matched in the period: a GEMATCHT change on or before tot whose next change is on or after van.
    let match: number | null = null;
    hist.forEach((e, i) => {
      const volgende = hist[i + 1];
      if (e.naar === 'GEMATCHT' && dag(Number(e.op)) <= tot && (!volgende || dag(Number(volgende.op)) >= van)) match = Math.max(match ?? -Infinity, Number(e.op));
    });
    if (match === null) continue;
    if (h.inwoner_id === null) { tel(anoniem, h.wijk_code); continue; }
    const vorige = laatsteMatch.get(h.inwoner_id);
    if (!vorige || match > vorige.op || (match === vorige.op && h.id > vorige.id)) laatsteMatch.set(h.inwoner_id, { op: match, id: h.id, wijk: h.wijk_code });
  }
  const deelnemers = new Map<string, number>();
  for (const m of laatsteMatch.values()) tel(deelnemers, m.wijk);
  return {
    deelname: (w: string) => [deelnemers.get(w) ?? 0, anoniem.get(w) ?? 0],
    nieuw: (w: string) => {
      const perSoort = SOORTEN_HULPVRAAG.map((s) => nieuw.get(`${w}|${s}`) ?? 0);
      return [...perSoort, perSoort.reduce((a, b) => a + b, 0)];
    },
    open: (w: string) => [open.get(w) ?? 0, open.get(w) ?? 0],
    matchedResidents: laatsteMatch.size,
  };
}

function controleerSocialeBasis(n: Niveaus<SbCijfers>, ex: Awaited<ReturnType<typeof socialeBasisExact>>, periode = 0) {
  const basis = { periode, threshold: T, rounding: R };
  return controleerTabel(n, {
    ...basis, categorieen: 2, totalen: false,
    publiceerd: (c) => [c.deelnemers, c.anoniemGematcht], exact: opteller(n.indeling, ex.deelname),
  }) + controleerTabel(n, {
    ...basis, categorieen: SOORTEN_HULPVRAAG.length, totalen: true,
    publiceerd: (c) => {
      expect(c.nieuwPerSoort.map((s) => s.soort)).toEqual([...SOORTEN_HULPVRAAG]);
      return [...c.nieuwPerSoort.map((s) => s.hulpvragen), c.nieuweHulpvragen];
    },
    exact: opteller(n.indeling, ex.nieuw),
  }) + controleerTabel(n, {
    ...basis, categorieen: 1, totalen: true,
    publiceerd: (c) => [c.openAanHetEinde, c.openAanHetEinde], exact: opteller(n.indeling, ex.open),
  });
}

// ---------------------------------------------------------------------------------------
// Huishoudelijke hulp: the raw indicaties, the latest per resident and period, in JS.
// ---------------------------------------------------------------------------------------

async function hhExact(van: string, tot: string, aanbieders: readonly string[]) {
  const indicaties = await stack.rows<{ id: string; inwoner_id: string; wijk_code: string; organisatie_id: string; minuten_per_week: number; startdatum: string; einddatum: string | null }>(sql`
    select id, inwoner_id, wijk_code, organisatie_id, minuten_per_week, startdatum::text as startdatum, einddatum::text as einddatum from huishoudelijke_hulp.indicatie`);
  const laatste = new Map<string, (typeof indicaties)[number]>();
  for (const i of indicaties) {
    if (i.startdatum > tot || (i.einddatum !== null && i.einddatum < van)) continue;
    const v = laatste.get(i.inwoner_id);
    if (!v || i.startdatum > v.startdatum || (i.startdatum === v.startdatum && i.id > v.id)) laatste.set(i.inwoner_id, i);
  }
  const clienten = new Map<string, number>();
  const minuten = new Map<string, number>();
  for (const i of laatste.values()) {
    expect(aanbieders, `provider ${i.organisatie_id} is a line`).toContain(i.organisatie_id);
    tel(clienten, `${i.wijk_code}|${i.organisatie_id}`);
    tel(minuten, `${i.wijk_code}|${i.organisatie_id}`, Number(i.minuten_per_week));
  }
  const rij = (m: Map<string, number>) => (w: string) => {
    const per = aanbieders.map((a) => m.get(`${w}|${a}`) ?? 0);
    return [...per, per.reduce((x, y) => x + y, 0)];
  };
  return { clienten: rij(clienten), minuten: rij(minuten), aantal: laatste.size };
}

/** Checks counts (controleerTabel) and hours: null exactly where the count is suppressed, else minutes / 60 to one decimal. */
function controleerHh(n: Niveaus<HhCijfers>, ex: Awaited<ReturnType<typeof hhExact>>, opties: { periode?: number; eigen?: number } = {}) {
  const periode = opties.periode ?? 0;
  const aanbieders = n.gemeente[periode]!.perAanbieder.length;
  const onderdrukt = controleerTabel(n, {
    periode, categorieen: aanbieders, totalen: true, threshold: T, rounding: R, eigen: opties.eigen,
    publiceerd: (c) => [...c.perAanbieder.map((a) => a.clienten), c.clienten], exact: opteller(n.indeling, ex.clienten),
  });
  const minuten = opteller(n.indeling, ex.minuten);
  const bekijk = (niveau: Niveau, x: HhCijfers[]) => {
    const c = x[periode]!;
    const exact = minuten(niveau);
    [...c.perAanbieder.map((a) => [a.clienten, a.urenPerWeek, a.eigenOrganisatie] as const), [c.clienten, c.urenPerWeek, false] as const].forEach(([telling, uren, eigen], k) => {
      if (telling.onderdrukt) expect(uren, JSON.stringify(niveau)).toBeNull();
      // Own organisation: exact to one decimal; the rest rounded to the base (R hours) like the counts.
      else if (eigen) expect(uren, JSON.stringify(niveau)).toBe(Math.round((exact[k]! / 60) * 10) / 10);
      else expect(uren, JSON.stringify(niveau)).toBe(Math.round(exact[k]! / 60 / R) * R);
    });
  };
  for (const w of n.indeling) bekijk({ wijk: w.code }, n.wijken.get(w.code)!);
  for (const [g, x] of n.gebieden) bekijk({ gebied: g }, x);
  bekijk('gemeente', n.gemeente);
  return onderdrukt;
}

describe('socialeBasisCijfers', () => {
  it('matches an independent count at wijk, gebied and gemeente level, suppressed together', async () => {
    const n = await haalNiveaus<SbCijfers>(stack, beleid, SB('van: "2025-01-01", tot: "2025-12-31"'));
    expect(n.indeling.length).toBeGreaterThan(10);
    const ex = await socialeBasisExact('2025-01-01', '2025-12-31');
    expect(ex.matchedResidents).toBeGreaterThan(0);
    const onderdrukt = controleerSocialeBasis(n, ex);
    expect(onderdrukt).toBeGreaterThan(20);
    // The gemeente is large enough to publish something.
    expect(n.gemeente[0]!.nieuweHulpvragen.onderdrukt).toBe(false);
    expect(n.gemeente[0]).toMatchObject({ periode: '2025-01-01/2025-12-31', van: '2025-01-01', tot: '2025-12-31' });
    expect(JSON.stringify(n)).not.toMatch(/inw-/);
  });

  it('counts what a hulpvraag did in the period: registered, matched (a resident once, in the wijk of the latest match) and waiting at the end', async () => {
    // 1996 has no seed data. Ten residents with two hulpvragen each, the first in WK008010
    // (matched 10 March), the second in WK008011 (matched 12 March); ten anonymous ones in
    // WK008010 (matched 10 March). The even ones are put back on 10 April.
    const inwoners = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner order by id limit 10`);
    for (let i = 0; i < 30; i++) {
      const id = `fig-hv-${i}`;
      const inwoner = i < 20 ? `'${inwoners[i % 10]!.id}'` : 'null';
      const wijk = i >= 10 && i < 20 ? 'WK008011' : 'WK008010';
      const gematcht = i >= 10 && i < 20 ? '1996-03-12T10:00:00Z' : '1996-03-10T10:00:00Z';
      const registratie = `1996-03-0${1 + (i % 5)}T10:00:00Z`;
      await stack.database.execute(`insert into sociale_basis.hulpvraag (id, gemeente_code, wijk_code, inwoner_id, soort, status, organisatie_id, aangemaakt_op)
        values ('${id}', 'GM0080', '${wijk}', ${inwoner}, 'VERVOER', '${i % 2 === 0 ? 'TERUGGEZET' : 'GEMATCHT'}', 'vol', '${registratie}')`);
      await stack.database.execute(`insert into sociale_basis.hulpvraag_gebeurtenis (id, gemeente_code, hulpvraag_id, van, naar, door, op) values
        ('${id}-1', 'GM0080', '${id}', null, 'OPEN', 'test', '${registratie}'),
        ('${id}-2', 'GM0080', '${id}', 'OPEN', 'GEMATCHT', 'test', '${gematcht}')
        ${i % 2 === 0 ? `, ('${id}-3', 'GM0080', '${id}', 'GEMATCHT', 'TERUGGEZET', 'test', '1996-04-10T10:00:00Z')` : ''}`);
    }
    const maart = await haalNiveaus<SbCijfers>(stack, beleid, SB('van: "1996-03-01", tot: "1996-03-31"'));
    controleerSocialeBasis(maart, await socialeBasisExact('1996-03-01', '1996-03-31'));
    const w = (n: Niveaus<SbCijfers>, code: string) => n.wijken.get(code)![0]!;
    const telling = (waarde: number) => ({ waarde, onderdrukt: false });
    expect(maart.gemeente[0]).toMatchObject({
      nieuweHulpvragen: telling(30), deelnemers: telling(10), anoniemGematcht: telling(10), openAanHetEinde: telling(0),
    });
    // Each resident once, in the wijk of their latest match; anonymous hulpvragen apart.
    expect(w(maart, 'WK008011').deelnemers).toEqual(telling(10));
    expect(w(maart, 'WK008010').deelnemers).toEqual(telling(0));
    expect(w(maart, 'WK008010').anoniemGematcht).toEqual(telling(10));
    expect(w(maart, 'WK008010').nieuwPerSoort.find((x) => x.soort === 'VERVOER')!.hulpvragen).toEqual(telling(20));

    const april = await haalNiveaus<SbCijfers>(stack, beleid, SB('van: "1996-04-01", tot: "1996-04-30"'));
    controleerSocialeBasis(april, await socialeBasisExact('1996-04-01', '1996-04-30'));
    // Still matched on 1 April: all of them; put back on 10 April: 15 waiting at the end.
    expect(april.gemeente[0]).toMatchObject({
      nieuweHulpvragen: telling(0), deelnemers: telling(10), anoniemGematcht: telling(10), openAanHetEinde: telling(15),
    });
    // Waiting in WK008011: 5, so suppressed, and WK008010 (10) with it: the gebied gives the sum.
    expect(w(april, 'WK008011').openAanHetEinde).toEqual({ waarde: null, onderdrukt: true });
    expect(w(april, 'WK008010').openAanHetEinde).toEqual({ waarde: null, onderdrukt: true });
  });

  it('gives a series per quarter equal to the single periods', async () => {
    const reeks = await haalNiveaus<SbCijfers>(stack, beleid, SB('van: "2025-01-01", tot: "2025-12-31", per: KWARTAAL'));
    expect(reeks.gemeente.map((c) => c.periode)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    const zonderLabel = ({ periode: _p, ...rest }: SbCijfers) => rest;
    for (const [k, [van, tot]] of [['2025-04-01', '2025-06-30'], ['2025-10-01', '2025-12-31']].entries()) {
      const q = await haalNiveaus<SbCijfers>(stack, beleid, SB(`van: "${van}", tot: "${tot}"`));
      const i = k === 0 ? 1 : 3;
      expect(zonderLabel(reeks.gemeente[i]!)).toEqual(zonderLabel(q.gemeente[0]!));
      for (const [code, x] of q.wijken) expect(zonderLabel(reeks.wijken.get(code)![i]!)).toEqual(zonderLabel(x[0]!));
      for (const [g, x] of q.gebieden) expect(zonderLabel(reeks.gebieden.get(g)![i]!)).toEqual(zonderLabel(x[0]!));
      controleerSocialeBasis(reeks, await socialeBasisExact(van!, tot!), i);
    }
  });
});

describe('huishoudelijkeHulpCijfers', () => {
  let aanbieders: string[];
  beforeAll(async () => {
    const n = await haalNiveaus<HhCijfers>(stack, beleid, HH('van: "2025-01-01", tot: "2025-03-31"'));
    aanbieders = n.gemeente[0]!.perAanbieder.map((a) => a.aanbieder.id);
  });

  it('has a line per hh-aanbieder: contracted or with an indicatie', async () => {
    const rows = await stack.rows<{ id: string }>(sql`
      select organisatie_id as id from financien.contract where perceel = 'HULP_BIJ_HET_HUISHOUDEN'
      union select organisatie_id from huishoudelijke_hulp.indicatie order by 1`);
    expect(aanbieders).toEqual(rows.map((r) => r.id));
    expect(aanbieders).toEqual(expect.arrayContaining(['thfl', 'miep']));
  });

  it('matches an independent count (clients and hours) at wijk, gebied and gemeente level, suppressed together', async () => {
    const n = await haalNiveaus<HhCijfers>(stack, beleid, HH('van: "2025-01-01", tot: "2025-03-31"'));
    const ex = await hhExact('2025-01-01', '2025-03-31', aanbieders);
    expect(ex.aantal).toBeGreaterThan(100);
    expect(controleerHh(n, ex)).toBeGreaterThan(10);
    for (const c of [n.gemeente[0]!, ...[...n.wijken.values()].map((x) => x[0]!)]) {
      expect(c.perAanbieder.every((a) => !a.eigenOrganisatie)).toBe(true);
    }
    expect(n.gemeente[0]!.clienten.onderdrukt).toBe(false);
    expect(n.gemeente[0]!.urenPerWeek).toBeGreaterThan(0);
    expect(JSON.stringify(n)).not.toMatch(/inw-/);
  });

  it('gives a series per quarter equal to the single periods', async () => {
    const reeks = await haalNiveaus<HhCijfers>(stack, beleid, HH('van: "2025-01-01", tot: "2025-12-31", per: KWARTAAL'));
    expect(reeks.gemeente.map((c) => c.periode)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    const zonderLabel = ({ periode: _p, ...rest }: HhCijfers) => rest;
    const q3 = await haalNiveaus<HhCijfers>(stack, beleid, HH('van: "2025-07-01", tot: "2025-09-30"'));
    expect(zonderLabel(reeks.gemeente[2]!)).toEqual(zonderLabel(q3.gemeente[0]!));
    for (const [code, x] of q3.wijken) expect(zonderLabel(reeks.wijken.get(code)![2]!)).toEqual(zonderLabel(x[0]!));
    for (const [g, x] of q3.gebieden) expect(zonderLabel(reeks.gebieden.get(g)![2]!)).toEqual(zonderLabel(x[0]!));
    controleerHh(reeks, await hhExact('2025-07-01', '2025-09-30', aanbieders), { periode: 2 });
  });

  it('shows an hh-aanbieder its own organisation exact and unrounded, the others suppressed, nothing recoverable', async () => {
    for (const eigen of ['miep', 'thfl']) {
      const token = await stack.token({ rol: 'hh-medewerker', organisatie: eigen });
      const n = await haalNiveaus<HhCijfers>(stack, token, HH('van: "2025-01-01", tot: "2025-03-31"'));
      const k = aanbieders.indexOf(eigen);
      expect(k).toBeGreaterThanOrEqual(0);
      const ex = await hhExact('2025-01-01', '2025-03-31', aanbieders);
      expect(controleerHh(n, ex, { eigen: k })).toBeGreaterThan(0);
      // Its own line is flagged, exact at every wijk (also below the threshold) and never suppressed.
      let klein = 0;
      for (const w of n.indeling) {
        const regel = n.wijken.get(w.code)![0]!.perAanbieder[k]!;
        expect(regel.eigenOrganisatie).toBe(true);
        expect(regel.clienten).toEqual({ waarde: ex.clienten(w.code)[k], onderdrukt: false });
        if (ex.clienten(w.code)[k]! % R !== 0 || (ex.clienten(w.code)[k]! > 0 && ex.clienten(w.code)[k]! < T)) klein++;
      }
      expect(klein, 'unrounded values were exercised').toBeGreaterThan(0);
      expect(n.gemeente[0]!.perAanbieder.filter((a) => a.eigenOrganisatie).map((a) => a.aanbieder.id)).toEqual([eigen]);
    }
  });

  it('shows other roles of a provider no exact line', async () => {
    const token = await stack.token({ rol: 'aanbieder-medewerker', organisatie: DEV_ORGANISATIE['aanbieder-medewerker'] });
    const n = await haalNiveaus<HhCijfers>(stack, token, HH('van: "2025-01-01", tot: "2025-03-31"'));
    controleerHh(n, await hhExact('2025-01-01', '2025-03-31', aanbieders));
    expect(JSON.stringify(n)).not.toContain('"eigenOrganisatie":true');
  });
});

describe('both figure sets', () => {
  it('keeps Wijk.openHulpvragen and Wijk.clientenHuishoudelijkeHulp the figures of today', async () => {
    const d = vandaag();
    const velden = `{ wijken { code openHulpvragen ${T_SEL} clientenHuishoudelijkeHulp ${T_SEL} } }`;
    const sb = await socialeBasisExact(d, d);
    const aanbieders = (await haalNiveaus<HhCijfers>(stack, beleid, HH('van: "2025-01-01", tot: "2025-01-31"'))).gemeente[0]!.perAanbieder.map((a) => a.aanbieder.id);
    const hh = await hhExact(d, d, aanbieders);
    const res = await stack.query(velden, { token: beleid });
    expect(res.body.errors).toBeUndefined();
    for (const w of res.body.data!.wijken) {
      klopt(w.openHulpvragen, sb.open(w.code)[0]!, { threshold: T, rounding: R }, `${w.code} open`);
      klopt(w.clientenHuishoudelijkeHulp, hh.clienten(w.code).at(-1)!, { threshold: T, rounding: R }, `${w.code} hh`);
    }
  });

  it('answers a Gemeente other than the caller\'s, and an unknown Gebied, with no figures (subgraphs directly)', async () => {
    const representations = [{ __typename: 'Gemeente', code: 'GM0088' }, { __typename: 'Gebied', naam: 'Nergens' }, { __typename: 'Gemeente', code: 'GM0080' }];
    for (const [subgraph, veld, naam] of [['sociale-basis', SB, 'socialeBasisCijfers'], ['huishoudelijke-hulp', HH, 'huishoudelijkeHulpCijfers']] as const) {
      const sel = veld('van: "2025-01-01", tot: "2025-03-31"');
      const res = await stack.post(
        stack.platform.subgraphUrls[subgraph],
        { query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Gemeente { ${sel} } ... on Gebied { ${sel} } } }`, variables: { r: representations } },
        { authorization: `Bearer ${await stack.internalToken(subgraph, { rol: 'gemeente-beleid', gemeente: 'GM0080' })}` },
      );
      expect(res.body.errors, subgraph).toBeUndefined();
      const [ander, onbekend, eigen] = res.body.data!._entities.map((e: Record<string, unknown[]>) => e[naam]);
      expect(ander, subgraph).toEqual([]);
      expect(onbekend, subgraph).toEqual([]);
      expect(eigen, subgraph).toHaveLength(1);
    }
  });

  it('runs a fixed number of SQL statements, for one wijk and for all wijken, gebieden and the gemeente', async () => {
    const q = (sel: string) => stack.query(sel, { token: beleid });
    const sb = SB('van: "2024-01-01", tot: "2025-12-31", per: MAAND');
    const hh = HH('van: "2024-01-01", tot: "2025-12-31", per: MAAND');
    const meet = async (sel: string) => {
      stack.database.statements.reset();
      const res = await q(sel);
      expect(res.body.errors).toBeUndefined();
      return stack.database.statements.reset();
    };
    for (const veld of [sb, hh]) {
      const een = await meet(`{ wijk(code: "WK008010") { x: ${veld} } }`);
      const alle = await meet(`{ wijken { x: ${veld} } }`);
      // wijk lookup or list (basisondersteuning) + wijk indeling + one figure statement.
      expect(een).toBe(3);
      expect(alle).toBe(3);
      // Gemeente, gebieden and wijken are three entity fetches of the subgraph; they share one
      // computation per client request (verzoekMemo), so still two statements.
      expect(await meet(`{ gemeente { x: ${veld} gebieden { x: ${veld} wijken { x: ${veld} } } } }`)).toBe(1 + 2);
    }
  });

  it('refuses bad periods with BAD_USER_INPUT naming the argument', async () => {
    for (const veld of [SB, HH]) {
      const res = await stack.query(`{ gemeente { ${veld('van: "2025-02-01", tot: "2025-01-01"')} } }`, { token: beleid });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.extensions?.field).toBe('tot');
    }
  });

  it('is refused to roles that act for one person, partner systems and the fg, with no figures', async () => {
    for (const rol of ['inwoner', 'vrijwilliger', 'partner-systeem', 'fg'] as const) {
      const token = await stack.token({ rol, organisatie: DEV_ORGANISATIE[rol], sub: rol === 'inwoner' ? 'inw-0000000000000000' : undefined });
      for (const veld of [SB('van: "2025-01-01", tot: "2025-01-31"'), HH('van: "2025-01-01", tot: "2025-01-31"')]) {
        for (const sel of [`{ gemeente { ${veld} } }`, `{ gebieden { ${veld} } }`, `{ wijk(code: "WK008010") { ${veld} } }`]) {
          const res = await stack.query(sel, { token });
          expect(res.body.errors?.[0]?.extensions?.code, `${rol} ${sel}`).toBe(weigercode(rol));
          expect(JSON.stringify(res.body.data ?? null), rol).not.toContain('waarde');
        }
      }
    }
  });
});
