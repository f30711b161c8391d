import { and, count, countDistinct, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { countLoader, manyLoader } from '../shared/loaders';
import { activeToewijzing, inwonerVisible, toewijzingVoorOrganisatie } from '../shared/relations';
import type { Scope } from '../shared/tokens';

export type ToewijzingRow = typeof toewijzing.$inferSelect;

/**
 * Which toewijzingen of a visible resident the caller may see: a provider only those
 * to its own organisation (as hoofd- or onderaannemer) and only active ones; other
 * roles every toewijzing of the residents their relation allows.
 */
function toewijzingScope(db: Db, scope: Scope): SQL {
  if (scope.rol === 'aanbieder-medewerker') {
    return and(toewijzingVoorOrganisatie(scope.organisatie ?? ''), activeToewijzing())!;
  }
  return inwonerVisible(db, scope, toewijzing.inwonerId);
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
    clientenPerWijk: countLoader((codes) =>
      db.select({ key: toewijzing.wijkCode, count: countDistinct(toewijzing.inwonerId) }).from(toewijzing)
        .where(and(eq(toewijzing.gemeenteCode, scope.gemeente), inArray(toewijzing.wijkCode, [...codes]), activeToewijzing()))
        .groupBy(toewijzing.wijkCode),
    ),
    actievePerHoofdaanbieder: countLoader((ids) =>
      db.select({ key: toewijzing.organisatieId, count: count() }).from(toewijzing)
        .where(and(eq(toewijzing.gemeenteCode, scope.gemeente), inArray(toewijzing.organisatieId, [...ids]), activeToewijzing()))
        .groupBy(toewijzing.organisatieId),
    ),
    actievePerOnderaannemer: countLoader((ids) =>
      db.select({ key: toewijzing.onderaannemerId, count: count() }).from(toewijzing)
        .where(and(eq(toewijzing.gemeenteCode, scope.gemeente), inArray(toewijzing.onderaannemerId, [...ids]), activeToewijzing()))
        .groupBy(toewijzing.onderaannemerId) as Promise<Array<{ key: string; count: number }>>,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
