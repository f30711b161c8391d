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
 * suppressed together. The provider view (`eigen`): an hh-medewerker sees its own
 * organisation's figures exact and unrounded, and the others suppressed as if its own were
 * published; every other role sees all providers suppressed.
 *
 * The providers (categories) do not depend on the period: every organisation with an HH
 * contract in the gemeente or an indicatie there, from the same SQL statement, so a series
 * and its single periods have the same lines. One statement per request and arguments.
 */
import { sqlRows } from '../../db/client';
import { sql } from 'drizzle-orm';
import type { SubgraphContext } from '../shared/context';
import {
  figuurPerioden, intern, memoKey, niveauVan, periodenTabel, periodeTabellen, wijkIndeling,
  type FiguurArgs, type FiguurRij, type PeriodeTabel,
} from '../shared/gebiedsfiguren';
import type { Periode } from '../shared/periode';
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

type Rij = FiguurRij & { tabel: 'clienten' | 'aanbieders'; minuten: number | string };

const query = (gemeente: string, perioden: readonly Periode[]) => sql`
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
  select null, null, 'aanbieders', a.organisatie_id, 0, 0 from (
    select organisatie_id from financien.contract where gemeente_code = ${gemeente} and perceel = 'HULP_BIJ_HET_HUISHOUDEN'
    union
    select organisatie_id from huishoudelijke_hulp.indicatie where gemeente_code = ${gemeente}
  ) a`;

interface Tabellen {
  aanbieders: string[];
  eigen: string | null;
  perioden: PeriodeTabel[];
}

/** The suppressed table per period, computed once per request and arguments. */
function tabellen(ctx: Ctx, args: FiguurArgs): Promise<Tabellen> {
  const perioden = args.intern ? [intern(args.van, args.tot)] : figuurPerioden(args); // validates before anything is cached
  const memo = ctx.loaders.figuren;
  // Any role that acts for an organisation knows that organisation's own clients.
  const eigen = ctx.scope.organisatie ?? null;
  return memo(memoKey('huishoudelijke-hulp', args), async () => {
    const [wijken, rijen] = await Promise.all([
      memo('wijkIndeling', () => wijkIndeling(ctx.db, ctx.scope)),
      sqlRows<Rij>(ctx.db, query(ctx.scope.gemeente, perioden)),
    ]);
    const clienten = rijen.filter((r) => r.tabel === 'clienten');
    const aanbieders = [...new Set(rijen.map((r) => r.categorie))].sort();
    return {
      aanbieders,
      eigen,
      perioden: periodeTabellen(clienten, { perioden, wijken, categorieen: aanbieders, totalen: true, eigen: eigen === null ? undefined : (c) => c === eigen }, ctx.suppression),
    };
  });
}

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
  const { aanbieders, eigen, perioden } = await tabellen(ctx, args);
  return perioden.flatMap(({ periode, tabel, som }) => {
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
