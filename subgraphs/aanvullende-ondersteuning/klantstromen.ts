/**
 * Monitoring and BI of the aanvullende ondersteuning (shared/domain.md, "Message flow"):
 * klantstromen per period, the shift between basis and aanvullend, the provider landscape
 * per wijk and the volume per product. Everything is counted in SQL (GROUP BY over
 * date_trunc / generate_series periods): a fixed number of statements per request, whatever
 * the number of periods, wijken, organisations or residents; Node only suppresses and maps.
 * No figure names or identifies a resident.
 *
 * Definitions (also in the SDL descriptions):
 * - in care in aanvullend: a toewijzing with a startbericht (status GESTART or GESTOPT), from
 *   its begindatum up to and including its stopdatum (no stopdatum = still in care);
 * - in basis: a basisondersteuning.ondersteuning from startdatum up to and including einddatum;
 * - instroom: toewijzingen whose begindatum falls in the period (toewijzingen, not residents,
 *   so months add up to the quarter);
 * - uitstroom: toewijzingen whose stopdatum falls in the period, per WMO588 reden beëindiging;
 * - doorstroom basis -> aanvullend: verwijzingen whose `op` (Europe/Amsterdam) falls in the period;
 * - doorstroom aanvullend -> basis: toewijzingen stopped in the period after which a structural
 *   basis ondersteuning (PTO, TO*, DB*, PERSOONLIJKE_VERZORGING) of the same resident starts
 *   on the stopdatum or within NAAR_BASIS_DAGEN days after it. Counted in the period of the
 *   stop, so it is additive; a recent period can still rise while its 90-day window runs;
 * - verschuiving: per product group, distinct residents in basis (soort PTO/TO* resp. DB*) and
 *   in aanvullend (product TO* resp. DB*) on the period's last day, and the share in basis next
 *   to the plan's expectation (domain.md: about 75% of TO and 55% of DB clients to basis).
 *
 * Known limits of the protection (onderdrukking.ts protects one table at a time):
 * - The view of policy / contract management / adviesraad is protected against outsiders, not
 *   against a provider that combines it with its own exact cells. Providers get their own view
 *   (own cells known, the rest suppressed without them), never the municipal one.
 * - aanbiederslandschap is read from the per-organisation table of cijfers.ts (the same
 *   suppression as aanvullendeOndersteuningCijfers.perAanbieder for that quarter), and
 *   Wijk.clientenAanvullendeOndersteuning from its clients table. omvangPerProduct and
 *   Organisatie.actieveToewijzingen are separate tables over overlapping residents (no linear
 *   relation with the others: distinct counts over other groupings); they are not suppressed
 *   together with them. Klantstromen of different calendar years are independent.
 * - Figures of the running year change as messages arrive; two requests at different times can
 *   be differenced. Publish closed periods.
 */
import { sql, type SQL } from 'drizzle-orm';
import { sqlRows, type Db } from '../../db/client';
import { badUserInput } from '../shared/errors';
import { onderdrukLijst, onderdrukTabel, type OnderdrukteTelling, type TabelOpties } from '../shared/onderdrukking';
import { periodes, type Tijdvak } from '../shared/periode';
import type { SuppressionRule, Telling } from '../shared/suppression';
import type { Scope } from '../shared/tokens';
import { checkJaar } from '../shared/validate';
import type { SubgraphContext } from '../shared/context';
import { wijkenVan } from '../shared/gebiedsfiguren';
import { aanbiederKolom, aanvullendeTabellen, eigenOrganisatie, type AanbiederRol } from './cijfers';
import type { Loaders } from './loaders';

/** Window after a stop in which a new basis ondersteuning counts as doorstroom aanvullend -> basis. */
export const NAAR_BASIS_DAGEN = 90;

/** The implementation plan's expected share in basis (shared/domain.md, "Products and the basis/aanvullend split"). */
export const VERWACHT_AANDEEL_BASIS = { TO: 75, DB: 55 } as const;

/**
 * WMO588 reden beëindiging with the labels verified in shared/domain-facts.md (section 1.3).
 * A code not in this list is shown as its code.
 */
export const REDEN_BEEINDIGING_LABEL: Record<string, string> = {
  '02': 'Overlijden',
  '19': 'Levering volgens plan beëindigd',
  '20': 'Levering is tijdelijk beëindigd',
  '21': 'Levering is eenzijdig door cliënt beëindigd',
  '22': 'Levering is eenzijdig door aanbieder beëindigd',
  '23': 'Levering is in overeenstemming voortijdig beëindigd',
  '31': 'Verhuizing naar een andere gemeente',
  '36': 'Geïnitieerd door de gemeente',
  '37': 'In verband met wijzigingsverzoek',
  '38': 'Overstap naar andere aanbieder',
  '39': 'Uitstroom naar ander domein',
};

const EENHEID_SQL: Record<Tijdvak, { unit: string; interval: string }> = {
  MAAND: { unit: 'month', interval: '1 month' },
  KWARTAAL: { unit: 'quarter', interval: '3 months' },
  JAAR: { unit: 'year', interval: '1 year' },
};

const GESTART = sql`('gestart', 'gestopt')`;
/** Structural basis support that counts as "back in basis" (not carer support, schuldhulp, jongerenwerk). */
const basisStructureel = (soort: SQL) => sql`(${soort} in ('PTO', 'PERSOONLIJKE_VERZORGING') or ${soort} like 'TO%' or ${soort} like 'DB%')`;
const basisTO = (soort: SQL) => sql`(${soort} = 'PTO' or ${soort} like 'TO%')`;


const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/**
 * A share in percent with one decimal, only when both counts are published, computed from the
 * published (rounded) values: the share then tells nothing the two counts do not already tell.
 */
function aandeel(basis: OnderdrukteTelling, aanvullend: OnderdrukteTelling): number | null {
  if (basis.onderdrukt || aanvullend.onderdrukt) return null;
  const totaal = basis.waarde! + aanvullend.waarde!;
  return totaal === 0 ? null : Math.round((1000 * basis.waarde!) / totaal) / 10;
}

const telling = (t: OnderdrukteTelling): Telling => ({ waarde: t.waarde, onderdrukt: t.onderdrukt });
const VERBORGEN: Telling = { waarde: null, onderdrukt: true };

/**
 * Year-consistent suppression of an additive flow. A month, its quarter and its year are
 * linked (the months add up to the quarter, the quarters to the year), and the same figure can
 * be asked per MAAND, KWARTAAL and JAAR: suppressing each series on its own would let a
 * suppressed month be computed as quarter minus the other months. So every calendar year is
 * suppressed once, as one table (rows: quarters, columns: the three months; row totals: the
 * quarters; grand total: the year; column totals are not published), and each series reads
 * its values from that one pattern.
 */
function jaarPatroon(maanden: readonly number[], rule: SuppressionRule) {
  const t = onderdrukTabel([0, 1, 2, 3].map((q) => maanden.slice(3 * q, 3 * q + 3)), rule, { rijTotalen: true, kolomTotalen: false, totaal: true });
  return { maand: t.cellen.flat().map(telling), kwartaal: t.rijTotalen!.map(telling), jaar: telling(t.totaal!) };
}

/**
 * Uitstroom per reden, year-consistent: per calendar year one table (rows: the 12 months,
 * columns: the redenen of that year; row totals: uitstroom per month; column totals: per reden
 * in the year; grand total: the year's uitstroom). A quarter is not a line of that table, so
 * a quarter value (total or per reden) is published only when its three months are, as their
 * sum (it then adds nothing an attacker could not compute already).
 */
function uitstroomPatroon(perMaand: ReadonlyArray<ReadonlyMap<string, number>>, rule: SuppressionRule) {
  const redenen = [...new Set(perMaand.flatMap((m) => [...m.keys()]))].sort();
  const cellen = perMaand.map((m) => redenen.map((r) => m.get(r) ?? 0));
  const t = onderdrukTabel(cellen, rule);
  const rond = (v: number) => Math.round(v / rule.rounding) * rule.rounding;
  const item = (reden: string, exact: number, tl: Telling) => ({ reden, exact, telling: tl });
  const maand = perMaand.map((_, m) => ({
    totaal: telling(t.rijTotalen![m]!),
    redenen: redenen.flatMap((r, j) => (cellen[m]![j]! > 0 ? [item(r, cellen[m]![j]!, telling(t.cellen[m]![j]!))] : [])),
  }));
  const kwartaal = [0, 1, 2, 3].map((q) => {
    const ms = [3 * q, 3 * q + 1, 3 * q + 2];
    const afgeleid = (vals: Array<{ exact: number; onderdrukt: boolean }>) =>
      vals.some((v) => v.onderdrukt) ? VERBORGEN : { waarde: rond(vals.reduce((a, v) => a + v.exact, 0)), onderdrukt: false };
    return {
      totaal: afgeleid(ms.map((m) => ({ exact: cellen[m]!.reduce((a, b) => a + b, 0), onderdrukt: t.rijTotalen![m]!.onderdrukt }))),
      redenen: redenen.flatMap((r, j) => {
        const exact = ms.reduce((a, m) => a + cellen[m]![j]!, 0);
        return exact > 0 ? [item(r, exact, afgeleid(ms.map((m) => ({ exact: cellen[m]![j]!, onderdrukt: t.cellen[m]![j]!.onderdrukt }))))] : [];
      }),
    };
  });
  const jaar = {
    totaal: telling(t.totaal!),
    redenen: redenen.flatMap((r, j) => {
      const exact = cellen.reduce((a, row) => a + row[j]!, 0);
      return exact > 0 ? [item(r, exact, telling(t.kolomTotalen![j]!))] : [];
    }),
  };
  return { maand, kwartaal, jaar };
}

/** Position of a period in its year: the month (0-11), the quarter (0-3) or 0 for a year. */
const positie = (van: string, per: Tijdvak) => {
  const maand = Number(van.slice(5, 7)) - 1;
  return per === 'MAAND' ? maand : per === 'KWARTAAL' ? Math.floor(maand / 3) : 0;
};
const niveau = (per: Tijdvak) => (per === 'MAAND' ? 'maand' : per === 'KWARTAAL' ? 'kwartaal' : 'jaar') as 'maand' | 'kwartaal' | 'jaar';

/**
 * The klantstromen series: three statements, whatever the number of periods. The flows are
 * counted per month over the whole calendar years the series touches (for the year-consistent
 * suppression above), the stocks on the last day of each requested period.
 */
export async function klantstromen(db: Db, scope: Scope, rule: SuppressionRule, args: { van: string; tot: string; per: Tijdvak }) {
  const lijst = periodes(args.van, args.tot, args.per); // validates and labels; at most MAX_PERIODES
  const { unit, interval } = EENHEID_SQL[args.per];
  const g = scope.gemeente;
  const eerste = lijst[0]!.van;
  const laatste = lijst[lijst.length - 1]!.tot;
  const jaarVan = `${eerste.slice(0, 4)}-01-01`;
  const jaarTot = `${laatste.slice(0, 4)}-12-31`;
  const maandVan = (d: SQL) => sql`date_trunc('month', (${d})::timestamp)::date`;

  const stromen = await sqlRows<{ van: string; instroom: number; naar_aanvullend: number; naar_basis: number }>(db, sql`
    with m as (
      select s::date as van from generate_series(${jaarVan}::timestamp, ${jaarTot}::timestamp, interval '1 month') as s
    ),
    instroom as (
      select ${maandVan(sql`t.begindatum`)} as van, count(*)::int as n from aanvullende_ondersteuning.toewijzing t
      where t.gemeente_code = ${g} and t.status in ${GESTART} and t.begindatum between ${jaarVan}::date and ${jaarTot}::date
      group by 1
    ),
    naar_aanvullend as (
      select ${maandVan(sql`v.op at time zone 'Europe/Amsterdam'`)} as van, count(*)::int as n from basisondersteuning.verwijzing v
      where v.gemeente_code = ${g} and (v.op at time zone 'Europe/Amsterdam')::date between ${jaarVan}::date and ${jaarTot}::date
      group by 1
    ),
    naar_basis as (
      select ${maandVan(sql`t.stopdatum`)} as van, count(*)::int as n from aanvullende_ondersteuning.toewijzing t
      where t.gemeente_code = ${g} and t.status = 'gestopt' and t.stopdatum between ${jaarVan}::date and ${jaarTot}::date
        and exists (
          select 1 from basisondersteuning.ondersteuning o
          where o.gemeente_code = t.gemeente_code and o.inwoner_id = t.inwoner_id and ${basisStructureel(sql`o.soort`)}
            and o.startdatum between t.stopdatum and t.stopdatum + ${NAAR_BASIS_DAGEN}::int
        )
      group by 1
    )
    select m.van::text as van, coalesce(i.n, 0) as instroom, coalesce(na.n, 0) as naar_aanvullend, coalesce(nb.n, 0) as naar_basis
    from m
      left join instroom i on i.van = m.van
      left join naar_aanvullend na on na.van = m.van
      left join naar_basis nb on nb.van = m.van
    order by m.van`);

  const redenen = await sqlRows<{ van: string; reden: string | null; n: number }>(db, sql`
    select ${maandVan(sql`t.stopdatum`)}::text as van, t.reden_beeindiging as reden, count(*)::int as n
    from aanvullende_ondersteuning.toewijzing t
    where t.gemeente_code = ${g} and t.status = 'gestopt' and t.stopdatum between ${jaarVan}::date and ${jaarTot}::date
    group by 1, 2 order by 1, 2`);

  // Stocks on each period's last day, in O(rows log rows) instead of rows x periods: the
  // intervals of one resident, source and group are merged into islands (window functions),
  // so a resident counts once; each island adds +1 on its first day and -1 on the day after
  // its last; a running sum read at each period end is the number of distinct residents in
  // care that day. (A join of the periods on the intervals took 1-2 s at 100,000 residents.)
  const standen = await sqlRows<{ van: string; basis_to: number; basis_db: number; aanvullend_to: number; aanvullend_db: number }>(db, sql`
    with p as (
      select s::date as van, (s + ${interval}::interval - interval '1 day')::date as tot
      from generate_series(date_trunc(${unit}, ${eerste}::timestamp), date_trunc(${unit}, ${laatste}::timestamp), ${interval}::interval) as s
    ),
    intervallen as (
      select 1 as bron, o.inwoner_id, case when ${basisTO(sql`o.soort`)} then 1 else 2 end as groep,
        o.startdatum as van, coalesce(o.einddatum, 'infinity'::date) as tot
      from basisondersteuning.ondersteuning o
      where o.gemeente_code = ${g} and (${basisTO(sql`o.soort`)} or o.soort like 'DB%')
        and o.startdatum <= coalesce(o.einddatum, 'infinity'::date)
      union all
      select 2, t.inwoner_id, case when t.product like 'TO%' then 1 else 2 end,
        t.begindatum, coalesce(t.stopdatum, 'infinity'::date)
      from aanvullende_ondersteuning.toewijzing t
      where t.gemeente_code = ${g} and t.status in ${GESTART} and (t.product like 'TO%' or t.product like 'DB%')
        and t.begindatum <= coalesce(t.stopdatum, 'infinity'::date)
    ),
    gemarkeerd as (
      select i.*, case when i.van <= max(i.tot) over (partition by i.bron, i.groep, i.inwoner_id collate "C" order by i.van, i.tot
        rows between unbounded preceding and 1 preceding) then 0 else 1 end as nieuw
      from intervallen i
    ),
    eilanden as (
      select bron, groep, min(van) as van, max(tot) as tot
      from (select m.*, sum(m.nieuw) over (partition by m.bron, m.groep, m.inwoner_id collate "C" order by m.van, m.tot rows unbounded preceding) as eiland
        from gemarkeerd m) x
      group by bron, groep, inwoner_id, eiland
    ),
    mutaties as (
      select bron, groep, van as dag, 1 as delta, null::date as periode from eilanden
      union all
      select bron, groep, tot + 1, -1, null from eilanden where tot < 'infinity'::date
      union all
      select b.bron, b.groep, p.tot, 0, p.van from p cross join (values (1, 1), (1, 2), (2, 1), (2, 2)) as b(bron, groep)
    ),
    stand as (
      select periode, bron, groep, sum(delta) over (partition by bron, groep order by dag) as n from mutaties
    )
    select periode::text as van,
      coalesce(max(n) filter (where bron = 1 and groep = 1), 0)::int as basis_to,
      coalesce(max(n) filter (where bron = 1 and groep = 2), 0)::int as basis_db,
      coalesce(max(n) filter (where bron = 2 and groep = 1), 0)::int as aanvullend_to,
      coalesce(max(n) filter (where bron = 2 and groep = 2), 0)::int as aanvullend_db
    from stand where periode is not null
    group by periode
    order by periode`);

  // One suppression pattern per calendar year and figure.
  const jaren = new Map<string, {
    instroom: ReturnType<typeof jaarPatroon>; naarAanvullend: ReturnType<typeof jaarPatroon>; naarBasis: ReturnType<typeof jaarPatroon>;
    uitstroom: ReturnType<typeof uitstroomPatroon>;
  }>();
  for (let jaar = Number(jaarVan.slice(0, 4)); jaar <= Number(jaarTot.slice(0, 4)); jaar++) {
    const maanden = stromen.filter((r) => iso(r.van).startsWith(`${jaar}-`)).sort((a, b) => (iso(a.van) < iso(b.van) ? -1 : 1));
    const reeks = (k: 'instroom' | 'naar_aanvullend' | 'naar_basis') => jaarPatroon(Array.from({ length: 12 }, (_, m) => Number(maanden[m]?.[k] ?? 0)), rule);
    const perMaand = Array.from({ length: 12 }, (_, m) => new Map(redenen
      .filter((r) => iso(r.van) === `${jaar}-${String(m + 1).padStart(2, '0')}-01`)
      .map((r) => [r.reden ?? '', Number(r.n)] as const)));
    jaren.set(String(jaar), {
      instroom: reeks('instroom'), naarAanvullend: reeks('naar_aanvullend'), naarBasis: reeks('naar_basis'), uitstroom: uitstroomPatroon(perMaand, rule),
    });
  }

  const perVan = new Map(standen.map((r) => [iso(r.van), r]));
  return lijst.map((periode) => {
    const jaar = jaren.get(periode.van.slice(0, 4))!;
    const i = positie(periode.van, args.per);
    const lvl = niveau(args.per);
    const uit = lvl === 'jaar' ? jaar.uitstroom.jaar : jaar.uitstroom[lvl][i]!;
    const flow = (p: ReturnType<typeof jaarPatroon>) => (lvl === 'jaar' ? p.jaar : p[lvl][i]!);
    const r = perVan.get(periode.van);
    const verschuiving = (['TO', 'DB'] as const).map((groep) => {
      const [b, a] = groep === 'TO' ? [r?.basis_to, r?.aanvullend_to] : [r?.basis_db, r?.aanvullend_db];
      // A stock on one day: no total (basis + aanvullend) is published and stocks do not add
      // up over periods, so primary suppression per count suffices; the share is given only
      // when both counts are published.
      const l = onderdrukLijst([{ sleutel: 'basis', aantal: Number(b ?? 0) }, { sleutel: 'aanvullend', aantal: Number(a ?? 0) }], rule, { totaal: false });
      const [inBasis, inAanvullend] = [l.items[0]!.telling, l.items[1]!.telling];
      return {
        groep,
        inBasis: telling(inBasis),
        inAanvullend: telling(inAanvullend),
        aandeelBasisProcent: aandeel(inBasis, inAanvullend),
        verwachtAandeelBasisProcent: VERWACHT_AANDEEL_BASIS[groep],
      };
    });
    return {
      periode: periode.label,
      van: periode.van,
      tot: periode.tot,
      instroom: flow(jaar.instroom),
      uitstroom: uit.totaal,
      uitstroomPerReden: uit.redenen.map((x) => ({
        code: x.reden === '' ? null : x.reden,
        omschrijving: x.reden === '' ? 'Onbekend' : (REDEN_BEEINDIGING_LABEL[x.reden] ?? x.reden),
        aantal: x.telling,
      })),
      doorstroomNaarAanvullend: flow(jaar.naarAanvullend),
      doorstroomNaarBasis: flow(jaar.naarBasis),
      verschuiving,
    };
  });
}

// ---------------------------------------------------------------------------------
// Tables per organisation, with an aanbieder's own view.

export interface Tabel {
  cellen: Telling[][];
  rijTotalen: Telling[] | null;
  kolomTotalen: Telling[] | null;
  totaal: Telling | null;
}

/**
 * Suppresses a rows x organisation-columns table. For everyone but an aanbieder-medewerker
 * this is onderdrukTabel. An aanbieder knows its own cells, so for it the table is
 * suppressed without its own columns (those are known constants to it: a published total
 * minus its own cells would otherwise give away a suppressed cell of another organisation);
 * its own cells are returned exactly, and a margin is published (rounded from its full
 * value) exactly when the same margin of the table without its columns is published.
 */
export function tabelMetEigenKolommen(cellen: number[][], kolomOrg: readonly string[], rule: SuppressionRule, opties: TabelOpties, eigen: string | null): Tabel {
  const strip = (t: OnderdrukteTelling): Telling => telling(t);
  const eigenKolommen = new Set(eigen === null ? [] : kolomOrg.flatMap((o, j) => (o === eigen ? [j] : [])));
  if (eigenKolommen.size === 0) {
    const t = onderdrukTabel(cellen, rule, opties);
    return {
      cellen: t.cellen.map((r) => r.map(strip)),
      rijTotalen: t.rijTotalen?.map(strip) ?? null,
      kolomTotalen: t.kolomTotalen?.map(strip) ?? null,
      totaal: t.totaal ? strip(t.totaal) : null,
    };
  }
  const anderen = kolomOrg.map((_, j) => j).filter((j) => !eigenKolommen.has(j));
  const t = onderdrukTabel(cellen.map((r) => anderen.map((j) => r[j]!)), rule, opties);
  const rond = (v: number) => Math.round(v / rule.rounding) * rule.rounding;
  const som = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const marge = (gereduceerd: OnderdrukteTelling, vol: number): Telling =>
    gereduceerd.onderdrukt ? { waarde: null, onderdrukt: true } : { waarde: rond(vol), onderdrukt: false };
  const exact = (v: number): Telling => ({ waarde: v, onderdrukt: false });
  return {
    cellen: cellen.map((r, i) => r.map((v, j) => (eigenKolommen.has(j) ? exact(v) : strip(t.cellen[i]![anderen.indexOf(j)]!)))),
    rijTotalen: t.rijTotalen?.map((m, i) => marge(m, som(cellen[i]!))) ?? null,
    kolomTotalen: t.kolomTotalen === null ? null : kolomOrg.map((_, j) => (eigenKolommen.has(j)
      ? exact(som(cellen.map((r) => r[j]!)))
      : strip(t.kolomTotalen![anderen.indexOf(j)]!))),
    totaal: t.totaal ? marge(t.totaal, som(cellen.map((r) => som(r)))) : null,
  };
}


const kwartaalGrenzen = (jaar: number, k: number) => ({
  van: `${jaar}-${String(3 * k - 2).padStart(2, '0')}-01`,
  tot: new Date(Date.UTC(jaar, 3 * k, 0)).toISOString().slice(0, 10),
});

/**
 * Which organisation delivers in which wijk in a quarter: per wijk and delivering organisation
 * (the onderaannemer as ONDERAANNEMER when the toewijzing was handed on, else the hoofdaanbieder
 * as HOOFDAANBIEDER), the residents with a toewijzing in care at any day of the quarter.
 * One statement. Returns the non-zero cells, then the totals per organisation (wijk null), per
 * wijk (organisatie null) and the grand total (both null). Totals are sums of the cells: a
 * resident with two delivering organisations in a wijk counts for each.
 */
export async function aanbiederslandschap(ctx: SubgraphContext<Loaders>, jaarInput: number, kwartaal: number) {
  const jaar = checkJaar(jaarInput);
  if (!Number.isInteger(kwartaal) || kwartaal < 1 || kwartaal > 4) throw badUserInput('kwartaal', 'kwartaal must be 1 to 4');
  const { tabellen } = (await aanvullendeTabellen(ctx, kwartaalGrenzen(jaar, kwartaal)))[0]!;
  const tabel = tabellen.perAanbieder.tabel;
  const kolommen = tabel.categorieen.map(aanbiederKolom);
  const gemeente = tabel.cijfers('gemeente')!;
  // A cell or total is listed when it has clients: suppressed values are never 0.
  const heeft = (t: Telling) => t.onderdrukt || t.waarde! > 0;
  const out: Array<{ wijk: { code: string } | null; organisatie: { id: string } | null; rol: AanbiederRol | null; clienten: Telling }> = [];
  const wijken: Array<{ code: string; totaal: Telling }> = [];
  for (const w of await wijkenVan(ctx)) {
    const c = tabel.cijfers({ wijk: w.code })!;
    c.perCategorie.forEach((t, j) => { if (heeft(t)) out.push({ wijk: { code: w.code }, organisatie: { id: kolommen[j]!.organisatie }, rol: kolommen[j]!.rol, clienten: t }); });
    if (heeft(c.totaal!)) wijken.push({ code: w.code, totaal: c.totaal! });
  }
  out.sort((a, b) => cmp(a.wijk!.code, b.wijk!.code) || cmp(a.organisatie!.id, b.organisatie!.id) || cmp(a.rol!, b.rol!));
  kolommen.forEach((k, j) => out.push({ wijk: null, organisatie: { id: k.organisatie }, rol: k.rol, clienten: gemeente.perCategorie[j]! }));
  wijken.sort((a, b) => cmp(a.code, b.code)).forEach((w) => out.push({ wijk: { code: w.code }, organisatie: null, rol: null, clienten: w.totaal }));
  if (wijken.length > 0) out.push({ wijk: null, organisatie: null, rol: null, clienten: gemeente.totaal! });
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const DAY = 86_400_000;

/**
 * Volume per product, eenheid and frequentie, per delivering organisation, for toewijzingen
 * in care at any day of [van, tot]: residents (distinct per cell) and the sum of omvang_volume
 * (the volume per frequentie, e.g. hours per week). One statement. The table (product x
 * eenheid x frequentie) x organisation is suppressed with onderdrukTabel; the row totals
 * (organisatie null) are published, column totals and the grand total are not (they would add
 * up different eenheden). A volume is shown exactly where its count of residents is published.
 */
export async function omvangPerProduct(db: Db, scope: Scope, rule: SuppressionRule, args: { van: string; tot: string }) {
  if (args.van > args.tot) throw badUserInput('tot', 'tot must not be before van');
  if (Date.parse(args.tot) - Date.parse(args.van) > 5 * 366 * DAY) throw badUserInput('tot', 'the period may be at most five years');
  const data = await sqlRows<{ product: string; eenheid: string; frequentie: string; organisatie: string; n: number; volume: number }>(db, sql`
    select t.product, t.omvang_eenheid as eenheid, t.omvang_frequentie as frequentie, coalesce(t.onderaannemer_id, t.organisatie_id) as organisatie,
      count(distinct t.inwoner_id)::int as n, sum(t.omvang_volume)::int as volume
    from aanvullende_ondersteuning.toewijzing t
    where t.gemeente_code = ${scope.gemeente} and t.status in ${GESTART}
      and t.begindatum <= ${args.tot}::date and (t.stopdatum is null or t.stopdatum >= ${args.van}::date)
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  const sleutel = (r: { product: string; eenheid: string; frequentie: string }) => `${r.product}|${r.eenheid}|${r.frequentie}`;
  const rijen = [...new Map(data.map((r) => [sleutel(r), { product: r.product, eenheid: r.eenheid, frequentie: r.frequentie }])).values()];
  const orgs = [...new Set(data.map((r) => r.organisatie))].sort();
  const ri = new Map(rijen.map((r, i) => [sleutel(r), i]));
  const oi = new Map(orgs.map((o, j) => [o, j]));
  const cellen = rijen.map(() => orgs.map(() => 0));
  const volume = rijen.map(() => orgs.map(() => 0));
  for (const r of data) {
    cellen[ri.get(sleutel(r))!]![oi.get(r.organisatie)!] = Number(r.n);
    volume[ri.get(sleutel(r))!]![oi.get(r.organisatie)!] = Number(r.volume);
  }
  const t = tabelMetEigenKolommen(cellen, orgs, rule, { rijTotalen: true, kolomTotalen: false, totaal: false }, eigenOrganisatie(scope));
  const out: Array<{ product: string; eenheid: string; frequentie: string; organisatie: { id: string } | null; clienten: Telling; volume: number | null }> = [];
  rijen.forEach((r, i) => {
    orgs.forEach((o, j) => {
      if (cellen[i]![j]! === 0) return;
      const c = t.cellen[i]![j]!;
      out.push({ ...r, organisatie: { id: o }, clienten: c, volume: c.onderdrukt ? null : volume[i]![j]! });
    });
    const m = t.rijTotalen![i]!;
    out.push({ ...r, organisatie: null, clienten: m, volume: m.onderdrukt ? null : volume[i]!.reduce((a, b) => a + b, 0) });
  });
  return out;
}
