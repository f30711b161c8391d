import { and, eq, exists, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { aanvraag, capaciteit, hulp, indicatie, koppeling, normregel, overdracht, overdrachtRegel } from '../../db/schema/huishoudelijke-hulp';
import { verzoekMemo } from '../shared/gebiedsfiguren';
import { manyLoader, oneLoader } from '../shared/loaders';
import { inwonerVisible, notEnded } from '../shared/relations';
import type { Scope } from '../shared/tokens';
import DataLoader from 'dataloader';
import { today } from '../shared/scalars';
import { bezetting } from './toegang';

export type IndicatieRow = typeof indicatie.$inferSelect;
export type AanvraagRow = typeof aanvraag.$inferSelect;
export type OverdrachtRow = typeof overdracht.$inferSelect;
export type OverdrachtRegelRow = typeof overdrachtRegel.$inferSelect;
export type HulpRow = typeof hulp.$inferSelect;

/** An hh-aanbieder sees only its own indicaties that have not ended (also one starting later); others per their relation. */
export function indicatieScope(db: Db, scope: Scope): SQL {
  if (scope.rol === 'hh-medewerker') return and(eq(indicatie.organisatieId, scope.organisatie ?? ''), notEnded(indicatie.einddatum))!;
  return inwonerVisible(db, scope, indicatie.inwonerId);
}

/** Aanvragen: the consulent all, a provider those assigned to it, the resident its own, a basis worker those of its residents. */
export function aanvraagScope(db: Db, scope: Scope): SQL {
  switch (scope.rol) {
    case 'gemeente-consulent': return sql`true`;
    // Its own aanvragen, of residents it still serves (or must take in): not those of former
    // clients, who may have moved to another provider with their helper.
    case 'hh-medewerker': return and(eq(aanvraag.aanbiederId, scope.organisatie ?? ''), inwonerVisible(db, scope, aanvraag.inwonerId))!;
    case 'inwoner': return eq(aanvraag.inwonerId, scope.sub);
    case 'basis-medewerker': return inwonerVisible(db, scope, aanvraag.inwonerId);
    default: return sql`false`;
  }
}

/**
 * Overdrachten: the municipality all; a provider those it gave, received or took
 * clients from. Report lines: a provider only those about clients that are (now) its
 * own: moved to it, or staying with it.
 */
export function overdrachtScope(scope: Scope): SQL {
  if (scope.rol !== 'hh-medewerker') return sql`true`;
  const org = scope.organisatie ?? '';
  return or(
    eq(overdracht.vanAanbiederId, org), eq(overdracht.naarAanbiederId, org),
    // A placement has no single receiver: each provider that received clients.
    sql`exists (select 1 from ${overdrachtRegel} r where r.overdracht_id = ${overdracht.id} and r.naar_aanbieder_id = ${org})`,
  )!;
}

function regelScope(scope: Scope): SQL {
  if (scope.rol === 'gemeente-consulent') return sql`true`;
  if (scope.rol !== 'hh-medewerker') return sql`false`;
  const org = scope.organisatie ?? '';
  return or(
    eq(overdrachtRegel.naarAanbiederId, org),
    and(isNull(overdrachtRegel.naarAanbiederId), exists(
      // The client stayed (or could not be placed): a line for the provider it stayed with.
      sql`(select 1 from ${overdracht} o where o.id = ${overdrachtRegel.overdrachtId} and o.van_aanbieder_id = ${org})`,
    )),
  )!;
}

export function createLoaders(db: Db, scope: Scope) {
  const g = eq(indicatie.gemeenteCode, scope.gemeente);
  return {
    indicatiesPerInwoner: manyLoader<IndicatieRow>(
      (ids) => db.select().from(indicatie).where(and(g, inArray(indicatie.inwonerId, [...ids]), indicatieScope(db, scope)))
        .orderBy(indicatie.startdatum, indicatie.id),
      (r) => r.inwonerId,
    ),
    indicatie: oneLoader<IndicatieRow>(
      (ids) => db.select().from(indicatie).where(and(g, inArray(indicatie.id, [...ids]), indicatieScope(db, scope))),
      (r) => r.id,
    ),
    /** The active pair of a resident: the helper's id and organisation. */
    vasteHulp: oneLoader<{ inwonerId: string; id: string; organisatieId: string }>(
      (ids) => db.select({ inwonerId: koppeling.inwonerId, id: hulp.id, organisatieId: hulp.organisatieId }).from(koppeling)
        .innerJoin(hulp, eq(hulp.id, koppeling.hulpId))
        .where(and(eq(koppeling.gemeenteCode, scope.gemeente), inArray(koppeling.inwonerId, [...ids]), isNull(koppeling.tot))),
      (r) => r.inwonerId,
    ),
    hulp: oneLoader<HulpRow>(
      (ids) => db.select().from(hulp).where(and(eq(hulp.gemeenteCode, scope.gemeente), inArray(hulp.id, [...ids]))),
      (r) => r.id,
    ),
    normregelsPerJaar: manyLoader<typeof normregel.$inferSelect>(
      (jaren) => db.select().from(normregel).where(and(eq(normregel.gemeenteCode, scope.gemeente), inArray(normregel.jaar, jaren.map(Number))))
        .orderBy(normregel.activiteit),
      (r) => String(r.jaar),
    ),
    regelsPerOverdracht: manyLoader<OverdrachtRegelRow>(
      (ids) => db.select().from(overdrachtRegel).where(and(eq(overdrachtRegel.gemeenteCode, scope.gemeente), inArray(overdrachtRegel.overdrachtId, [...ids]), regelScope(scope)))
        .orderBy(overdrachtRegel.inwonerId),
      (r) => r.overdrachtId,
    ),
    /** Per overdracht: [moved, pairs not kept], over all lines (shown suppressed). */
    overdrachtTellingen: oneLoader<{ id: string; overgezet: number; nietBehouden: number }>(
      (ids) => db.select({
        id: overdrachtRegel.overdrachtId,
        overgezet: sql<number>`count(${overdrachtRegel.naarAanbiederId})::int`,
        nietBehouden: sql<number>`count(*) filter (where not ${overdrachtRegel.koppelingBehouden})::int`,
      }).from(overdrachtRegel).where(and(eq(overdrachtRegel.gemeenteCode, scope.gemeente), inArray(overdrachtRegel.overdrachtId, [...ids]))).groupBy(overdrachtRegel.overdrachtId),
      (r) => r.id,
    ),
    capaciteit: oneLoader<{ organisatieId: string; maxClienten: number }>(
      (ids) => db.select({ organisatieId: capaciteit.organisatieId, maxClienten: capaciteit.maxClienten }).from(capaciteit)
        .where(and(eq(capaciteit.gemeenteCode, scope.gemeente), inArray(capaciteit.organisatieId, [...ids]))),
      (r) => r.organisatieId,
    ),
    /** Places taken per provider today, as the joint intake counts them. */
    bezet: new DataLoader<string, number>(async (ids) => {
      const load = await bezetting(db, scope.gemeente, ids, today());
      return ids.map((id) => load.get(id) ?? 0);
    }),
    /** Steering figures: one computation per figure set and arguments per request. */
    figuren: verzoekMemo(scope, 'huishoudelijke-hulp'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
