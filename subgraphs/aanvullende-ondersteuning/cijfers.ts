/**
 * Steering figures of the aanvullende ondersteuning on Wijk, Gebied and Gemeente (issue 8):
 * clients in care (distinct residents with a toewijzing that started (startbericht) and
 * ran on a day of the period, up to and including its stopdatum), per product and per
 * delivering organisation (the onderaannemer if the hoofdaanbieder handed it on). One SQL
 * statement for all periods and wijken (grouping sets), suppressed over wijk, gebied and
 * gemeente together (shared/gebiedsfiguren.ts). An aanbieder-medewerker sees its own
 * organisation's column exact and unrounded; the others are suppressed without it.
 */
import { sql } from 'drizzle-orm';
import type { SubgraphContext } from '../shared/context';
import { berekenFiguur, niveauVan, periodenTabel, type FiguurArgs, type FiguurSpec } from '../shared/gebiedsfiguren';
import type { Loaders } from './loaders';

type Ctx = SubgraphContext<Loaders>;

/** The products of enum Product, in schema order. */
export const PRODUCTEN = ['TO3', 'TO4', 'DB2', 'DB3', 'DB5', 'DB6', 'KORTDUREND_VERBLIJF'] as const;

type Tabel = 'clienten' | 'perProduct' | 'perAanbieder';

function spec(gemeente: string, eigen: string | null): FiguurSpec<Tabel> {
  return {
    naam: 'aanvullendeOndersteuning',
    query: (perioden) => sql`
      select p.label, t.wijk_code as wijk,
        case when grouping(t.product) = 0 then 'perProduct' when grouping(t.leverend) = 0 then 'perAanbieder' else 'clienten' end as tabel,
        case when grouping(t.product) = 0 then t.product when grouping(t.leverend) = 0 then t.leverend else 'clienten' end as categorie,
        count(distinct t.inwoner_id) as n
      from ${periodenTabel(perioden)}
      join (select *, coalesce(onderaannemer_id, organisatie_id) as leverend from aanvullende_ondersteuning.toewijzing) t
        on t.gemeente_code = ${gemeente} and t.status in ('gestart', 'gestopt')
        and t.begindatum <= p.tot and (t.stopdatum is null or t.stopdatum >= p.van)
      group by grouping sets ((p.label, t.wijk_code), (p.label, t.wijk_code, t.product), (p.label, t.wijk_code, t.leverend))`,
    tabellen: {
      clienten: { categorieen: ['clienten'], totalen: true },
      perProduct: { categorieen: PRODUCTEN, totalen: false },
      // The organisations that delivered in any of the periods, by id.
      perAanbieder: { categorieen: 'uitRijen', totalen: false, eigen },
    },
  };
}

export async function aanvullendeOndersteuningCijfers(typename: 'Wijk' | 'Gebied' | 'Gemeente', parent: { code?: string; naam?: string }, args: FiguurArgs, ctx: Ctx) {
  const niveau = niveauVan(typename, parent, ctx.scope);
  if (niveau === null) return [];
  const eigen = ctx.scope.rol === 'aanbieder-medewerker' ? ctx.scope.organisatie ?? null : null;
  const perioden = await berekenFiguur(ctx, spec(ctx.scope.gemeente, eigen), args);
  return perioden.flatMap(({ periode, tabellen }) => {
    const clienten = tabellen.clienten.tabel.cijfers(niveau);
    const perProduct = tabellen.perProduct.tabel.cijfers(niveau);
    const perAanbieder = tabellen.perAanbieder.tabel.cijfers(niveau);
    if (!clienten || !perProduct || !perAanbieder) return [];
    const organisaties = tabellen.perAanbieder.tabel.categorieen;
    return [{
      periode: periode.label,
      van: periode.van,
      tot: periode.tot,
      clienten: clienten.perCategorie[0]!,
      perProduct: PRODUCTEN.map((product, i) => ({ product, clienten: perProduct.perCategorie[i]! })),
      perAanbieder: organisaties.map((id, i) => ({ organisatie: { id }, eigenOrganisatie: id === eigen, clienten: perAanbieder.perCategorie[i]! })),
    }];
  });
}
