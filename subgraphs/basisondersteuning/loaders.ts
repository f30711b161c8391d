import { and, eq, exists, gte, inArray, not, sql, type SQL } from 'drizzle-orm';
import { getTableColumns as getColumns } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { figuurMemo } from '../shared/gebiedsfiguren';
import {
  beschikkingAanvraag, contactmoment, doel, inwoner, lopendeBeschikking, ondersteuning, plan, regievoerder, signaal, verwijzing, wijk,
} from '../../db/schema/basisondersteuning';
import { manyLoader, oneLoader } from '../shared/loaders';
import { activeOn, inwonerVisible, isRegievoerder } from '../shared/relations';
import type { Scope } from '../shared/tokens';

export type WijkRow = typeof wijk.$inferSelect;
export type InwonerRow = typeof inwoner.$inferSelect;
export type OndersteuningRow = typeof ondersteuning.$inferSelect;
export type PlanRow = typeof plan.$inferSelect;
export type RegievoerderRow = typeof regievoerder.$inferSelect;
export type DoelRow = typeof doel.$inferSelect;
export type ContactmomentRow = typeof contactmoment.$inferSelect;
export type LopendeBeschikkingRow = typeof lopendeBeschikking.$inferSelect & { perspectiefgesprekGevoerd: boolean };
export type VerwijzingRow = typeof verwijzing.$inferSelect;
export type AanvraagRow = typeof beschikkingAanvraag.$inferSelect;
export type SignaalRow = typeof signaal.$inferSelect;

/** Whether the resident has had a perspectiefgesprek (a column on lopende_beschikking rows). */
function perspectiefgesprekGevoerd(db: Db): SQL<boolean> {
  return sql<boolean>`${exists(db.select({ one: sql`1` }).from(contactmoment).where(and(
    eq(contactmoment.inwonerId, lopendeBeschikking.inwonerId), eq(contactmoment.soort, 'PERSPECTIEFGESPREK'),
  )))}`;
}

/** Signals: the gemeente-consulent, and a basis-medewerker only as regievoerder of the household. */
function signaalScope(db: Db, scope: Scope): SQL {
  if (scope.rol === 'gemeente-consulent') return sql`true`;
  if (scope.rol === 'basis-medewerker') return isRegievoerder(db, scope, signaal.inwonerId);
  return sql`false`;
}

/** The ondersteuning registrations a caller may read: those of the residents its relation allows. */
export function ondersteuningScope(db: Db, scope: Scope): SQL {
  return inwonerVisible(db, scope, ondersteuning.inwonerId);
}

/** Every statement is scoped to the caller's gemeente; personal rows also to its relation. */
export function createLoaders(db: Db, scope: Scope) {
  const loaders = {
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
          ondersteuningScope(db, scope),
        )).orderBy(ondersteuning.startdatum, ondersteuning.id),
      (r) => r.inwonerId,
    ),
    /** Members of a household, each filtered by the caller's relation like any resident. */
    /**
     * Every member of a household, whatever the caller may see: only for the processing
     * log (a household's plan is every member's data), never returned to a client.
     */
    ledenVoorLogboek: manyLoader<{ id: string; huishoudenId: string }>(
      (ids) => db.select({ id: inwoner.id, huishoudenId: inwoner.huishoudenId }).from(inwoner)
        .where(and(eq(inwoner.gemeenteCode, scope.gemeente), inArray(inwoner.huishoudenId, [...ids]))),
      (r) => r.huishoudenId,
    ),
    leden: manyLoader<InwonerRow>(
      (ids) =>
        db.select().from(inwoner).where(and(
          eq(inwoner.gemeenteCode, scope.gemeente),
          inArray(inwoner.huishoudenId, [...ids]),
          inwonerVisible(db, scope, inwoner.id),
        )).orderBy(inwoner.geboortedatum, inwoner.id),
      (r) => r.huishoudenId,
    ),
    /** Running support of the members of a household, each member filtered by the relation. */
    afgesprokenPerHuishouden: manyLoader<OndersteuningRow & { huishoudenId: string }>(
      async (ids) => {
        const rows = await db.select({ o: ondersteuning, huishoudenId: inwoner.huishoudenId }).from(ondersteuning)
          .innerJoin(inwoner, eq(inwoner.id, ondersteuning.inwonerId))
          .where(and(
            eq(ondersteuning.gemeenteCode, scope.gemeente), inArray(inwoner.huishoudenId, [...ids]),
            activeOn(ondersteuning.startdatum, ondersteuning.einddatum), inwonerVisible(db, scope, ondersteuning.inwonerId),
          )).orderBy(ondersteuning.startdatum, ondersteuning.id);
        return rows.map((r) => ({ ...r.o, huishoudenId: r.huishoudenId }));
      },
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
    contactmomenten: manyLoader<ContactmomentRow>(
      (ids) => db.select().from(contactmoment).where(and(
        eq(contactmoment.gemeenteCode, scope.gemeente), inArray(contactmoment.inwonerId, [...ids]), inwonerVisible(db, scope, contactmoment.inwonerId),
      )).orderBy(sql`${contactmoment.datum} desc`, contactmoment.id),
      (r) => r.inwonerId,
    ),
    lopendeBeschikkingen: manyLoader<LopendeBeschikkingRow>(
      (ids) => db.select({ ...getColumns(lopendeBeschikking), perspectiefgesprekGevoerd: perspectiefgesprekGevoerd(db) }).from(lopendeBeschikking).where(and(
        eq(lopendeBeschikking.gemeenteCode, scope.gemeente), inArray(lopendeBeschikking.inwonerId, [...ids]), inwonerVisible(db, scope, lopendeBeschikking.inwonerId),
      )).orderBy(lopendeBeschikking.einddatum),
      (r) => r.inwonerId,
    ),
    verwijzingen: manyLoader<VerwijzingRow>(
      (ids) => db.select().from(verwijzing).where(and(
        eq(verwijzing.gemeenteCode, scope.gemeente), inArray(verwijzing.inwonerId, [...ids]), inwonerVisible(db, scope, verwijzing.inwonerId),
      )).orderBy(verwijzing.op),
      (r) => r.inwonerId,
    ),
    aanvragen: manyLoader<AanvraagRow>(
      (ids) => db.select().from(beschikkingAanvraag).where(and(
        eq(beschikkingAanvraag.gemeenteCode, scope.gemeente), inArray(beschikkingAanvraag.inwonerId, [...ids]), inwonerVisible(db, scope, beschikkingAanvraag.inwonerId),
      )).orderBy(beschikkingAanvraag.aangevraagdOp, beschikkingAanvraag.id),
      (r) => r.inwonerId,
    ),
    signalen: manyLoader<SignaalRow>(
      (ids) => db.select().from(signaal).where(and(
        eq(signaal.gemeenteCode, scope.gemeente), inArray(signaal.inwonerId, [...ids]), signaalScope(db, scope),
      )).orderBy(signaal.op, signaal.id),
      (r) => r.inwonerId,
    ),
    /** Steering figures: one computation per figure set and arguments per request. */
    figuren: figuurMemo(),
  };
  // The figures' wijk indeling is the wijk list this subgraph loads anyway (one statement).
  return { ...loaders, wijkIndeling: () => listWijken(db, scope, loaders) };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** All wijken of the caller's gemeente, by gebied and code: one statement per request (primes the wijk loader). */
export function listWijken(db: Db, scope: Scope, loaders: Pick<Loaders, 'figuren' | 'wijk'>): Promise<WijkRow[]> {
  return loaders.figuren('wijken', async () => {
    const rows = await db.select().from(wijk).where(eq(wijk.gemeenteCode, scope.gemeente)).orderBy(wijk.gebied, wijk.code);
    for (const row of rows) loaders.wijk.prime(row.code, row);
    return rows;
  });
}

/**
 * Overgang: residents with a running pre-reorganisation beschikking and no
 * perspectiefgesprek yet, earliest deadline first. A basis-medewerker sees those its
 * organisation must re-assess; the consulent all of the gemeente.
 */
export function teVoerenPerspectiefgesprekken(db: Db, scope: Scope): Promise<LopendeBeschikkingRow[]> {
  const mine = scope.rol === 'gemeente-consulent' ? sql`true`
    : scope.rol === 'basis-medewerker' ? eq(lopendeBeschikking.organisatieId, scope.organisatie ?? '') : sql`false`;
  return db.select({ ...getColumns(lopendeBeschikking), perspectiefgesprekGevoerd: perspectiefgesprekGevoerd(db) }).from(lopendeBeschikking)
    .where(and(eq(lopendeBeschikking.gemeenteCode, scope.gemeente), gte(lopendeBeschikking.einddatum, sql`current_date`), mine, not(perspectiefgesprekGevoerd(db))))
    .orderBy(lopendeBeschikking.perspectiefgesprekUiterlijk, lopendeBeschikking.id);
}
