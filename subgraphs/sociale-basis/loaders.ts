import { and, arrayContains, eq, gte, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { hulpvraag, hulpvraagGebeurtenis, kamer, roosterItem, samenwerking, toestemming, vrijwilliger } from '../../db/schema/sociale-basis';
import { verzoekMemo } from '../shared/gebiedsfiguren';
import { manyLoader, oneLoader } from '../shared/loaders';
import { consentGiven, inwonerVisible } from '../shared/relations';
import type { Scope } from '../shared/tokens';
import DataLoader from 'dataloader';

export type KamerRow = typeof kamer.$inferSelect;
export type HulpvraagRow = typeof hulpvraag.$inferSelect;
export type SamenwerkingRow = typeof samenwerking.$inferSelect;
export type RoosterRow = typeof roosterItem.$inferSelect;
export type VrijwilligerRow = typeof vrijwilliger.$inferSelect;
export type ToestemmingRow = typeof toestemming.$inferSelect;
export type GebeurtenisRow = typeof hulpvraagGebeurtenis.$inferSelect;

const lopend = () => or(isNull(samenwerking.tot), gte(samenwerking.tot, sql`current_date`))!;

/** Which volunteers a caller sees: a coordinator all of its gemeente, a volunteer only themself. */
function vrijwilligerScope(scope: Scope): SQL {
  if (scope.rol === 'vol-coordinator') return sql`true`;
  if (scope.rol === 'vrijwilliger') return eq(vrijwilliger.id, scope.sub);
  return sql`false`;
}

/**
 * Which hulpvragen a caller sees: a coordinator all, a volunteer the open ones and its
 * own, the basisondersteuning the escalated ones, a resident their own.
 */
export function hulpvraagScope(scope: Scope): SQL {
  if (scope.rol === 'vol-coordinator') return sql`true`;
  if (scope.rol === 'vrijwilliger') return or(inArray(hulpvraag.status, ['OPEN', 'TERUGGEZET']), eq(hulpvraag.vrijwilligerId, scope.sub))!;
  if (scope.rol === 'inwoner') return eq(hulpvraag.inwonerId, scope.sub);
  // Escalated questions reach the basisondersteuning ("opschalen").
  if (scope.rol === 'basis-medewerker') return eq(hulpvraag.status, 'OPGESCHAALD');
  return sql`false`;
}

export function createLoaders(db: Db, scope: Scope) {
  const g = scope.gemeente;
  return {
    kamer: oneLoader<KamerRow>((ids) => db.select().from(kamer).where(and(eq(kamer.gemeenteCode, g), inArray(kamer.id, [...ids]))), (r) => r.id),
    kamersPerWijk: manyLoader<KamerRow>(
      (codes) => db.select().from(kamer).where(and(eq(kamer.gemeenteCode, g), inArray(kamer.wijkCode, [...codes]))).orderBy(kamer.naam),
      (r) => r.wijkCode,
    ),
    /** Steering figures: one computation per figure set and arguments per request. */
    figuren: verzoekMemo(scope, 'sociale-basis'),
    partnersPerKamer: manyLoader<SamenwerkingRow>(
      (ids) => db.select().from(samenwerking).where(and(eq(samenwerking.gemeenteCode, g), inArray(samenwerking.kamerId, [...ids]), lopend()))
        .orderBy(samenwerking.sinds, samenwerking.id),
      (r) => r.kamerId,
    ),
    samenwerkingenPerOrganisatie: manyLoader<SamenwerkingRow>(
      (ids) => db.select().from(samenwerking).where(and(eq(samenwerking.gemeenteCode, g), inArray(samenwerking.organisatieId, [...ids]), lopend()))
        .orderBy(samenwerking.kamerId),
      (r) => r.organisatieId,
    ),
    roosterPerKamer: manyLoader<RoosterRow>(
      (ids) => db.select().from(roosterItem).where(and(eq(roosterItem.gemeenteCode, g), inArray(roosterItem.kamerId, [...ids])))
        .orderBy(roosterItem.weekdag, roosterItem.begintijd, roosterItem.id),
      (r) => r.kamerId,
    ),
    roosterPerGebied: manyLoader<RoosterRow & { gebied: string }>(
      async (gebieden) => {
        const rows = await db.select({ item: roosterItem, gebied: kamer.gebied }).from(roosterItem)
          .innerJoin(kamer, eq(kamer.id, roosterItem.kamerId))
          .where(and(eq(roosterItem.gemeenteCode, g), inArray(kamer.gebied, [...gebieden])))
          .orderBy(roosterItem.weekdag, roosterItem.begintijd, roosterItem.id);
        return rows.map((r) => ({ ...r.item, gebied: r.gebied }));
      },
      (r) => r.gebied,
    ),
    vrijwilliger: oneLoader<VrijwilligerRow>(
      (ids) => db.select().from(vrijwilliger).where(and(eq(vrijwilliger.gemeenteCode, g), inArray(vrijwilliger.id, [...ids]), vrijwilligerScope(scope))),
      (r) => r.id,
    ),
    hulpvragenPerInwoner: manyLoader<HulpvraagRow>(
      (ids) =>
        scope.rol === 'inwoner'
          ? db.select().from(hulpvraag)
            .where(and(eq(hulpvraag.gemeenteCode, g), inArray(hulpvraag.inwonerId, [...ids]), eq(hulpvraag.inwonerId, scope.sub)))
            .orderBy(hulpvraag.aangemaaktOp)
          : Promise.resolve([]),
      (r) => r.inwonerId ?? '',
    ),
    toestemmingenPerInwoner: manyLoader<ToestemmingRow>(
      (ids) => {
        const mine = scope.rol === 'inwoner' ? eq(toestemming.inwonerId, scope.sub)
          : scope.rol === 'vol-coordinator' ? and(eq(toestemming.organisatieId, scope.organisatie ?? ''), isNull(toestemming.ingetrokkenOp))! : sql`false`;
        return db.select().from(toestemming).where(and(eq(toestemming.gemeenteCode, g), inArray(toestemming.inwonerId, [...ids]), mine))
          .orderBy(toestemming.gegevenOp);
      },
      (r) => r.inwonerId,
    ),
    geschiedenis: manyLoader<GebeurtenisRow>(
      (ids) => db.select().from(hulpvraagGebeurtenis).where(and(eq(hulpvraagGebeurtenis.gemeenteCode, g), inArray(hulpvraagGebeurtenis.hulpvraagId, [...ids])))
        .orderBy(hulpvraagGebeurtenis.op, hulpvraagGebeurtenis.id),
      (r) => r.hulpvraagId,
    ),
    /**
     * Per hulpvraag id: whether the caller may see the resident behind it, in SQL: the
     * resident themself, or a consent in force to the caller's organisation together
     * with the caller's relation; a volunteer only on the hulpvraag it is matched to.
     */
    inwonerZichtbaar: new DataLoader<string, boolean>(async (ids) => {
      const rule = scope.rol === 'inwoner'
        ? inwonerVisible(db, scope, hulpvraag.inwonerId)
        : and(
          consentGiven(db, scope, hulpvraag.inwonerId),
          inwonerVisible(db, scope, hulpvraag.inwonerId),
          scope.rol === 'vrijwilliger' ? and(eq(hulpvraag.status, 'GEMATCHT'), eq(hulpvraag.vrijwilligerId, scope.sub)) : undefined,
        )!;
      const rows = await db.select({ id: hulpvraag.id }).from(hulpvraag)
        .where(and(eq(hulpvraag.gemeenteCode, g), inArray(hulpvraag.id, [...ids]), isNotNull(hulpvraag.inwonerId), rule));
      const visible = new Set(rows.map((r) => r.id));
      return ids.map((id) => visible.has(id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function listKamers(db: Db, scope: Scope, gebied?: string): Promise<KamerRow[]> {
  const conditions: SQL[] = [eq(kamer.gemeenteCode, scope.gemeente)];
  if (gebied !== undefined) conditions.push(eq(kamer.gebied, gebied));
  return db.select().from(kamer).where(and(...conditions)).orderBy(kamer.gebied, kamer.naam);
}

export function listHulpvragen(db: Db, scope: Scope, filter: { wijk?: string; status?: string }): Promise<HulpvraagRow[]> {
  const conditions: SQL[] = [eq(hulpvraag.gemeenteCode, scope.gemeente), hulpvraagScope(scope)];
  if (filter.wijk) conditions.push(eq(hulpvraag.wijkCode, filter.wijk));
  if (filter.status) conditions.push(eq(hulpvraag.status, filter.status));
  return db.select().from(hulpvraag).where(and(...conditions)).orderBy(hulpvraag.aangemaaktOp, hulpvraag.id);
}

export function listVrijwilligers(db: Db, scope: Scope, filter: { kamer?: string; vaardigheid?: string }): Promise<VrijwilligerRow[]> {
  const conditions: SQL[] = [eq(vrijwilliger.gemeenteCode, scope.gemeente), vrijwilligerScope(scope)];
  if (filter.kamer) conditions.push(eq(vrijwilliger.kamerId, filter.kamer));
  if (filter.vaardigheid) conditions.push(arrayContains(vrijwilliger.vaardigheden, [filter.vaardigheid]));
  return db.select().from(vrijwilliger).where(and(...conditions)).orderBy(vrijwilliger.achternaam, vrijwilliger.id);
}
