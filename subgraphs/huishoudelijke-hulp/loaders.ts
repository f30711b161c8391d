import { and, countDistinct, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { indicatie } from '../../db/schema/huishoudelijke-hulp';
import { countLoader, manyLoader } from '../shared/loaders';
import { activeOn, inwonerVisible } from '../shared/relations';
import type { Scope } from '../shared/tokens';

export type IndicatieRow = typeof indicatie.$inferSelect;

const active = () => activeOn(indicatie.startdatum, indicatie.einddatum);

/** An hh-aanbieder sees only its own active indicaties; others per their relation to the resident. */
function indicatieScope(db: Db, scope: Scope): SQL {
  if (scope.rol === 'hh-medewerker') return and(eq(indicatie.organisatieId, scope.organisatie ?? ''), active())!;
  return inwonerVisible(db, scope, indicatie.inwonerId);
}

export function createLoaders(db: Db, scope: Scope) {
  return {
    indicatiesPerInwoner: manyLoader<IndicatieRow>(
      (ids) =>
        db.select().from(indicatie).where(and(
          eq(indicatie.gemeenteCode, scope.gemeente),
          inArray(indicatie.inwonerId, [...ids]),
          indicatieScope(db, scope),
        )).orderBy(indicatie.startdatum, indicatie.id),
      (r) => r.inwonerId,
    ),
    clientenPerWijk: countLoader((codes) =>
      db.select({ key: indicatie.wijkCode, count: countDistinct(indicatie.inwonerId) }).from(indicatie)
        .where(and(eq(indicatie.gemeenteCode, scope.gemeente), inArray(indicatie.wijkCode, [...codes]), active()))
        .groupBy(indicatie.wijkCode),
    ),
    clientenPerOrganisatie: countLoader((ids) =>
      db.select({ key: indicatie.organisatieId, count: countDistinct(indicatie.inwonerId) }).from(indicatie)
        .where(and(eq(indicatie.gemeenteCode, scope.gemeente), inArray(indicatie.organisatieId, [...ids]), active()))
        .groupBy(indicatie.organisatieId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
