/**
 * Steering figures of the sociale basis on Wijk, Gebied and Gemeente (issue 8), from the
 * hulpvragen and their status history (hulpvraag_gebeurtenis). Nothing else in the
 * sociale basis is about residents: kamers, rooster and partners hold no attendance, and
 * a toestemming says who may see a resident, not that they took part.
 *
 *  - deelname: residents helped by a volunteer in the period, i.e. with a hulpvraag that
 *    was GEMATCHT at some moment of the period. A resident counts once per period, in the
 *    wijk of the hulpvraag matched most recently, so gebied and gemeente (sums of wijken)
 *    are distinct residents too. A hulpvraag without a recorded resident (anonymous)
 *    cannot be told apart from another resident's, so those are counted as hulpvragen in
 *    a category of their own, never added to the residents.
 *  - nieuw: hulpvragen registered in the period (aangemaakt_op, Europe/Amsterdam), per
 *    soort; every hulpvraag has one soort, so the total is the sum.
 *  - open: hulpvragen waiting for a volunteer at the end of the period (status OPEN or
 *    TERUGGEZET after the last change before the end of `tot`). Wijk.openHulpvragen is this
 *    figure for today.
 *
 * One SQL statement for all periods and wijken, suppressed over wijk, gebied and gemeente
 * together (shared/gebiedsfiguren.ts). The period bounds are the start of `van` and the end
 * of `tot` in Europe/Amsterdam, like the rest of the platform's dates.
 */
import { sql } from 'drizzle-orm';
import type { SubgraphContext } from '../shared/context';
import { berekenFiguur, niveauVan, periodenTabel, type FiguurArgs, type FiguurSpec } from '../shared/gebiedsfiguren';
import type { Telling } from '../shared/suppression';
import type { Loaders } from './loaders';

type Ctx = SubgraphContext<Loaders>;

/** The soorten of SoortHulpvraag, in schema order. */
export const SOORTEN_HULPVRAAG = ['FORMULIEREN_INVULLEN', 'MAATJESTRAJECT', 'MEEDOEN_WIJKACTIVITEIT', 'BOODSCHAPPEN', 'VERVOER'] as const;

/** Statuses in which a hulpvraag waits for a volunteer (the ones hulpvraagMatchen starts from). */
export const WACHTEND = ['OPEN', 'TERUGGEZET'] as const;

type Tabel = 'deelname' | 'nieuw' | 'open';

const spec = (gemeente: string): FiguurSpec<Tabel> => ({
  naam: 'sociale-basis',
  query: (perioden) => sql`
    with b as (
      select p.label, p.van, p.tot,
        (p.van::timestamp at time zone 'Europe/Amsterdam') as begin_op,
        ((p.tot + 1)::timestamp at time zone 'Europe/Amsterdam') as eind_op
      from ${periodenTabel(perioden)}
    ),
    -- Each status of each hulpvraag as an interval [sinds, tot_op): from its change to the next.
    s as (
      select h.id, h.wijk_code, h.inwoner_id, e.naar, e.op as sinds,
        lead(e.op) over (partition by e.hulpvraag_id order by e.op, e.id) as tot_op
      from sociale_basis.hulpvraag h
      join sociale_basis.hulpvraag_gebeurtenis e on e.hulpvraag_id = h.id and e.gemeente_code = h.gemeente_code
      where h.gemeente_code = ${gemeente}
    )
    select label, wijk, 'deelname' as tabel, categorie, count(*) as n from (
      -- One row per resident (or per anonymous hulpvraag) and period: its most recent match.
      select distinct on (b.label, s.inwoner_id, case when s.inwoner_id is null then s.id end)
        b.label, s.wijk_code as wijk, case when s.inwoner_id is null then 'anoniem' else 'inwoners' end as categorie
      from b join s on s.naar = 'GEMATCHT' and s.sinds < b.eind_op and (s.tot_op is null or s.tot_op > b.begin_op)
      order by b.label, s.inwoner_id, case when s.inwoner_id is null then s.id end, s.sinds desc, s.id desc
    ) d
    group by label, wijk, categorie
    union all
    select b.label, h.wijk_code, 'nieuw', h.soort, count(*)
    from b join sociale_basis.hulpvraag h
      on h.gemeente_code = ${gemeente} and h.aangemaakt_op >= b.begin_op and h.aangemaakt_op < b.eind_op
    group by b.label, h.wijk_code, h.soort
    union all
    -- The status at the end of the period: the interval that holds the last moment of tot.
    select b.label, s.wijk_code, 'open', 'open', count(*)
    from b join s on s.sinds < b.eind_op and (s.tot_op is null or s.tot_op >= b.eind_op)
    where s.naar in (${sql.join(WACHTEND.map((x) => sql`${x}`), sql`, `)})
    group by b.label, s.wijk_code`,
  tabellen: {
    deelname: { categorieen: ['inwoners', 'anoniem'], totalen: false },
    nieuw: { categorieen: SOORTEN_HULPVRAAG, totalen: true },
    open: { categorieen: ['open'], totalen: true },
  },
});

export interface SocialeBasisCijfers {
  periode: string;
  van: string;
  tot: string;
  deelnemers: Telling;
  anoniemGematcht: Telling;
  nieuweHulpvragen: Telling;
  nieuwPerSoort: Array<{ soort: string; hulpvragen: Telling }>;
  openAanHetEinde: Telling;
}

export async function socialeBasisCijfers(
  typename: 'Wijk' | 'Gebied' | 'Gemeente',
  parent: { code?: string; naam?: string },
  args: FiguurArgs,
  ctx: Ctx,
): Promise<SocialeBasisCijfers[]> {
  const niveau = niveauVan(typename, parent, ctx.scope);
  if (niveau === null) return [];
  const perioden = await berekenFiguur(ctx, spec(ctx.scope.gemeente), args);
  return perioden.flatMap(({ periode, tabellen }) => {
    const deelname = tabellen.deelname.tabel.cijfers(niveau);
    const nieuw = tabellen.nieuw.tabel.cijfers(niveau);
    const open = tabellen.open.tabel.cijfers(niveau);
    if (!deelname || !nieuw || !open) return [];
    return [{
      periode: periode.label,
      van: periode.van,
      tot: periode.tot,
      deelnemers: deelname.perCategorie[0]!,
      anoniemGematcht: deelname.perCategorie[1]!,
      nieuweHulpvragen: nieuw.totaal!,
      nieuwPerSoort: SOORTEN_HULPVRAAG.map((soort, i) => ({ soort, hulpvragen: nieuw.perCategorie[i]! })),
      openAanHetEinde: open.perCategorie[0]!,
    }];
  });
}
