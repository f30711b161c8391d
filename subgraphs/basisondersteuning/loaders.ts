import { and, countDistinct, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { doel, inwoner, ondersteuning, plan, regievoerder, wijk } from '../../db/schema/basisondersteuning';
import { countLoader, manyLoader, oneLoader } from '../shared/loaders';
import { activeOn, inwonerVisible } from '../shared/relations';
import type { Scope } from '../shared/tokens';

export type WijkRow = typeof wijk.$inferSelect;
export type InwonerRow = typeof inwoner.$inferSelect;
export type OndersteuningRow = typeof ondersteuning.$inferSelect;
export type PlanRow = typeof plan.$inferSelect;
export type RegievoerderRow = typeof regievoerder.$inferSelect;
export type DoelRow = typeof doel.$inferSelect;

/** Every statement is scoped to the caller's gemeente; personal rows also to its relation. */
export function createLoaders(db: Db, scope: Scope) {
  return {
    wijk: oneLoader<WijkRow>(
      (codes) => db.select().from(wijk).where(and(eq(wijk.gemeenteCode, scope.gemeente), inArray(wijk.code, [...codes]))),
      (r) => r.code,
    ),
    inwoner: oneLoader<InwonerRow>(
      (ids) =>
        db.select().from(inwoner).where(and(
          eq(inwoner.gemeenteCode, scope.gemeente),
          inArray(inwoner.id, [...ids]),
          inwonerVisible(db, scope, inwoner.id),
        )),
      (r) => r.id,
    ),
    ondersteuningen: manyLoader<OndersteuningRow>(
      (ids) =>
        db.select().from(ondersteuning).where(and(
          eq(ondersteuning.gemeenteCode, scope.gemeente),
          inArray(ondersteuning.inwonerId, [...ids]),
          inwonerVisible(db, scope, ondersteuning.inwonerId),
        )).orderBy(ondersteuning.startdatum, ondersteuning.id),
      (r) => r.inwonerId,
    ),
    /** Members of a household, each filtered by the caller's relation like any resident. */
    leden: manyLoader<InwonerRow>(
      (ids) =>
        db.select().from(inwoner).where(and(
          eq(inwoner.gemeenteCode, scope.gemeente),
          inArray(inwoner.huishoudenId, [...ids]),
          inwonerVisible(db, scope, inwoner.id),
        )).orderBy(inwoner.geboortedatum, inwoner.id),
      (r) => r.huishoudenId,
    ),
    planPerHuishouden: oneLoader<PlanRow>(
      (ids) => db.select().from(plan).where(and(eq(plan.gemeenteCode, scope.gemeente), inArray(plan.huishoudenId, [...ids]))),
      (r) => r.huishoudenId,
    ),
    regievoerder: oneLoader<RegievoerderRow>(
      (ids) => db.select().from(regievoerder).where(and(eq(regievoerder.gemeenteCode, scope.gemeente), inArray(regievoerder.id, [...ids]))),
      (r) => r.id,
    ),
    doelen: manyLoader<DoelRow>(
      (ids) => db.select().from(doel).where(and(eq(doel.gemeenteCode, scope.gemeente), inArray(doel.planId, [...ids]))).orderBy(doel.id),
      (r) => r.planId,
    ),
    clientenPerWijk: countLoader((codes) =>
      db.select({ key: ondersteuning.wijkCode, count: countDistinct(ondersteuning.inwonerId) })
        .from(ondersteuning)
        .where(and(
          eq(ondersteuning.gemeenteCode, scope.gemeente),
          inArray(ondersteuning.wijkCode, [...codes]),
          activeOn(ondersteuning.startdatum, ondersteuning.einddatum),
        ))
        .groupBy(ondersteuning.wijkCode),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function listWijken(db: Db, scope: Scope): Promise<WijkRow[]> {
  return db.select().from(wijk).where(eq(wijk.gemeenteCode, scope.gemeente)).orderBy(wijk.code);
}
