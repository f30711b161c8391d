import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contract, organisatie, subsidie } from '../../db/schema/financien';
import { keyedLoaders, manyLoader, oneLoader } from '../shared/loaders';
import type { Scope } from '../shared/tokens';
import DataLoader from 'dataloader';

export type OrganisatieRow = typeof organisatie.$inferSelect;
export type SubsidieRow = typeof subsidie.$inferSelect;
export type ContractRow = typeof contract.$inferSelect;

export function createLoaders(db: Db, scope: Scope) {
  return {
    organisatie: oneLoader<OrganisatieRow>(
      (ids) => db.select().from(organisatie).where(and(eq(organisatie.gemeenteCode, scope.gemeente), inArray(organisatie.id, [...ids]))),
      (r) => r.id,
    ),
    contractenPerOrganisatie: manyLoader<ContractRow>(
      (ids) => db.select().from(contract).where(and(eq(contract.gemeenteCode, scope.gemeente), inArray(contract.organisatieId, [...ids])))
        .orderBy(contract.perceel, contract.ingangsdatum),
      (r) => r.organisatieId,
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

export function listContracten(db: Db, scope: Scope, perceel?: string): Promise<ContractRow[]> {
  const where: SQL[] = [eq(contract.gemeenteCode, scope.gemeente)];
  if (perceel) where.push(eq(contract.perceel, perceel));
  return db.select().from(contract).where(and(...where)).orderBy(contract.perceel, contract.rol, contract.organisatieId);
}
