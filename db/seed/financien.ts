/**
 * Seed data of financien: the taakstelling of the implementation plan (measures and
 * amounts from shared/domain.md), realised savings per year, the lumpsum per lot and
 * year split in equal parts, and one granted herverdeling with its history. The lot
 * budgets and realised savings are synthetic (the documents give no such figures).
 */
import { gelijkeDelen } from '../../subgraphs/financien/begroting';
import type { GemeenteRef } from './reference';
import { prng } from './random';

type Row = Record<string, unknown>;
const EURO = 100n;

/** Implementation plan, table "taakstelling" (shared/domain.md): group 1 subtotal 2,550,000, group 2 1,890,000. */
export const MAATREGELEN: Array<[number, string, number]> = [
  [1, 'Afschaling dagbesteding 2018', 600_000],
  [1, 'Opdracht afschaling 2019', 650_000],
  [1, 'Opdracht afschaling 2020', 650_000],
  [1, 'HH/ASV 2020', 650_000],
  [2, 'Administratieve lasten basis (1.800 minder beschikkingen)', 160_000],
  [2, 'Zorgaanbieders 1% omzet', 150_000],
  [2, 'TO 10%', 560_000],
  [2, 'DB 10%', 240_000],
  [2, 'HH', 200_000],
  [2, 'PGB 10%', 300_000],
  [2, '5% resterend aanvullend', 280_000],
];
export const TAAKSTELLING_EUR = 3_600_000;
export const RISICORESERVE_EUR = 840_000;

/** Synthetic lot budgets per year in cents (not from the documents). */
const LOTBUDGET: Record<string, bigint> = {
  BASISONDERSTEUNING: 14_250_000n * EURO,
  THUISONDERSTEUNING_DAGBESTEDING: 9_875_000n * EURO + 1n,
  HULP_BIJ_HET_HUISHOUDEN: 12_345_678n * EURO + 91n,
};

/** Verified abonnementstarief per year (shared/domain-facts.md §5); 2026 is not verified and left to the municipality. */
export const ABONNEMENTSTARIEVEN: Array<[number, bigint, 'MAAND' | 'VIER_WEKEN', string]> = [
  [2019, 1750n, 'VIER_WEKEN', 'max EUR 17,50 per 4 weken (zorg-plus.nl, asterzorg.nl; secundair)'],
  [2020, 1900n, 'MAAND', 'hetcak.nl/zakelijk/regelingen/wmo'],
  [2021, 1900n, 'MAAND', 'drimmelen.nl/abonnementstarief-wmo'],
  [2022, 1900n, 'MAAND', 'drimmelen.nl/abonnementstarief-wmo'],
  [2023, 1900n, 'MAAND', 'drimmelen.nl/abonnementstarief-wmo'],
  [2024, 2060n, 'MAAND', 'drimmelen.nl/abonnementstarief-wmo'],
  [2025, 2100n, 'MAAND', 'woerdenwijzer.nl; gemeente.nu (maart 2025)'],
];

export function financienData(ref: GemeenteRef, contracten: Row[]) {
  const g = ref.code;
  const lc = g.toLowerCase();
  const r = prng(Number(g.slice(2)) * 49979687);
  const stamp = { vastgesteldDoor: 'seed', vastgesteldOp: '2024-12-15T09:00:00.000Z' };

  const maatregelen = MAATREGELEN.map(([groep, omschrijving, eur], i) => ({
    id: `${lc}-mr-${i + 1}`, gemeenteCode: g, volgorde: i + 1, groep, omschrijving, bedragCenten: BigInt(eur) * EURO,
  }));
  // Realised savings 2021-2025: 40-75% of each measure's yearly share (synthetic), so the target is not yet met.
  const besparingen = maatregelen.flatMap((m) => [2021, 2022, 2023, 2024, 2025].map((jaar) => ({
    id: `${m.id}-${jaar}`, gemeenteCode: g, maatregelId: m.id, jaar,
    bedragCenten: ((m.bedragCenten / 5n) * BigInt(r.int(40, 75))) / 100n,
    toelichting: 'Gerealiseerd volgens de jaarrapportage (synthetisch)', door: 'seed', op: `${jaar + 1}-02-01T09:00:00.000Z`,
  })));

  const lumpsums: Row[] = [];
  for (const jaar of [2025, 2026]) {
    for (const [perceel, totaal] of Object.entries(LOTBUDGET)) {
      const partijen = contracten
        .filter((c) => c.perceel === perceel && c.rol === 'HOOFDAANBIEDER' && (c.einddatum === null || c.einddatum === undefined || (c.einddatum as string) >= `${jaar}-01-01`))
        .map((c) => c.organisatieId as string).sort();
      const delen = gelijkeDelen(totaal, partijen.length);
      partijen.forEach((organisatieId, i) => lumpsums.push({
        id: `${lc}-ls-${jaar}-${perceel.toLowerCase()}-${organisatieId}`, gemeenteCode: g, jaar, perceel, organisatieId, bedragCenten: delen[i]!,
        herkomst: `Lotbudget ${perceel} ${jaar} in ${partijen.length} gelijke delen (seed)`, ...stamp,
      }));
    }
  }
  // One granted shift in 2025 from aanvullend to basis, with its full history.
  const basis = lumpsums.find((l) => l.jaar === 2025 && l.perceel === 'BASISONDERSTEUNING');
  const aanvullend = lumpsums.find((l) => l.jaar === 2025 && l.perceel === 'THUISONDERSTEUNING_DAGBESTEDING');
  const herverdelingen: Row[] = [];
  const gebeurtenissen: Row[] = [];
  if (basis && aanvullend) {
    const id = `${lc}-hv-2025-1`;
    herverdelingen.push({
      id, gemeenteCode: g, jaar: 2025, vanLumpsumId: aanvullend.id, naarLumpsumId: basis.id, bedragCenten: 250_000n * EURO,
      motivering: 'Meer TO3-cliënten dan verwacht blijven in de basisondersteuning', status: 'TOEGEKEND', aangevraagdDoor: basis.organisatieId,
      besluitMotivering: 'Onderbouwd met de klantstromen van het eerste halfjaar',
    });
    [['AANGEVRAAGD', basis.organisatieId, '2025-07-01'], ['GOEDGEKEURD', aanvullend.organisatieId, '2025-07-08'], ['TOEGEKEND', null, '2025-07-20']]
      .forEach(([soort, organisatieId, dag], i) => gebeurtenissen.push({ id: `${id}-e${i + 1}`, gemeenteCode: g, herverdelingId: id, soort, organisatieId, door: 'seed', op: `${dag}T10:00:00.000Z` }));
  }
  return {
    // Synthetic normative cost prices (not in the documents): per client day, HH per hour.
    kostprijzen: [2025, 2026].flatMap((jaar) => [
      { perceel: 'BASISONDERSTEUNING', eenheid: 'CLIENTDAG', bedragCenten: 1850n },
      { perceel: 'THUISONDERSTEUNING_DAGBESTEDING', eenheid: 'CLIENTDAG', bedragCenten: 5500n },
      { perceel: 'HULP_BIJ_HET_HUISHOUDEN', eenheid: 'UUR', bedragCenten: 3200n },
    ].map((k) => ({ gemeenteCode: g, jaar, ...k, bron: 'Synthetische kostprijs (seed)' }))),
    abonnementstarieven: ABONNEMENTSTARIEVEN.map(([jaar, bedragCenten, periode, bron]) => ({ gemeenteCode: g, jaar, bedragCenten, periode, bron })),
    taakstelling: [{ gemeenteCode: g, doelCenten: BigInt(TAAKSTELLING_EUR) * EURO, risicoreserveCenten: BigInt(RISICORESERVE_EUR) * EURO }],
    maatregelen, besparingen, lumpsums, herverdelingen, gebeurtenissen,
  };
}

/** The seed's "today" for complaints: later handling dates are still open (routes and statuses: subgraphs/financien/kwaliteit.ts). */
const KLACHT_PEILDATUM = '2026-11-15';
/** Products surveyed per provider slug in the client-experience survey (synthetic). */
const ERVARING_PRODUCTEN: Record<string, string[]> = {
  amaryllis: ['TO1', 'TO2', 'DB1'],
  windkracht058: ['TO3', 'TO4', 'DB2'],
  thfl: ['HH'],
  miep: ['HH'],
  'oa-dementie': ['DB3'],
  'oa-ggz': ['TO4'],
};

/**
 * SYNTHETIC quality data (kwaliteitskader): 600 complaints over 2022-2026 spread
 * over the contracted providers (big parties many, onderaannemers a few, so small groups
 * are suppressed), and client-experience survey results per provider, product and
 * quarter (2022-Q1 to 2026-Q3). Not from the documents; no resident, no free text.
 * Own PRNG stream, drawn after every other step, so the rest of the seed is unchanged.
 */
export function kwaliteitData(ref: GemeenteRef, contracten: Row[]) {
  const g = ref.code;
  const lc = g.toLowerCase();
  const r = prng(Number(g.slice(2)) * 86028121);
  const DAG = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  // Contracted providers (hoofdaanbieder or onderaannemer) whose contract runs after 2021.
  const perceelVan = new Map<string, string>();
  for (const c of contracten) {
    const eind = c.einddatum as string | null | undefined;
    if (eind && eind < '2022-01-01') continue;
    if (!perceelVan.has(c.organisatieId as string)) perceelVan.set(c.organisatieId as string, c.perceel as string);
  }
  const gewicht = (id: string) => (id.includes('amaryllis') ? 30 : id.includes('windkracht058') ? 25 : id.includes('thfl') ? 18 : id.includes('miep') ? 12 : 1);
  const weighted = [...perceelVan.keys()].sort().flatMap((id) => Array<string>(gewicht(id)).fill(id));
  const klachten: Row[] = [];
  const start = Date.parse('2022-01-01');
  const span = Math.floor((Date.parse('2026-10-31') - start) / DAG);
  for (let n = 1; weighted.length > 0 && n <= 600; n++) {
    const organisatieId = r.pick(weighted);
    const ingediendOp = iso(start + r.int(0, span) * DAG);
    const x = r.next();
    const route = x < 0.7 ? 'AANBIEDER' : x < 0.92 ? 'KLACHTENFUNCTIONARIS' : 'EXTERNE_COMMISSIE';
    // Handling time in days: a committee takes longer; some exceed the 42-day norm.
    const dagen = route === 'EXTERNE_COMMISSIE' ? r.int(30, 150) : route === 'KLACHTENFUNCTIONARIS' ? r.int(10, 70) : r.int(1, 50);
    const ingetrokken = r.chance(0.05);
    const gegrond = r.chance(0.4);
    const afgehandeld = iso(Date.parse(ingediendOp) + dagen * DAG);
    const open = afgehandeld > KLACHT_PEILDATUM;
    const status = ingetrokken ? 'INGETROKKEN' : open ? (dagen % 3 === 0 ? 'INGEDIEND' : 'IN_BEHANDELING') : 'AFGEHANDELD';
    klachten.push({
      id: `${lc}-kl-${n}`, gemeenteCode: g, organisatieId, perceel: perceelVan.get(organisatieId)!, route, status, ingediendOp,
      afgehandeldOp: status === 'AFGEHANDELD' ? afgehandeld : null, gegrond: status === 'AFGEHANDELD' ? gegrond : null,
    });
  }
  const ervaringen: Row[] = [];
  const slugs = Object.keys(ERVARING_PRODUCTEN).filter((slug) => [...perceelVan.keys()].some((id) => id === slug || id === `${lc}-${slug}`));
  for (const slug of slugs) {
    const organisatieId = [...perceelVan.keys()].find((id) => id === slug || id === `${lc}-${slug}`)!;
    const klein = slug.startsWith('oa-');
    for (const product of ERVARING_PRODUCTEN[slug]!) {
      for (let jaar = 2022; jaar <= 2026; jaar++) {
        for (let kwartaal = 1; kwartaal <= (jaar === 2026 ? 3 : 4); kwartaal++) {
          const respondenten = klein ? r.int(1, 6) : r.int(6, 40);
          let scoreSom = 0;
          for (let i = 0; i < respondenten; i++) scoreSom += r.pick([4, 5, 6, 6, 7, 7, 7, 8, 8, 8, 8, 9, 9, 10]);
          ervaringen.push({ id: `${lc}-ce-${organisatieId}-${product}-${jaar}-${kwartaal}`, gemeenteCode: g, organisatieId, product, jaar, kwartaal, respondenten, scoreSom });
        }
      }
    }
  }
  return { klachten, ervaringen };
}
