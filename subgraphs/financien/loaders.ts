import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { besparing, contract, herverdeling, herverdelingGebeurtenis, lumpsum, organisatie, subsidie } from '../../db/schema/financien';
import { eigenLumpsum, herverdeeld } from './begroting';
import { actueleBesparingen } from './taakstelling';
import { keyedLoaders, manyLoader, oneLoader } from '../shared/loaders';
import type { Scope } from '../shared/tokens';
import DataLoader from 'dataloader';
import { verzoekMemo } from '../shared/gebiedsfiguren';

export type OrganisatieRow = typeof organisatie.$inferSelect;
export type SubsidieRow = typeof subsidie.$inferSelect;
export type ContractRow = typeof contract.$inferSelect;

export type LumpsumRow = typeof lumpsum.$inferSelect;
export type HerverdelingRow = typeof herverdeling.$inferSelect;

export function createLoaders(db: Db, scope: Scope) {
  return {
    /** A lumpsum by id, within what the caller may see (a provider: its own). */
    lumpsum: oneLoader<LumpsumRow>(
      (ids) => db.select().from(lumpsum).where(and(eq(lumpsum.gemeenteCode, scope.gemeente), inArray(lumpsum.id, [...ids]), eigenLumpsum(scope))),
      (r) => r.id,
    ),
    /** The party of a lumpsum (organisation and perceel only), for herverdelingen the caller may see. */
    lumpsumPartij: oneLoader<{ id: string; organisatieId: string; perceel: string }>(
      (ids) => db.select({ id: lumpsum.id, organisatieId: lumpsum.organisatieId, perceel: lumpsum.perceel }).from(lumpsum)
        .where(and(eq(lumpsum.gemeenteCode, scope.gemeente), inArray(lumpsum.id, [...ids]))),
      (r) => r.id,
    ),
    /** Net of granted herverdelingen per lumpsum id: one statement per batch. */
    herverdeeld: new DataLoader<string, bigint>(async (ids) => {
      const net = await herverdeeld(db, scope.gemeente, ids);
      return ids.map((id) => net.get(id) ?? 0n);
    }),
    lumpsumsPerOrganisatie: keyedLoaders((jaar: number) =>
      manyLoader<LumpsumRow>(
        (ids) => db.select().from(lumpsum).where(and(eq(lumpsum.gemeenteCode, scope.gemeente), eq(lumpsum.jaar, jaar), inArray(lumpsum.organisatieId, [...ids]), eigenLumpsum(scope)))
          .orderBy(lumpsum.perceel),
        (r) => r.organisatieId,
      ),
    ),
    geschiedenis: manyLoader<typeof herverdelingGebeurtenis.$inferSelect>(
      (ids) => db.select().from(herverdelingGebeurtenis).where(and(eq(herverdelingGebeurtenis.gemeenteCode, scope.gemeente), inArray(herverdelingGebeurtenis.herverdelingId, [...ids])))
        .orderBy(herverdelingGebeurtenis.op, herverdelingGebeurtenis.id),
      (r) => r.herverdelingId,
    ),
    besparingenPerMaatregel: manyLoader<typeof besparing.$inferSelect>(
      (ids) => actueleBesparingen(db, scope.gemeente, ids).then((rows) => rows.sort((a, b) => a.jaar - b.jaar)),
      (r) => r.maatregelId,
    ),
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
    /**
     * Steering figures: one computation per figure set and arguments per client request,
     * shared by the gateway's separate fetches of Gemeente, Gebied and Wijk.
     */
    figuren: verzoekMemo(scope, 'financien'),
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

export function listLumpsums(db: Db, scope: Scope, jaar: number, perceel?: string): Promise<LumpsumRow[]> {
  return db.select().from(lumpsum)
    .where(and(eq(lumpsum.gemeenteCode, scope.gemeente), eq(lumpsum.jaar, jaar), perceel ? eq(lumpsum.perceel, perceel) : undefined, eigenLumpsum(scope)))
    .orderBy(lumpsum.perceel, lumpsum.organisatieId);
}

/** Herverdelingen of a year; a provider sees those in which its organisation is a party. */
export function listHerverdelingen(db: Db, scope: Scope, jaar: number): Promise<HerverdelingRow[]> {
  const own = eigenLumpsum(scope)
    ? sql`exists (select 1 from ${lumpsum} l where l.id in (${herverdeling.vanLumpsumId}, ${herverdeling.naarLumpsumId}) and l.organisatie_id = ${scope.organisatie ?? ''})`
    : undefined;
  return db.select().from(herverdeling).where(and(eq(herverdeling.gemeenteCode, scope.gemeente), eq(herverdeling.jaar, jaar), own)).orderBy(herverdeling.id);
}
