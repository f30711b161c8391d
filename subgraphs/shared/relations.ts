import { and, eq, exists, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { inwoner, lopendeBeschikking, ondersteuning, plan, regievoerder } from '../../db/schema/basisondersteuning';
import { toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { aanvraag as hhAanvraag, indicatie } from '../../db/schema/huishoudelijke-hulp';
import { hulpvraag, toestemming } from '../../db/schema/sociale-basis';
import type { Scope } from './tokens';

/**
 * Row-level rules: which residents a caller may see personal data of, as a SQL
 * predicate on a column holding an inwoner id. Applied in WHERE clauses, never after
 * loading. The relation tables of the pillars live in one database (one Postgres
 * schema per subgraph), so a subgraph checks another pillar's relation with EXISTS.
 *
 * - gemeente-consulent: every resident of its gemeente (the caller adds the gemeente filter);
 * - inwoner: only themself (sub = pseudonymous inwoner id);
 * - basis-medewerker: residents with an active basis ondersteuning of its organisation or a
 *   running pre-reorganisation beschikking it must re-assess (perspectiefgesprek), and, as regievoerder (sub = regievoerder id), every member of the households it directs;
 * - aanbieder-medewerker: residents with a running toewijzing (assigned or started, also
 *   before its ingangsdatum) to its organisation as hoofdaanbieder or as the onderaannemer
 *   the hoofdaanbieder handed it to;
 * - hh-medewerker: residents with an HH indicatie at its organisation that has not ended, or an HH
 *   aanvraag the joint intake assigned to it (it does the intake: toegang is mandated);
 * - vol-coordinator: residents who gave its organisation a consent that is not withdrawn;
 * - vrijwilliger: those residents, and only while the volunteer is matched to their hulpvraag;
 * - every other role: nobody.
 */
export const ACTIVE_TOEWIJZING_STATUSES = ['toegewezen', 'gestart'] as const;

// The EXISTS subqueries read their relation table under an alias: without it, a loader
// on the same table (e.g. ondersteuning) would compare the outer column with itself.
const relOndersteuning = alias(ondersteuning, 'rel_ondersteuning');
const relToewijzing = alias(toewijzing, 'rel_toewijzing');
const relIndicatie = alias(indicatie, 'rel_indicatie');
const relAanvraag = alias(hhAanvraag, 'rel_aanvraag');
const relToestemming = alias(toestemming, 'rel_toestemming');
const relPlan = alias(plan, 'rel_plan');
const relLid = alias(inwoner, 'rel_lid');
const relLopend = alias(lopendeBeschikking, 'rel_lopend');
const relRegievoerder = alias(regievoerder, 'rel_regievoerder');
const relHulpvraag = alias(hulpvraag, 'rel_hulpvraag');

/** The purpose a sociale basis consent is given for (DOELEN_PER_ROL of the vol roles). */
export const DOEL_SOCIALE_BASIS = 'sociale-basis';

/** A period with end date `end` (null = open) has not ended on `on` (default: today in the database). */
export const notEnded = (end: AnyPgColumn, on: SQL | string = sql`current_date`): SQL => or(isNull(end), gte(end, on))!;

const activeOn = (start: AnyPgColumn, end: AnyPgColumn): SQL => and(lte(start, sql`current_date`), notEnded(end))!;

type ToewijzingTable = typeof toewijzing | typeof relToewijzing;

export function activeToewijzing(t: ToewijzingTable = toewijzing): SQL {
  return and(inArray(t.status, [...ACTIVE_TOEWIJZING_STATUSES]), activeOn(t.ingangsdatum, t.einddatum))!;
}

/**
 * A toewijzing the provider works on: assigned or started and not past its end, also
 * before its ingangsdatum (the provider must reach the resident to start). Aggregates of
 * clients in care use `activeToewijzing` instead.
 */
export function lopendeToewijzing(t: ToewijzingTable = toewijzing): SQL {
  return and(inArray(t.status, [...ACTIVE_TOEWIJZING_STATUSES]), notEnded(t.einddatum))!;
}

export function toewijzingVoorOrganisatie(organisatie: string, t: ToewijzingTable = toewijzing): SQL {
  return or(eq(t.organisatieId, organisatie), eq(t.onderaannemerId, organisatie))!;
}

export function inwonerVisible(db: Db, scope: Scope, inwonerId: AnyPgColumn): SQL {
  const org = scope.organisatie ?? '';
  switch (scope.rol) {
    case 'gemeente-consulent':
      return sql`true`;
    case 'inwoner':
      return eq(inwonerId, scope.sub);
    case 'basis-medewerker':
      return or(
        exists(
          db.select({ one: sql`1` }).from(relOndersteuning).where(and(
            eq(relOndersteuning.inwonerId, inwonerId),
            eq(relOndersteuning.organisatieId, org),
            eq(relOndersteuning.gemeenteCode, scope.gemeente),
            activeOn(relOndersteuning.startdatum, relOndersteuning.einddatum),
          )),
        ),
        exists(
          db.select({ one: sql`1` }).from(relLopend).where(and(
            eq(relLopend.inwonerId, inwonerId),
            eq(relLopend.organisatieId, org),
            eq(relLopend.gemeenteCode, scope.gemeente),
            gte(relLopend.einddatum, sql`current_date`),
          )),
        ),
        isRegievoerder(db, scope, inwonerId),
      )!;
    case 'aanbieder-medewerker':
      return exists(
        db.select({ one: sql`1` }).from(relToewijzing).where(and(
          eq(relToewijzing.inwonerId, inwonerId),
          toewijzingVoorOrganisatie(org, relToewijzing),
          eq(relToewijzing.gemeenteCode, scope.gemeente),
          lopendeToewijzing(relToewijzing),
        )),
      );
    case 'hh-medewerker':
      return or(
        exists(
          db.select({ one: sql`1` }).from(relIndicatie).where(and(
            eq(relIndicatie.inwonerId, inwonerId),
            eq(relIndicatie.organisatieId, org),
            eq(relIndicatie.gemeenteCode, scope.gemeente),
            // Also an indicatie that starts later: the provider plans the first visit.
            notEnded(relIndicatie.einddatum),
          )),
        ),
        exists(
          db.select({ one: sql`1` }).from(relAanvraag).where(and(
            eq(relAanvraag.inwonerId, inwonerId),
            eq(relAanvraag.aanbiederId, org),
            eq(relAanvraag.gemeenteCode, scope.gemeente),
            eq(relAanvraag.status, 'TOEGEWEZEN'),
          )),
        ),
      )!;
    case 'vol-coordinator':
      return consentGiven(db, scope, inwonerId);
    case 'vrijwilliger':
      return and(
        consentGiven(db, scope, inwonerId),
        exists(
          db.select({ one: sql`1` }).from(relHulpvraag).where(and(
            eq(relHulpvraag.inwonerId, inwonerId),
            eq(relHulpvraag.vrijwilligerId, scope.sub),
            eq(relHulpvraag.gemeenteCode, scope.gemeente),
            eq(relHulpvraag.status, 'GEMATCHT'),
          )),
        ),
      )!;
    default:
      return sql`false`;
  }
}

export { activeOn };

/** A consent of the resident to the caller's organisation, for the sociale basis, not withdrawn. */
export function consentGiven(db: Db, scope: Scope, inwonerId: AnyPgColumn): SQL {
  return exists(
    db.select({ one: sql`1` }).from(relToestemming).where(and(
      eq(relToestemming.inwonerId, inwonerId),
      eq(relToestemming.organisatieId, scope.organisatie ?? ''),
      eq(relToestemming.gemeenteCode, scope.gemeente),
      eq(relToestemming.doel, DOEL_SOCIALE_BASIS),
      isNull(relToestemming.ingetrokkenOp),
    )),
  );
}

/**
 * The caller directs the plan of the resident's household (one household, one plan, one
 * regievoerder): its sub is the plan's regievoerder and its organisation the regievoerder's.
 */
export function isRegievoerder(db: Db, scope: Scope, inwonerId: AnyPgColumn): SQL {
  return exists(
    db.select({ one: sql`1` }).from(relPlan)
      .innerJoin(relLid, eq(relLid.huishoudenId, relPlan.huishoudenId))
      .innerJoin(relRegievoerder, eq(relRegievoerder.id, relPlan.regievoerderId))
      .where(and(
        eq(relLid.id, inwonerId), eq(relPlan.regievoerderId, scope.sub), eq(relPlan.gemeenteCode, scope.gemeente),
        eq(relRegievoerder.organisatieId, scope.organisatie ?? ''),
      )),
  );
}
