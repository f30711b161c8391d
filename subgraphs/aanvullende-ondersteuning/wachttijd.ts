import { sql } from 'drizzle-orm';
import { badUserInput } from '../shared/errors';
import { sqlRows, type Db } from '../../db/client';
import { onderdrukLijstenMetGedeeldTotaal, type OnderdrukteTelling } from '../shared/onderdrukking';
import type { SuppressionRule, Telling } from '../shared/suppression';
import type { Scope } from '../shared/tokens';

export type WachttijdPer = 'PRODUCT' | 'AANBIEDER' | 'WIJK';

const DAY = 86_400_000;

/**
 * Waiting time from toewijzing to startbericht, per product, delivering provider
 * (the onderaannemer where handed on) or wijk, for toewijzingen granted in [van, tot].
 * The three groupings break down the same toewijzingen, so a client asking all three
 * could combine them: they are computed together (one statement, grouping sets) and each
 * count is suppressed jointly over the three lists (onderdrukLijstenMetGedeeldTotaal), so
 * that no list gives away a suppressed group of another. A suppressed group shows no
 * median or p90, because those would reveal individual waits.
 */
export async function wachttijden(db: Db, scope: Scope, rule: SuppressionRule, args: { van: string; tot: string; per: WachttijdPer; normDagen: number }) {
  if (args.van > args.tot) throw badUserInput('tot', 'tot must not be before van');
  if (Date.parse(args.tot) - Date.parse(args.van) > 5 * 366 * DAY) throw badUserInput('tot', 'the period may be at most five years');
  if (!Number.isInteger(args.normDagen) || args.normDagen < 1 || args.normDagen > 365) throw badUserInput('normDagen', 'normDagen must be 1 to 365');
  const rows = await sqlRows<Rij>(db, sql`
    select case when grouping(t.product) = 0 then 'PRODUCT' when grouping(t.wijk_code) = 0 then 'WIJK' else 'AANBIEDER' end as per,
      coalesce(t.product, t.wijk_code, t.leverend) as groep,
      count(t.begindatum)::int as gestart,
      percentile_cont(0.5) within group (order by t.dagen) as mediaan,
      percentile_cont(0.9) within group (order by t.dagen) as p90,
      (count(*) filter (where t.dagen > ${args.normDagen}))::int as boven_norm,
      (count(*) filter (where t.status = 'toegewezen' and current_date - t.ingangsdatum > ${args.normDagen}))::int as open_boven_norm
    from (
      select *, coalesce(onderaannemer_id, organisatie_id) as leverend, begindatum - toewijzingsdatum as dagen
      from aanvullende_ondersteuning.toewijzing
      where gemeente_code = ${scope.gemeente} and status in ('toegewezen', 'gestart', 'gestopt', 'vervallen')
        and toewijzingsdatum between ${args.van}::date and ${args.tot}::date
    ) t
    group by grouping sets ((t.product), (t.wijk_code), (t.leverend))
    order by 1, 2`);
  const PER: WachttijdPer[] = ['PRODUCT', 'AANBIEDER', 'WIJK'];
  const lijsten = PER.map((per) => rows.filter((r) => r.per === per));
  const gezamenlijk = (veld: 'gestart' | 'boven_norm' | 'open_boven_norm') =>
    onderdrukLijstenMetGedeeldTotaal(lijsten.map((l) => l.map((r) => Number(r[veld]))), rule);
  const [gestart, bovenNorm, openBovenNorm] = [gezamenlijk('gestart'), gezamenlijk('boven_norm'), gezamenlijk('open_boven_norm')];
  const k = PER.indexOf(args.per);
  const telling = (t: OnderdrukteTelling): Telling => ({ waarde: t.waarde, onderdrukt: t.onderdrukt });
  return lijsten[k]!.map((r, i) => {
    const g = gestart[k]![i]!;
    return {
      groep: r.groep,
      gestart: telling(g),
      mediaanDagen: g.onderdrukt || r.mediaan === null ? null : Math.round(Number(r.mediaan)),
      p90Dagen: g.onderdrukt || r.p90 === null ? null : Math.round(Number(r.p90)),
      bovenNorm: telling(bovenNorm[k]![i]!),
      openBovenNorm: telling(openBovenNorm[k]![i]!),
    };
  });
}

interface Rij {
  per: WachttijdPer;
  groep: string;
  gestart: number;
  mediaan: number | string | null;
  p90: number | string | null;
  boven_norm: number;
  open_boven_norm: number;
}
