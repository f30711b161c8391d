/**
 * Anonymised monthly individual-level file to the basisondersteuning (shared/domain.md,
 * "Privacy (AVG) rules"): one record per voorziening that ran in a month, with only soort,
 * omvang, start and end month, aanbieder and wijk. No inwoner id, toewijzing id or nummer,
 * BSN or exact date leaves the database.
 *
 * The quasi-identifiers (soort, omvang, startmaand, eindmaand, aanbieder, wijk) could still
 * single a resident out, so records are generalised step by step (local recoding) until
 * every published combination is shared by at least k residents:
 *   WIJK          as registered (wijk code, exact omvang, months);
 *   GEBIED        wijk -> its gebied (basisondersteuning.wijk.gebied);
 *   OMVANG_KLASSE and omvang -> a band (OMVANG_KLASSEN);
 *   KWARTAAL      and start/end month -> quarter (YYYY-Qn);
 * what is still in a group below k after the last step is left out. A record moves on
 * only if its group is too small, and each level counts only the records that reached it,
 * so every published group (same tuple, same niveau) is itself at least k.
 *
 * Counting happens in one SQL statement (window functions per level); Node only maps rows.
 */
import { sql, type SQL } from 'drizzle-orm';
import { sqlRows, type Db } from '../../db/client';

export type AnoniemNiveau = 'WIJK' | 'GEBIED' | 'OMVANG_KLASSE' | 'KWARTAAL';

export interface AnoniemeRegel {
  /** Product code of the toewijzing (TO3, DB5, KORTDUREND_VERBLIJF, ...) or 'HH'. */
  soort: string;
  /** Exact ("4 uur per week", "2,25 uur per week") or a band ("2 tot 4 uur per week"), see `niveau`. */
  omvang: string;
  /** YYYY-MM, or YYYY-Qn at niveau KWARTAAL. */
  startmaand: string;
  /** As startmaand; null while the voorziening has no end. */
  eindmaand: string | null;
  /** Organisation id that delivers: the onderaannemer if set, else the hoofdaanbieder; for HH the indicatie's organisation. */
  aanbieder: string;
  /** Wijk code at niveau WIJK, the gebied name at every coarser level. */
  gebied: string;
  niveau: AnoniemNiveau;
}

export interface AnoniemeExport {
  jaar: number;
  maand: number;
  k: number;
  regels: AnoniemeRegel[];
  /** Voorzieningen in the month before anonymisation. */
  totaal: number;
  /** Published at a level coarser than WIJK. */
  gegeneraliseerd: number;
  /** Left out: still in a group below k after the last step. */
  weggelaten: number;
}

/** iWmo WJ756 eenheid (shared/domain-facts.md): singular and plural label for the exact omvang. */
export const EENHEID_LABELS: Record<string, readonly [string, string]> = {
  '01': ['minuut', 'minuten'],
  '04': ['uur', 'uur'],
  '14': ['etmaal', 'etmalen'],
  '16': ['dagdeel', 'dagdelen'],
  '82': ['stuk (output)', 'stuks (output)'],
  '83': ['euro', 'euro'],
  '84': ['stuk (inspanning)', 'stuks (inspanning)'],
};

/** iWmo WMO757 frequentie. */
export const FREQUENTIE_LABELS: Record<string, string> = {
  '1': 'per dag',
  '2': 'per week',
  '4': 'per maand',
  '6': 'totaal',
};

/** The soort of a huishoudelijke hulp indicatie in the file. */
export const HH_SOORT = 'HH';

/** HH is indicated in minutes per week: banded as iWmo eenheid 01 (minuut), frequentie 2 (per week). */
export const HH_EENHEID = '01';
export const HH_FREQUENTIE = '2';

export interface OmvangKlasse {
  eenheid: string;
  frequentie: string;
  /** Lower bound (inclusive) and upper bound (exclusive, null = open) of the volume, in the eenheid. */
  van: number;
  tot: number | null;
  label: string;
}

/**
 * The omvang bands of niveau OMVANG_KLASSE. Hours per week (HH in minutes, toewijzingen in
 * uren) share one scale: 0-2, 2-4, 4-8 and 8+ hours. A dagdeel is 4 hours: 1-2, 3-4 and 5+
 * dagdelen. Kortdurend verblijf in etmalen: 1-2 and 3+. Any other eenheid/frequentie gets
 * one class without volume ("uur per maand"): the volume is dropped, the unit kept.
 * Bounds are half-open: 2 hours is in "2 tot 4 uur per week".
 */
export const OMVANG_KLASSEN: readonly OmvangKlasse[] = [
  ...[HH_EENHEID, '04'].flatMap((eenheid) => {
    const perUur = eenheid === HH_EENHEID ? 60 : 1;
    return [
      { van: 0, tot: 2, label: '0 tot 2 uur per week' },
      { van: 2, tot: 4, label: '2 tot 4 uur per week' },
      { van: 4, tot: 8, label: '4 tot 8 uur per week' },
      { van: 8, tot: null, label: '8 uur of meer per week' },
    ].map((b) => ({ eenheid, frequentie: '2', van: b.van * perUur, tot: b.tot === null ? null : b.tot * perUur, label: b.label }));
  }),
  { eenheid: '16', frequentie: '2', van: 0, tot: 3, label: '1-2 dagdelen per week' },
  { eenheid: '16', frequentie: '2', van: 3, tot: 5, label: '3-4 dagdelen per week' },
  { eenheid: '16', frequentie: '2', van: 5, tot: null, label: '5 of meer dagdelen per week' },
  { eenheid: '14', frequentie: '2', van: 0, tot: 3, label: '1-2 etmalen per week' },
  { eenheid: '14', frequentie: '2', van: 3, tot: null, label: '3 of meer etmalen per week' },
];

/** The class of a volume without its own band: the unit and frequency, no volume. */
export function overigeKlasse(eenheid: string, frequentie: string): string {
  return `${EENHEID_LABELS[eenheid]?.[1] ?? `eenheid ${eenheid}`} ${FREQUENTIE_LABELS[frequentie] ?? `frequentie ${frequentie}`}`;
}

/**
 * The omvang band of a volume (pure; the SQL below joins the same OMVANG_KLASSEN table, so
 * this is the one definition). For HH pass the minutes per week with HH_EENHEID/HH_FREQUENTIE.
 */
export function omvangKlasse(volume: number, eenheid: string, frequentie: string): string {
  const klasse = OMVANG_KLASSEN.find((b) => b.eenheid === eenheid && b.frequentie === frequentie && volume >= b.van && (b.tot === null || volume < b.tot));
  return klasse?.label ?? overigeKlasse(eenheid, frequentie);
}

/** Statuses of a toewijzing that has had a startbericht (see IN_ZORG.aanvullend). */
const GESTARTE_STATUSES = ['gestart', 'gestopt'];

interface Rij {
  niveau: AnoniemNiveau | null;
  soort: string | null;
  omvang: string | null;
  startmaand: string | null;
  eindmaand: string | null;
  aanbieder: string | null;
  gebied: string | null;
  totaal: number;
  gegeneraliseerd: number;
  weggelaten: number;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`anoniemeMaandexport: ${message}`);
}

/**
 * The anonymised file of one month for one gemeente, with k = the suppression threshold
 * (configuration SUPPRESSION_THRESHOLD). Deterministic: the same data gives the same
 * regels in the same order (byte-identical JSON), on PGlite and PostgreSQL alike.
 * Runs exactly one SQL statement.
 */
export async function anoniemeMaandexport(db: Db, gemeente: string, jaar: number, maand: number, k: number): Promise<AnoniemeExport> {
  check(typeof gemeente === 'string' && gemeente.length > 0, 'gemeente is required');
  check(Number.isInteger(jaar) && jaar >= 1900 && jaar <= 9999, 'jaar must be a year');
  check(Number.isInteger(maand) && maand >= 1 && maand <= 12, 'maand must be 1 to 12');
  check(Number.isInteger(k) && k >= 1, 'k must be a positive integer');
  const mm = String(maand).padStart(2, '0');
  const van = `${jaar}-${mm}-01`;
  const tot = `${jaar}-${mm}-${String(new Date(Date.UTC(jaar, maand, 0)).getUTCDate()).padStart(2, '0')}`;

  const rows = await sqlRows<Rij>(db, anoniemeExportQuery(gemeente, van, tot, k));
  const first = rows[0];
  // The summary row is always there (left join), also when nothing is published.
  check(first !== undefined, 'summary row missing');
  const regels = rows.filter((r) => r.niveau !== null).map((r): AnoniemeRegel => ({
    soort: r.soort!,
    omvang: r.omvang!,
    startmaand: r.startmaand!,
    eindmaand: r.eindmaand,
    aanbieder: r.aanbieder!,
    gebied: r.gebied!,
    niveau: r.niveau!,
  }));
  return {
    jaar,
    maand,
    k,
    regels,
    totaal: Number(first!.totaal),
    gegeneraliseerd: Number(first!.gegeneraliseerd),
    weggelaten: Number(first!.weggelaten),
  };
}

/** Code lists and bands as a VALUES list of parameters: the TS tables stay the only definition. */
function values(rows: SQL[]): SQL {
  return sql.join(rows, sql`, `);
}

/**
 * Number of distinct residents in the window `partition`. Postgres has no
 * count(distinct) over (...): the two dense_ranks add up to that count plus one. Distinct
 * residents, not records: k records of one resident would still single them out.
 */
const inwonersIn = (partition: SQL) =>
  sql`(dense_rank() over (partition by ${partition} order by inwoner) + dense_rank() over (partition by ${partition} order by inwoner desc) - 1)`;

function anoniemeExportQuery(gemeente: string, van: string, tot: string, k: number): SQL {
  const eenheden = values(Object.entries(EENHEID_LABELS).map(([code, [een, meer]]) => sql`(${code}::text, ${een}::text, ${meer}::text)`));
  const frequenties = values(Object.entries(FREQUENTIE_LABELS).map(([code, label]) => sql`(${code}::text, ${label}::text)`));
  const klassen = values(OMVANG_KLASSEN.map((b) => sql`(${b.eenheid}::text, ${b.frequentie}::text, ${b.van}::int, ${b.tot}::int, ${b.label}::text)`));
  // Quasi-identifiers per level; nulls (open end) partition together, as they should.
  const qiWijk = sql`soort, omvang, startmaand, eindmaand, aanbieder, wijk`;
  const qiGebied = sql`soort, omvang, startmaand, eindmaand, aanbieder, gebied`;
  const qiKlasse = sql`soort, klasse, startmaand, eindmaand, aanbieder, gebied`;
  const qiKwartaal = sql`soort, klasse, startkwartaal, eindkwartaal, aanbieder, gebied`;
  // "collate C": byte order, independent of the server's locale, so the file is identical everywhere.
  return sql`
    with eenheid (code, enkelvoud, meervoud) as (values ${eenheden}),
    frequentie (code, label) as (values ${frequenties}),
    klasse (eenheid, frequentie, van, tot, label) as (values ${klassen}),
    -- One row per voorziening running in [van, tot]. The inwoner id is only used to
    -- count distinct residents per group; it is never selected into the result.
    voorziening as (
      select t.inwoner_id as inwoner, t.product as soort,
        t.omvang_volume as volume, t.omvang_eenheid as eenheid, t.omvang_frequentie as frequentie, null::text as uren_hh,
        -- Started care runs from the startbericht to the stopbericht, or else to the end of the toewijzing.
        t.begindatum as start, coalesce(t.stopdatum, t.einddatum) as eind,
        coalesce(t.onderaannemer_id, t.organisatie_id) as aanbieder, t.wijk_code as wijk
      from aanvullende_ondersteuning.toewijzing t
      where t.gemeente_code = ${gemeente}
        and t.begindatum is not null
        and t.status in (${sql.join(GESTARTE_STATUSES.map((s) => sql`${s}`), sql`, `)})
        and t.begindatum <= ${tot}::date
        and (coalesce(t.stopdatum, t.einddatum) is null or coalesce(t.stopdatum, t.einddatum) >= ${van}::date)
      union all
      select i.inwoner_id, ${HH_SOORT}::text, i.minuten_per_week, ${HH_EENHEID}::text, ${HH_FREQUENTIE}::text,
        -- Hours per week with a decimal comma, at most two decimals (15 minutes = 0,25).
        replace(trim_scale(round(i.minuten_per_week / 60.0, 2))::text, '.', ',') || ' uur per week',
        i.startdatum, i.einddatum, i.organisatie_id, i.wijk_code
      from huishoudelijke_hulp.indicatie i
      where i.gemeente_code = ${gemeente}
        and i.startdatum <= ${tot}::date
        and (i.einddatum is null or i.einddatum >= ${van}::date)
    ),
    kenmerk as (
      select v.inwoner, v.soort, v.aanbieder, v.wijk,
        -- A wijk missing from the register still gets a gebied, so it is never counted apart.
        coalesce(w.gebied, 'onbekend') as gebied,
        coalesce(v.uren_hh, v.volume::text || ' ' || coalesce(case when v.volume = 1 then e.enkelvoud else e.meervoud end, 'eenheid ' || v.eenheid)
          || ' ' || coalesce(f.label, 'frequentie ' || v.frequentie)) as omvang,
        -- Same rule as omvangKlasse/overigeKlasse: the band, or else unit and frequency without volume.
        coalesce(b.label, coalesce(e.meervoud, 'eenheid ' || v.eenheid) || ' ' || coalesce(f.label, 'frequentie ' || v.frequentie)) as klasse,
        to_char(v.start, 'YYYY-MM') as startmaand,
        to_char(v.eind, 'YYYY-MM') as eindmaand,
        to_char(v.start, 'YYYY-"Q"Q') as startkwartaal,
        to_char(v.eind, 'YYYY-"Q"Q') as eindkwartaal
      from voorziening v
      left join basisondersteuning.wijk w on w.code = v.wijk and w.gemeente_code = ${gemeente}
      left join eenheid e on e.code = v.eenheid
      left join frequentie f on f.code = v.frequentie
      left join klasse b on b.eenheid = v.eenheid and b.frequentie = v.frequentie
        and v.volume >= b.van and (b.tot is null or v.volume < b.tot)
    ),
    -- Each level counts only the records whose group was too small at the level before.
    niveau_wijk as (select *, ${inwonersIn(qiWijk)} as n from kenmerk),
    niveau_gebied as (select *, ${inwonersIn(qiGebied)} as n2 from niveau_wijk where n < ${k}::int),
    niveau_klasse as (select *, ${inwonersIn(qiKlasse)} as n3 from niveau_gebied where n2 < ${k}::int),
    niveau_kwartaal as (select *, ${inwonersIn(qiKwartaal)} as n4 from niveau_klasse where n3 < ${k}::int),
    regel as (
      select 1 as volgorde, 'WIJK' as niveau, soort, omvang, startmaand, eindmaand, aanbieder, wijk as gebied from niveau_wijk where n >= ${k}::int
      union all
      select 2, 'GEBIED', soort, omvang, startmaand, eindmaand, aanbieder, gebied from niveau_gebied where n2 >= ${k}::int
      union all
      select 3, 'OMVANG_KLASSE', soort, klasse, startmaand, eindmaand, aanbieder, gebied from niveau_klasse where n3 >= ${k}::int
      union all
      select 4, 'KWARTAAL', soort, klasse, startkwartaal, eindkwartaal, aanbieder, gebied from niveau_kwartaal where n4 >= ${k}::int
    ),
    samenvatting as (
      select (select count(*) from kenmerk)::int as totaal,
        (select count(*) from niveau_gebied where n2 >= ${k}::int)::int
          + (select count(*) from niveau_klasse where n3 >= ${k}::int)::int
          + (select count(*) from niveau_kwartaal where n4 >= ${k}::int)::int as gegeneraliseerd,
        (select count(*) from niveau_kwartaal where n4 < ${k}::int)::int as weggelaten
    )
    select s.totaal, s.gegeneraliseerd, s.weggelaten,
      r.niveau, r.soort, r.omvang, r.startmaand, r.eindmaand, r.aanbieder, r.gebied
    from samenvatting s
    left join regel r on true
    order by r.volgorde nulls first, r.soort collate "C", r.gebied collate "C", r.aanbieder collate "C",
      r.startmaand collate "C", r.eindmaand collate "C" nulls last, r.omvang collate "C"`;
}
