import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { freshDatabase } from '../support/stack';
import * as s from '../../db/schema';
import { seed } from '../../db/seed/generate';
import { LEEUWARDEN, TEST_GEMEENTE } from '../../db/seed/reference';
import {
  anoniemeMaandexport, EENHEID_LABELS, FREQUENTIE_LABELS, HH_EENHEID, HH_FREQUENTIE, omvangKlasse,
  type AnoniemeExport, type AnoniemeRegel,
} from '../../subgraphs/privacy/anonieme-export';

/**
 * The anonymised monthly file on a seeded database (2,000 residents in Leeuwarden, 60 in a
 * second gemeente) and on a small hand-made gemeente where every level is predictable.
 * Checks use their own SQL (daterange overlap) or a JS re-implementation, not the module's query.
 */
const G = LEEUWARDEN.code;
const JAAR = 2025;
const MAAND = 3;
const VAN = '2025-03-01';
const TOT = '2025-03-31';

let database: Database;
let drop = async () => {};
let rows: <T>(q: SQL) => Promise<T[]>;

const results = new Map<number, AnoniemeExport>();
const statementsPerCall: number[] = [];
async function run(k: number, gemeente = G, jaar = JAAR, maand = MAAND): Promise<AnoniemeExport> {
  database.statements.reset();
  const e = await anoniemeMaandexport(database.db, gemeente, jaar, maand, k);
  statementsPerCall.push(database.statements.count);
  return e;
}

beforeAll(async () => {
  ({ database, drop } = await freshDatabase());
  rows = async <T>(q: SQL) => {
    const r = await database.db.execute(q);
    return (Array.isArray(r) ? r : (r as unknown as { rows: T[] }).rows) as T[];
  };
  await database.migrate();
  await seed(database.db, { inwoners: 2000 });
  await seed(database.db, { gemeente: TEST_GEMEENTE, inwoners: 60, bsnOffset: 5000 });
  for (const k of [1, 3, 10]) results.set(k, await run(k));
});

afterAll(async () => {
  if (!database) return;
  await database.close();
  await drop();
});

interface Ruw {
  inwoner: string; soort: string; volume: number; eenheid: string; frequentie: string;
  startmaand: string; eindmaand: string | null; aanbieder: string; wijk: string; gebied: string;
}

/** The voorzieningen of a month, selected independently: range overlap instead of comparisons. */
function ruweVoorzieningen(gemeente: string, van: string, tot: string) {
  return rows<Ruw>(sql`
    select t.inwoner_id as inwoner, t.product as soort, t.omvang_volume as volume, t.omvang_eenheid as eenheid,
      t.omvang_frequentie as frequentie, to_char(t.begindatum, 'YYYY-MM') as startmaand,
      to_char(coalesce(t.stopdatum, t.einddatum), 'YYYY-MM') as eindmaand,
      coalesce(t.onderaannemer_id, t.organisatie_id) as aanbieder, t.wijk_code as wijk, w.gebied
    from aanvullende_ondersteuning.toewijzing t join basisondersteuning.wijk w on w.code = t.wijk_code
    where t.gemeente_code = ${gemeente} and t.begindatum is not null
      and daterange(t.begindatum, coalesce(t.stopdatum, t.einddatum), '[]') && daterange(${van}::date, ${tot}::date, '[]')
    union all
    select i.inwoner_id, 'HH', i.minuten_per_week, ${HH_EENHEID}, ${HH_FREQUENTIE}, to_char(i.startdatum, 'YYYY-MM'),
      to_char(i.einddatum, 'YYYY-MM'), i.organisatie_id, i.wijk_code, w.gebied
    from huishoudelijke_hulp.indicatie i join basisondersteuning.wijk w on w.code = i.wijk_code
    where i.gemeente_code = ${gemeente}
      and daterange(i.startdatum, i.einddatum, '[]') && daterange(${van}::date, ${tot}::date, '[]')`);
}

const kwartaal = (maand: string | null) => (maand === null ? null : `${maand.slice(0, 4)}-Q${Math.ceil(Number(maand.slice(5, 7)) / 3)}`);

function exacteOmvang(r: Ruw): string {
  if (r.soort === 'HH') return `${String(Math.round((r.volume / 60) * 100) / 100).replace('.', ',')} uur per week`;
  const [een, meer] = EENHEID_LABELS[r.eenheid]!;
  return `${r.volume} ${r.volume === 1 ? een : meer} ${FREQUENTIE_LABELS[r.frequentie]}`;
}

/** The generalisation rules re-implemented in JS, counting distinct residents per group. */
function verwacht(ruw: Ruw[], k: number) {
  const levels: Array<[AnoniemeRegel['niveau'], (r: Ruw) => Omit<AnoniemeRegel, 'niveau'>]> = [
    ['WIJK', (r) => ({ soort: r.soort, omvang: exacteOmvang(r), startmaand: r.startmaand, eindmaand: r.eindmaand, aanbieder: r.aanbieder, gebied: r.wijk })],
    ['GEBIED', (r) => ({ soort: r.soort, omvang: exacteOmvang(r), startmaand: r.startmaand, eindmaand: r.eindmaand, aanbieder: r.aanbieder, gebied: r.gebied })],
    ['OMVANG_KLASSE', (r) => ({ soort: r.soort, omvang: omvangKlasse(r.volume, r.eenheid, r.frequentie), startmaand: r.startmaand, eindmaand: r.eindmaand, aanbieder: r.aanbieder, gebied: r.gebied })],
    ['KWARTAAL', (r) => ({ soort: r.soort, omvang: omvangKlasse(r.volume, r.eenheid, r.frequentie), startmaand: kwartaal(r.startmaand)!, eindmaand: kwartaal(r.eindmaand), aanbieder: r.aanbieder, gebied: r.gebied })],
  ];
  let rest = ruw;
  const regels: AnoniemeRegel[] = [];
  for (const [niveau, tuple] of levels) {
    const groups = new Map<string, Set<string>>();
    for (const r of rest) {
      const key = JSON.stringify(tuple(r));
      groups.set(key, (groups.get(key) ?? new Set()).add(r.inwoner));
    }
    const next: Ruw[] = [];
    for (const r of rest) {
      if (groups.get(JSON.stringify(tuple(r)))!.size >= k) regels.push({ ...tuple(r), niveau });
      else next.push(r);
    }
    rest = next;
  }
  return { regels, weggelaten: rest.length };
}

const sortKey = (r: AnoniemeRegel) => JSON.stringify([r.niveau, r.soort, r.omvang, r.startmaand, r.eindmaand, r.aanbieder, r.gebied]);
const sorted = (list: AnoniemeRegel[]) => list.map(sortKey).sort();

function groupSizes(regels: AnoniemeRegel[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const r of regels) sizes.set(sortKey(r), (sizes.get(sortKey(r)) ?? 0) + 1);
  return sizes;
}

describe('anoniemeMaandexport on the seed (2,000 residents, March 2025)', () => {
  it('runs one SQL statement per call', () => {
    expect(statementsPerCall.length).toBeGreaterThan(0);
    expect(new Set(statementsPerCall)).toEqual(new Set([1]));
  });

  it('counts every voorziening of the month (totaal) and accounts for each record once', async () => {
    const [onafhankelijk] = await rows<{ n: number }>(sql`
      select (select count(*) from aanvullende_ondersteuning.toewijzing where gemeente_code = ${G} and begindatum is not null
          and daterange(begindatum, coalesce(stopdatum, einddatum), '[]') && daterange(${VAN}::date, ${TOT}::date, '[]'))::int
        + (select count(*) from huishoudelijke_hulp.indicatie where gemeente_code = ${G}
          and daterange(startdatum, einddatum, '[]') && daterange(${VAN}::date, ${TOT}::date, '[]'))::int as n`);
    expect(onafhankelijk!.n).toBeGreaterThan(500);
    for (const [k, e] of results) {
      expect(e.totaal, `k=${k}`).toBe(onafhankelijk!.n);
      expect(e.regels.length + e.weggelaten, `k=${k}`).toBe(e.totaal);
      expect(e.gegeneraliseerd, `k=${k}`).toBe(e.regels.filter((r) => r.niveau !== 'WIJK').length);
      expect({ jaar: e.jaar, maand: e.maand, k: e.k }).toEqual({ jaar: JAAR, maand: MAAND, k });
    }
  });

  it('publishes no group of identical records smaller than k', () => {
    for (const [k, e] of results) {
      for (const [tuple, size] of groupSizes(e.regels)) expect(size, `k=${k} ${tuple}`).toBeGreaterThanOrEqual(k);
    }
  });

  it('matches an independent JS implementation of the rules, record for record', async () => {
    const ruw = await ruweVoorzieningen(G, VAN, TOT);
    for (const [k, e] of results) {
      const v = verwacht(ruw, k);
      expect(e.weggelaten, `k=${k}`).toBe(v.weggelaten);
      expect(sorted(e.regels), `k=${k}`).toEqual(sorted(v.regels));
    }
  });

  it('generalises some records and leaves some out at the seed size; more with a larger k', () => {
    const [e1, e3, e10] = [results.get(1)!, results.get(3)!, results.get(10)!];
    // k = 1: every record as registered.
    expect(e1.regels.length).toBe(e1.totaal);
    expect(e1.gegeneraliseerd).toBe(0);
    expect(e1.weggelaten).toBe(0);
    expect(new Set(e1.regels.map((r) => r.niveau))).toEqual(new Set(['WIJK']));
    expect(e1.regels.some((r) => r.soort === 'HH') && e1.regels.some((r) => r.soort !== 'HH')).toBe(true);
    expect(e1.regels.some((r) => r.eindmaand !== null)).toBe(true);
    // k = 3 and 10: generalised and left out, monotonically.
    expect(e3.gegeneraliseerd).toBeGreaterThan(0);
    expect(e3.weggelaten).toBeGreaterThan(0);
    expect(e3.regels.some((r) => r.niveau === 'OMVANG_KLASSE')).toBe(true);
    expect(e3.regels.some((r) => r.niveau === 'KWARTAAL')).toBe(true);
    expect(e10.weggelaten).toBeGreaterThan(0);
    expect(e10.weggelaten).toBeGreaterThanOrEqual(e3.weggelaten);
    expect(e3.weggelaten).toBeGreaterThanOrEqual(e1.weggelaten);
    expect(e10.regels.length).toBeLessThanOrEqual(e3.regels.length);
    // Shape per level: a gebied name instead of a wijk code, a band, a quarter.
    for (const r of e3.regels) {
      if (r.niveau === 'WIJK') expect(r.gebied).toMatch(/^WK\d{6}$/);
      else expect(r.gebied).not.toMatch(/^WK\d{6}$/);
      if (r.niveau === 'KWARTAAL') expect(r.startmaand).toMatch(/^\d{4}-Q[1-4]$/);
      else expect(r.startmaand).toMatch(/^\d{4}-\d{2}$/);
      if (r.niveau === 'OMVANG_KLASSE' || r.niveau === 'KWARTAAL') expect(r.omvang).toMatch(/ tot | of meer |-\d /);
    }
  });

  it('contains no inwoner id, BSN, toewijzing id or nummer, indicatie id or exact date', async () => {
    const ids = await rows<{ v: string }>(sql`
      select id as v from basisondersteuning.inwoner union all select bsn from basisondersteuning.inwoner where bsn is not null
      union all select id from aanvullende_ondersteuning.toewijzing union all select toewijzing_nummer from aanvullende_ondersteuning.toewijzing
      union all select id from huishoudelijke_hulp.indicatie`);
    expect(ids.length).toBeGreaterThan(2000);
    for (const e of results.values()) {
      const text = JSON.stringify(e);
      for (const { v } of ids) expect(text.includes(v), v).toBe(false);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      for (const r of e.regels) {
        expect(Object.keys(r).sort()).toEqual(['aanbieder', 'eindmaand', 'gebied', 'niveau', 'omvang', 'soort', 'startmaand']);
        expect(r.startmaand).toMatch(/^\d{4}-(\d{2}|Q[1-4])$/);
        if (r.eindmaand !== null) expect(r.eindmaand).toMatch(/^\d{4}-(\d{2}|Q[1-4])$/);
      }
    }
  });

  it('is re-runnable: the same data gives byte-identical JSON', async () => {
    for (const k of [1, 3, 10]) expect(JSON.stringify(await run(k))).toBe(JSON.stringify(results.get(k)));
  });

  it('never includes another gemeente\'s rows', async () => {
    const ander = TEST_GEMEENTE;
    const andereWijken = new Set(ander.wijken.flatMap((w) => [w.code, w.gebied]));
    for (const e of results.values()) {
      for (const r of e.regels) {
        expect(r.aanbieder.startsWith(`${ander.code.toLowerCase()}-`), r.aanbieder).toBe(false);
        expect(andereWijken.has(r.gebied), r.gebied).toBe(false);
      }
    }
    // The other gemeente's own file holds only its own rows, and all of them.
    const eigen = await run(1, ander.code);
    const ruw = await ruweVoorzieningen(ander.code, VAN, TOT);
    expect(eigen.totaal).toBe(ruw.length);
    expect(eigen.totaal).toBeGreaterThan(0);
    for (const r of eigen.regels) {
      expect(r.aanbieder.startsWith(`${ander.code.toLowerCase()}-`), r.aanbieder).toBe(true);
      expect(r.gebied).toBe(ander.wijken[0]!.code);
    }
    // An unknown gemeente gets an empty file, not someone else's.
    expect(await run(3, 'GM0000')).toEqual({ jaar: JAAR, maand: MAAND, k: 3, regels: [], totaal: 0, gegeneraliseerd: 0, weggelaten: 0 });
  });

  it('refuses invalid arguments', async () => {
    await expect(anoniemeMaandexport(database.db, G, JAAR, MAAND, 0)).rejects.toThrow(/k must/);
    await expect(anoniemeMaandexport(database.db, G, JAAR, 13, 3)).rejects.toThrow(/maand/);
    await expect(anoniemeMaandexport(database.db, G, 2025.5, 1, 3)).rejects.toThrow(/jaar/);
    await expect(anoniemeMaandexport(database.db, '', JAAR, MAAND, 3)).rejects.toThrow(/gemeente/);
  });
});

describe('anoniemeMaandexport step by step (hand-made gemeente, June 2024, k = 3)', () => {
  const GM = 'GM9999';
  beforeAll(async () => {
    await database.db.insert(s.wijk).values([
      { code: 'WK999901', gemeenteCode: GM, naam: 'Een', gebied: 'Noordkant' },
      { code: 'WK999902', gemeenteCode: GM, naam: 'Twee', gebied: 'Noordkant' },
      { code: 'WK999903', gemeenteCode: GM, naam: 'Drie', gebied: 'Zuidkant' },
    ]);
    let n = 0;
    const hh = (inwoner: string, wijk: string, minuten: number, startdatum: string, organisatie = 'hh-a', einddatum: string | null = null) =>
      ({ id: `gm9999-ind-${++n}`, gemeenteCode: GM, inwonerId: inwoner, wijkCode: `WK99990${wijk}`, organisatieId: organisatie, minutenPerWeek: minuten, startdatum, einddatum });
    await database.db.insert(s.indicatie).values([
      // WIJK: three residents with one tuple in one wijk.
      hh('a1', '1', 90, '2024-01-10'), hh('a2', '1', 90, '2024-01-20'), hh('a3', '1', 90, '2024-01-31'),
      // GEBIED: 2 + 1 in two wijken of one gebied.
      hh('b1', '1', 120, '2024-02-05'), hh('b2', '1', 120, '2024-02-06'), hh('b3', '2', 120, '2024-02-07'),
      // OMVANG_KLASSE: 150, 165, 180 minutes are all "2 tot 4 uur per week".
      hh('c1', '3', 150, '2024-03-01'), hh('c2', '3', 165, '2024-03-02'), hh('c3', '3', 180, '2024-03-03'),
      // KWARTAAL: three months of 2023-Q2, band "0 tot 2 uur per week", all ended in 2024-09.
      hh('d1', '3', 60, '2023-04-01', 'hh-a', '2024-09-30'), hh('d2', '3', 75, '2023-05-15', 'hh-a', '2024-09-01'), hh('d3', '3', 105, '2023-06-30', 'hh-a', '2024-09-15'),
      // Left out: alone with 8 hours.
      hh('e1', '3', 480, '2022-01-01'),
      // Left out: three identical records, but of two residents only.
      hh('f1', '3', 240, '2022-06-01', 'hh-b'), hh('f1', '3', 240, '2022-06-10', 'hh-b'), hh('f2', '3', 240, '2022-06-20', 'hh-b'),
      // Not in June 2024: ended before, starts after.
      hh('g1', '1', 90, '2024-01-10', 'hh-a', '2024-05-31'), hh('g2', '1', 90, '2024-07-01'),
    ]);
    const tw = (nr: number, fields: Partial<typeof s.toewijzing.$inferInsert>) => ({
      id: `gm9999-tw-${nr}`, gemeenteCode: GM, toewijzingNummer: String(90_000_000 + nr), inwonerId: `t${nr}`, wijkCode: 'WK999901',
      product: 'DB2', productcategorie: '07', organisatieId: 'hoofd', onderaannemerId: null, status: 'gestart', leveringsvorm: 'ZIN',
      omvangVolume: 1, omvangEenheid: '16', omvangFrequentie: '2', toewijzingsdatum: '2023-12-01', ingangsdatum: '2024-01-01', ...fields,
    });
    await database.db.insert(s.toewijzing).values([
      tw(1, { onderaannemerId: 'onder', begindatum: '2024-01-15' }), // running, delivered by the onderaannemer
      tw(2, { begindatum: '2023-01-02', einddatum: '2024-05-31' }), // toewijzing ended before June, no stopbericht
      tw(3, { status: 'toegewezen' }), // never started
      tw(4, { product: 'TO4', productcategorie: '02', omvangVolume: 3, omvangEenheid: '04', status: 'gestopt', ingangsdatum: '2024-06-01', begindatum: '2024-06-30', stopdatum: '2024-07-15', einddatum: '2024-07-15' }),
      tw(5, { status: 'gestopt', begindatum: '2024-02-01', stopdatum: '2024-06-01', einddatum: '2024-12-31' }), // stopped on 1 June: the stop counts, not the einddatum
    ]);
  });

  it('publishes each record at the first level where its group has k residents, and leaves out the rest', async () => {
    const e = await run(3, GM, 2024, 6);
    const regel = (niveau: AnoniemeRegel['niveau'], omvang: string, startmaand: string, gebied: string, eindmaand: string | null = null): AnoniemeRegel =>
      ({ soort: 'HH', omvang, startmaand, eindmaand, aanbieder: 'hh-a', gebied, niveau });
    expect(e).toEqual({
      jaar: 2024, maand: 6, k: 3,
      regels: [
        ...Array(3).fill(regel('WIJK', '1,5 uur per week', '2024-01', 'WK999901')),
        ...Array(3).fill(regel('GEBIED', '2 uur per week', '2024-02', 'Noordkant')),
        ...Array(3).fill(regel('OMVANG_KLASSE', '2 tot 4 uur per week', '2024-03', 'Zuidkant')),
        ...Array(3).fill(regel('KWARTAAL', '0 tot 2 uur per week', '2023-Q2', 'Zuidkant', '2024-Q3')),
      ],
      totaal: 19, // 16 indicaties and toewijzingen 1, 4 and 5
      gegeneraliseerd: 9,
      weggelaten: 7, // e1, the three of f1/f2, the three toewijzingen
    });
  });

  it('describes toewijzingen by product, omvang as stored, actual months and the delivering party', async () => {
    const e = await run(1, GM, 2024, 6);
    expect(e.totaal).toBe(19);
    expect(e.regels.filter((r) => r.soort !== 'HH')).toEqual([
      { soort: 'DB2', omvang: '1 dagdeel per week', startmaand: '2024-02', eindmaand: '2024-06', aanbieder: 'hoofd', gebied: 'WK999901', niveau: 'WIJK' },
      { soort: 'DB2', omvang: '1 dagdeel per week', startmaand: '2024-01', eindmaand: null, aanbieder: 'onder', gebied: 'WK999901', niveau: 'WIJK' },
      { soort: 'TO4', omvang: '3 uur per week', startmaand: '2024-06', eindmaand: '2024-07', aanbieder: 'hoofd', gebied: 'WK999901', niveau: 'WIJK' },
    ]);
    // The resident with two identical records shows up twice at k = 1: records, not residents.
    expect(e.regels.filter((r) => r.aanbieder === 'hh-b')).toHaveLength(3);
  });
});
