/**
 * Steering figures of the aanvullende ondersteuning on Wijk, Gebied and Gemeente (issue 8):
 * clients in care (distinct residents with a toewijzing that started (startbericht) and
 * ran on a day of the period, up to and including its stopdatum), per product and per
 * delivering organisation in its role (the onderaannemer as ONDERAANNEMER if the
 * hoofdaanbieder handed the toewijzing on, else the hoofdaanbieder as HOOFDAANBIEDER).
 * One SQL statement for all periods and wijken (grouping sets), suppressed over wijk,
 * gebied and gemeente together (shared/gebiedsfiguren.ts). An aanbieder-medewerker sees
 * its own organisation's columns exact and unrounded; the others are suppressed without them.
 *
 * The provider landscape (Query.aanbiederslandschap) is the per-organisation table of a
 * quarter, read from this same computation: publishing one quantity with two suppression
 * patterns would let a cell suppressed in one be read from the other.
 */
import { sql } from 'drizzle-orm';
import type { SubgraphContext } from '../shared/context';
import { berekenFiguur, niveauVan, periodenTabel, type FiguurArgs, type FiguurSpec } from '../shared/gebiedsfiguren';
import type { Scope } from '../shared/tokens';
import type { Loaders } from './loaders';

type Ctx = SubgraphContext<Loaders>;

/** The products of enum Product, in schema order. */
export const PRODUCTEN = ['TO3', 'TO4', 'DB2', 'DB3', 'DB5', 'DB6', 'KORTDUREND_VERBLIJF'] as const;

export type AanbiederRol = 'HOOFDAANBIEDER' | 'ONDERAANNEMER';
type Tabel = 'clienten' | 'perProduct' | 'perAanbieder';

/** A column of the per-organisation table: `<organisatie-id>|<rol>`. */
export const aanbiederKolom = (categorie: string) => {
  const [organisatie, rol] = categorie.split('|') as [string, AanbiederRol];
  return { organisatie, rol };
};

/**
 * The organisation whose figures the caller knows: the own organisation of any role that
 * acts for one (an HH provider may also deliver aanvullend care), else null.
 */
export const eigenOrganisatie = (scope: Scope) => scope.organisatie ?? null;

function spec(scope: Scope): FiguurSpec<Tabel> {
  const eigen = eigenOrganisatie(scope);
  return {
    naam: 'aanvullendeOndersteuning',
    query: (perioden) => sql`
      select p.label, t.wijk_code as wijk,
        case when grouping(t.product) = 0 then 'perProduct' when grouping(t.kolom) = 0 then 'perAanbieder' else 'clienten' end as tabel,
        case when grouping(t.product) = 0 then t.product when grouping(t.kolom) = 0 then t.kolom else 'clienten' end as categorie,
        count(distinct t.inwoner_id) as n
      from ${periodenTabel(perioden)}
      join (
        select *, coalesce(onderaannemer_id, organisatie_id) || '|' ||
          case when onderaannemer_id is null then 'HOOFDAANBIEDER' else 'ONDERAANNEMER' end as kolom
        from aanvullende_ondersteuning.toewijzing
      ) t on t.gemeente_code = ${scope.gemeente} and t.status in ('gestart', 'gestopt')
        and t.begindatum <= p.tot and (t.stopdatum is null or t.stopdatum >= p.van)
      group by grouping sets ((p.label, t.wijk_code), (p.label, t.wijk_code, t.product), (p.label, t.wijk_code, t.kolom))`,
    tabellen: {
      clienten: { categorieen: ['clienten'], totalen: true },
      perProduct: { categorieen: PRODUCTEN, totalen: false },
      // The (organisation, role) pairs that delivered in any of the periods. Totals over them
      // (a resident with two organisations counts for each) are published by the landscape.
      perAanbieder: { categorieen: 'uitRijen', totalen: true, eigen: eigen === null ? undefined : (c) => aanbiederKolom(c).organisatie === eigen },
    },
  };
}

/** The suppressed tables per period, shared by the figure fields and the landscape of one request. */
export const aanvullendeTabellen = (ctx: Ctx, args: FiguurArgs) => berekenFiguur(ctx, spec(ctx.scope), args);

export async function aanvullendeOndersteuningCijfers(typename: 'Wijk' | 'Gebied' | 'Gemeente', parent: { code?: string; naam?: string }, args: FiguurArgs, ctx: Ctx) {
  const niveau = niveauVan(typename, parent, ctx.scope);
  if (niveau === null) return [];
  const eigen = eigenOrganisatie(ctx.scope);
  return (await aanvullendeTabellen(ctx, args)).flatMap(({ periode, tabellen }) => {
    const clienten = tabellen.clienten.tabel.cijfers(niveau);
    const perProduct = tabellen.perProduct.tabel.cijfers(niveau);
    const perAanbieder = tabellen.perAanbieder.tabel.cijfers(niveau);
    if (!clienten || !perProduct || !perAanbieder) return [];
    return [{
      periode: periode.label,
      van: periode.van,
      tot: periode.tot,
      clienten: clienten.perCategorie[0]!,
      perProduct: PRODUCTEN.map((product, i) => ({ product, clienten: perProduct.perCategorie[i]! })),
      perAanbieder: tabellen.perAanbieder.tabel.categorieen.map((c, i) => {
        const { organisatie, rol } = aanbiederKolom(c);
        return { organisatie: { id: organisatie }, rol, eigenOrganisatie: organisatie === eigen, clienten: perAanbieder.perCategorie[i]! };
      }),
    }];
  });
}
