import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { verzoekMemo } from '../shared/gebiedsfiguren';
import { toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { countLoader, manyLoader } from '../shared/loaders';
import { activeToewijzing, inwonerVisible, lopendeToewijzing, toewijzingVoorOrganisatie } from '../shared/relations';
import type { Scope } from '../shared/tokens';
import { iwmoBerichten, type IwmoBericht } from './iwmo-berichten';
import { POSTVAK_STATUSES } from './berichten';

export type ToewijzingRow = typeof toewijzing.$inferSelect;

/**
 * Which toewijzingen of a visible resident the caller may see: a provider only those
 * to its own organisation (as hoofd- or onderaannemer) and only running ones; other
 * roles every toewijzing of the residents their relation allows.
 */
export function toewijzingScope(db: Db, scope: Scope): SQL {
  if (scope.rol === 'aanbieder-medewerker') {
    return and(toewijzingVoorOrganisatie(scope.organisatie ?? ''), lopendeToewijzing())!;
  }
  return inwonerVisible(db, scope, toewijzing.inwonerId);
}

/**
 * The message inbox: a provider receives every message of the toewijzingen assigned to its
 * own organisation, also after they stopped or lapsed (it is the other party of each
 * message and must get the stop's retour after the care ended), but not of a verzoek the
 * gemeente has not granted (yet); other roles as `toewijzingScope`.
 */
export function postvakScope(db: Db, scope: Scope): SQL {
  if (scope.rol === 'aanbieder-medewerker') return and(toewijzingVoorOrganisatie(scope.organisatie ?? ''), inArray(toewijzing.status, POSTVAK_STATUSES))!;
  return toewijzingScope(db, scope);
}

export function createLoaders(db: Db, scope: Scope) {
  return {
    toewijzingenPerInwoner: manyLoader<ToewijzingRow>(
      (ids) =>
        db.select().from(toewijzing).where(and(
          eq(toewijzing.gemeenteCode, scope.gemeente),
          inArray(toewijzing.inwonerId, [...ids]),
          toewijzingScope(db, scope),
        )).orderBy(toewijzing.ingangsdatum, toewijzing.id),
      (r) => r.inwonerId,
    ),
    // The iWmo messages of each toewijzing, visible as the toewijzing itself: one statement per batch.
    iwmoBerichtenPerToewijzing: manyLoader<IwmoBericht>(
      (ids) => iwmoBerichten(db, scope.gemeente, toewijzingScope(db, scope), { toewijzingen: ids }),
      (b) => b.toewijzingId,
    ),
    /** Steering figures: one computation per figure set and arguments per request. */
    figuren: verzoekMemo(scope, 'aanvullende-ondersteuning'),
    // An organisation counts a toewijzing as hoofdaanbieder or as onderaannemer: both
    // sides in one statement (UNION ALL), summed per organisation by the loader.
    actievePerOrganisatie: countLoader(async (ids) => {
      const where = (column: typeof toewijzing.organisatieId | typeof toewijzing.onderaannemerId) =>
        and(eq(toewijzing.gemeenteCode, scope.gemeente), inArray(column, [...ids]), activeToewijzing());
      const rows = await unionAll(
        db.select({ key: toewijzing.organisatieId, count: count() }).from(toewijzing).where(where(toewijzing.organisatieId)).groupBy(toewijzing.organisatieId),
        db.select({ key: sql<string>`${toewijzing.onderaannemerId}`, count: count() }).from(toewijzing).where(where(toewijzing.onderaannemerId)).groupBy(toewijzing.onderaannemerId),
      );
      const totals = new Map<string, number>();
      for (const r of rows) totals.set(r.key, (totals.get(r.key) ?? 0) + Number(r.count));
      return [...totals].map(([key, n]) => ({ key, count: n }));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
