import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisatie, subsidie } from '../../db/schema/financien';
import { keyedLoaders, manyLoader, oneLoader } from '../shared/loaders';
import type { Scope } from '../shared/tokens';
import DataLoader from 'dataloader';

export type OrganisatieRow = typeof organisatie.$inferSelect;
export type SubsidieRow = typeof subsidie.$inferSelect;

export function createLoaders(db: Db, scope: Scope) {
  return {
    organisatie: oneLoader<OrganisatieRow>(
      (ids) => db.select().from(organisatie).where(and(eq(organisatie.gemeenteCode, scope.gemeente), inArray(organisatie.id, [...ids]))),
      (r) => r.id,
    ),
    subsidiesPerOrganisatie: keyedLoaders((jaar: number | null) =>
      manyLoader<SubsidieRow>(
        (ids) => {
          const where: SQL[] = [eq(subsidie.gemeenteCode, scope.gemeente), inArray(subsidie.organisatieId, [...ids])];
          if (jaar !== null) where.push(eq(subsidie.jaar, jaar));
          return db.select().from(subsidie).where(and(...where)).orderBy(subsidie.jaar, subsidie.id);
        },
        (r) => r.organisatieId,
      ),
    ),
    subsidieTotaalPerWijk: keyedLoaders((jaar: number) =>
      new DataLoader<string, bigint>(async (codes) => {
        const rows = await db
          .select({ key: subsidie.wijkCode, total: sql<string>`coalesce(sum(${subsidie.bedragCenten}), 0)::text` })
          .from(subsidie)
          .where(and(eq(subsidie.gemeenteCode, scope.gemeente), eq(subsidie.jaar, jaar), inArray(subsidie.wijkCode, [...codes])))
          .groupBy(subsidie.wijkCode);
        const byKey = new Map(rows.map((r) => [r.key, BigInt(r.total)]));
        return codes.map((c) => byKey.get(c) ?? 0n);
      }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function listOrganisaties(db: Db, scope: Scope, soort?: string): Promise<OrganisatieRow[]> {
  const where: SQL[] = [eq(organisatie.gemeenteCode, scope.gemeente)];
  if (soort) where.push(eq(organisatie.soort, soort));
  return db.select().from(organisatie).where(and(...where)).orderBy(organisatie.naam);
}
