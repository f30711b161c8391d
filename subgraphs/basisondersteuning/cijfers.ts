/**
 * Steering figures of the basisondersteuning on Wijk, Gebied and Gemeente (issue 8):
 * clients (distinct residents with a structural support running on a day of the period)
 * in total and per soort. One SQL statement for all periods and wijken (grouping sets),
 * suppressed over wijk, gebied and gemeente together (shared/gebiedsfiguren.ts).
 */
import { sql } from 'drizzle-orm';
import type { SubgraphContext } from '../shared/context';
import { berekenFiguur, niveauVan, periodenTabel, type FiguurArgs, type FiguurSpec } from '../shared/gebiedsfiguren';
import type { Loaders } from './loaders';

type Ctx = SubgraphContext<Loaders>;

/** The soorten of SoortOndersteuning, in schema order. */
export const SOORTEN = [
  'PTO', 'TO1', 'TO2', 'TO3_BASIS', 'DB1', 'DB2_BASIS', 'DB4', 'DB5_BASIS',
  'PERSOONLIJKE_VERZORGING', 'MANTELZORGONDERSTEUNING', 'RESPIJTZORG', 'SCHULDHULP', 'JONGERENWERK',
] as const;

const spec = (gemeente: string): FiguurSpec<'clienten' | 'perSoort'> => ({
  naam: 'basisondersteuning',
  query: (perioden) => sql`
    select p.label, o.wijk_code as wijk,
      case when grouping(o.soort) = 1 then 'clienten' else 'perSoort' end as tabel,
      case when grouping(o.soort) = 1 then 'clienten' else o.soort end as categorie,
      count(distinct o.inwoner_id) as n
    from ${periodenTabel(perioden)}
    join basisondersteuning.ondersteuning o
      on o.gemeente_code = ${gemeente} and o.startdatum <= p.tot and (o.einddatum is null or o.einddatum >= p.van)
    group by grouping sets ((p.label, o.wijk_code, o.soort), (p.label, o.wijk_code))`,
  tabellen: {
    clienten: { categorieen: ['clienten'], totalen: true },
    perSoort: { categorieen: SOORTEN, totalen: false },
  },
});

export async function basisondersteuningCijfers(typename: 'Wijk' | 'Gebied' | 'Gemeente', parent: { code?: string; naam?: string }, args: FiguurArgs, ctx: Ctx) {
  const niveau = niveauVan(typename, parent, ctx.scope);
  if (niveau === null) return [];
  const perioden = await berekenFiguur(ctx, spec(ctx.scope.gemeente), args);
  return perioden.flatMap(({ periode, tabellen }) => {
    const clienten = tabellen.clienten.tabel.cijfers(niveau);
    const perSoort = tabellen.perSoort.tabel.cijfers(niveau);
    if (!clienten || !perSoort) return [];
    return [{
      periode: periode.label,
      van: periode.van,
      tot: periode.tot,
      clienten: clienten.perCategorie[0]!,
      perSoort: SOORTEN.map((soort, i) => ({ soort, clienten: perSoort.perCategorie[i]! })),
    }];
  });
}
