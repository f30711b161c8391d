import { and, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { hulpvraag, kamer } from '../../db/schema/sociale-basis';
import { countLoader, manyLoader } from '../shared/loaders';
import type { Scope } from '../shared/tokens';

export type KamerRow = typeof kamer.$inferSelect;
export type HulpvraagRow = typeof hulpvraag.$inferSelect;

export function createLoaders(db: Db, scope: Scope) {
  return {
    kamersPerWijk: manyLoader<KamerRow>(
      (codes) =>
        db.select().from(kamer)
          .where(and(eq(kamer.gemeenteCode, scope.gemeente), inArray(kamer.wijkCode, [...codes])))
          .orderBy(kamer.naam),
      (r) => r.wijkCode,
    ),
    openHulpvragenPerWijk: countLoader((codes) =>
      db.select({ key: hulpvraag.wijkCode, count: count() }).from(hulpvraag)
        .where(and(eq(hulpvraag.gemeenteCode, scope.gemeente), inArray(hulpvraag.wijkCode, [...codes]), eq(hulpvraag.status, 'OPEN')))
        .groupBy(hulpvraag.wijkCode),
    ),
    // Only the resident sees their own hulpvragen here; consent-based access for V-O-L
    // follows with the sociale basis issue.
    hulpvragenPerInwoner: manyLoader<HulpvraagRow>(
      (ids) =>
        scope.rol === 'inwoner'
          ? db.select().from(hulpvraag)
            .where(and(eq(hulpvraag.gemeenteCode, scope.gemeente), inArray(hulpvraag.inwonerId, [...ids]), eq(hulpvraag.inwonerId, scope.sub)))
            .orderBy(hulpvraag.aangemaaktOp)
          : Promise.resolve([]),
      (r) => r.inwonerId ?? '',
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function listKamers(db: Db, scope: Scope, gebied?: string): Promise<KamerRow[]> {
  const conditions: SQL[] = [eq(kamer.gemeenteCode, scope.gemeente)];
  if (gebied !== undefined) conditions.push(eq(kamer.gebied, gebied));
  return db.select().from(kamer).where(and(...conditions)).orderBy(kamer.gebied, kamer.naam);
}
