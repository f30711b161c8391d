/**
 * Steering figures of the huishoudelijke hulp on Wijk, Gebied and Gemeente (issue 8):
 * clients and indicated hours per week, in total and per hh-aanbieder.
 *
 * Definitions:
 *  - a client is a resident with an indicatie that ran on at least one day of the period;
 *  - each client counts once per period, with the indicatie of the period that started
 *    last (the one running at the end of the period, or the last one that ran): its wijk,
 *    its organisation (indicatie.organisatie_id, the provider that delivers; the koppeling
 *    to a helper is not needed for that and may be absent) and its minutes per week.
 *    So the providers partition the clients, and the total over providers, gebieden and
 *    the gemeente are distinct residents;
 *  - hours per week: the sum of those minutes per week / 60, published where the count is
 *    (gebiedsTabel.sommen), to one decimal.
 *
 * One table (wijk x provider, with totals), so the totals and the per-provider figures are
 * suppressed together. The provider view (`eigen`): a role that acts for an organisation
 * sees that organisation's figures exact and unrounded, and the others suppressed as if its
 * own were published; every other role sees all providers suppressed.
 *
 * The providers (categories) do not depend on the period: every organisation with an HH
 * contract in the gemeente or an indicatie there, from the same SQL statement, so a series
 * and its single periods have the same lines. One statement per request and arguments.
 */
import { sql } from 'drizzle-orm';
import type { SubgraphContext } from '../shared/context';
import { berekenFiguur, niveauVan, periodenTabel, type FiguurArgs, type FiguurSpec } from '../shared/gebiedsfiguren';
import type { Telling } from '../shared/suppression';
import type { Loaders } from './loaders';

type Ctx = SubgraphContext<Loaders>;

export interface HhCijfersPerAanbieder {
  aanbieder: { id: string };
  eigenOrganisatie: boolean;
  clienten: Telling;
  urenPerWeek: number | null;
}

export interface HuishoudelijkeHulpCijfers {
  periode: string;
  van: string;
  tot: string;
  clienten: Telling;
  urenPerWeek: number | null;
  perAanbieder: HhCijfersPerAanbieder[];
}

/**
 * One statement: the clients per period, wijk and provider (each with its latest
 * indicatie), and the providers of the gemeente as rows without a period, so that the
 * providers (`uitRijen`) do not depend on the period asked for.
 */
const spec = (gemeente: string, eigen: string | null): FiguurSpec<'clienten'> => ({
  naam: 'huishoudelijke-hulp',
  query: (perioden) => sql`
    with laatste as (
      select distinct on (p.label, i.inwoner_id) p.label, i.wijk_code, i.organisatie_id, i.minuten_per_week
      from ${periodenTabel(perioden)}
      join huishoudelijke_hulp.indicatie i
        on i.gemeente_code = ${gemeente} and i.startdatum <= p.tot and (i.einddatum is null or i.einddatum >= p.van)
      order by p.label, i.inwoner_id, i.startdatum desc, i.id desc
    )
    select label, wijk_code as wijk, 'clienten' as tabel, organisatie_id as categorie, count(*) as n, sum(minuten_per_week) as minuten
    from laatste
    group by label, wijk_code, organisatie_id
    union all
    -- The providers, whatever the period: contracted for HH, or with an indicatie.
    select null, null, 'clienten', a.organisatie_id, 0, 0 from (
      select organisatie_id from financien.contract where gemeente_code = ${gemeente} and perceel = 'HULP_BIJ_HET_HUISHOUDEN'
      union
      select organisatie_id from huishoudelijke_hulp.indicatie where gemeente_code = ${gemeente}
    ) a`,
  tabellen: { clienten: { categorieen: 'uitRijen', totalen: true, eigen: eigen === null ? undefined : (c) => c === eigen } },
});

/**
 * Minutes per week as hours per week; null stays null (suppressed). Exact (one decimal) for
 * the caller's own organisation; otherwise rounded to a multiple of the rounding base in
 * hours, like the counts: exact hours next to rounded counts would let two periods be
 * differenced down to the hours of one resident.
 */
const uren = (minuten: number | null, afronding: number | null) => {
  if (minuten === null) return null;
  return afronding === null ? Math.round(minuten / 6) / 10 : Math.round(minuten / 60 / afronding) * afronding;
};

export async function huishoudelijkeHulpCijfers(
  typename: 'Wijk' | 'Gebied' | 'Gemeente',
  parent: { code?: string; naam?: string },
  args: FiguurArgs,
  ctx: Ctx,
): Promise<HuishoudelijkeHulpCijfers[]> {
  const niveau = niveauVan(typename, parent, ctx.scope);
  if (niveau === null) return [];
  // Any role that acts for an organisation knows that organisation's own clients.
  const eigen = ctx.scope.organisatie ?? null;
  const perioden = await berekenFiguur(ctx, spec(ctx.scope.gemeente, eigen), args);
  return perioden.flatMap(({ periode, tabellen: { clienten: { tabel, som } } }) => {
    const aanbieders = tabel.categorieen;
    const c = tabel.cijfers(niveau);
    const m = tabel.sommen(niveau, som('minuten'));
    if (!c || !m) return [];
    return [{
      periode: periode.label,
      van: periode.van,
      tot: periode.tot,
      clienten: c.totaal!,
      urenPerWeek: uren(m.totaal, ctx.suppression.rounding),
      perAanbieder: aanbieders.map((id, i) => ({
        aanbieder: { id },
        eigenOrganisatie: id === eigen,
        clienten: c.perCategorie[i]!,
        urenPerWeek: uren(m.perCategorie[i]!, id === eigen ? null : ctx.suppression.rounding),
      })),
    }];
  });
}
