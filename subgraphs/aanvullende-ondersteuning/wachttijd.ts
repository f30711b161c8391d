import { and, between, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { badUserInput } from '../shared/errors';
import { suppress, type SuppressionRule } from '../shared/suppression';
import type { Scope } from '../shared/tokens';

export type WachttijdPer = 'PRODUCT' | 'AANBIEDER' | 'WIJK';

const DAY = 86_400_000;

/**
 * Waiting time from toewijzing to startbericht, per product, delivering provider
 * (the onderaannemer where handed on) or wijk, for toewijzingen granted in [van, tot].
 * Counts are suppressed below the threshold; a suppressed group shows no median or p90,
 * because those would reveal individual waits.
 */
export async function wachttijden(db: Db, scope: Scope, rule: SuppressionRule, args: { van: string; tot: string; per: WachttijdPer; normDagen: number }) {
  if (args.van > args.tot) throw badUserInput('tot', 'tot must not be before van');
  if (Date.parse(args.tot) - Date.parse(args.van) > 5 * 366 * DAY) throw badUserInput('tot', 'the period may be at most five years');
  if (!Number.isInteger(args.normDagen) || args.normDagen < 1 || args.normDagen > 365) throw badUserInput('normDagen', 'normDagen must be 1 to 365');
  const key = args.per === 'PRODUCT' ? sql<string>`${toewijzing.product}`
    : args.per === 'WIJK' ? sql<string>`${toewijzing.wijkCode}`
      : sql<string>`coalesce(${toewijzing.onderaannemerId}, ${toewijzing.organisatieId})`;
  const days = sql`(${toewijzing.begindatum} - ${toewijzing.toewijzingsdatum})`;
  const rows = await db.select({
    groep: key,
    gestart: sql<number>`count(${toewijzing.begindatum})::int`,
    mediaan: sql<number | null>`percentile_cont(0.5) within group (order by ${days})`,
    p90: sql<number | null>`percentile_cont(0.9) within group (order by ${days})`,
    bovenNorm: sql<number>`count(*) filter (where ${days} > ${args.normDagen})::int`,
    openBovenNorm: sql<number>`count(*) filter (where ${toewijzing.status} = 'toegewezen' and current_date - ${toewijzing.ingangsdatum} > ${args.normDagen})::int`,
  }).from(toewijzing).where(and(
    eq(toewijzing.gemeenteCode, scope.gemeente),
    inArray(toewijzing.status, ['toegewezen', 'gestart', 'gestopt', 'vervallen']),
    between(toewijzing.toewijzingsdatum, args.van, args.tot),
  )).groupBy(key).orderBy(key);
  return rows.map((r) => {
    const gestart = suppress(Number(r.gestart), rule);
    return {
      groep: r.groep,
      gestart,
      mediaanDagen: gestart.onderdrukt || r.mediaan === null ? null : Math.round(Number(r.mediaan)),
      p90Dagen: gestart.onderdrukt || r.p90 === null ? null : Math.round(Number(r.p90)),
      bovenNorm: suppress(Number(r.bovenNorm), rule),
      openBovenNorm: suppress(Number(r.openBovenNorm), rule),
    };
  });
}
