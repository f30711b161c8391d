import { and, eq, exists, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { ondersteuning } from '../../db/schema/basisondersteuning';
import { toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { indicatie } from '../../db/schema/huishoudelijke-hulp';
import type { Scope } from './tokens';

/**
 * Row-level rules: which residents a caller may see personal data of, as a SQL
 * predicate on a column holding an inwoner id. Applied in WHERE clauses, never after
 * loading. The relation tables of the pillars live in one database (one Postgres
 * schema per subgraph), so a subgraph checks another pillar's relation with EXISTS.
 *
 * - gemeente-consulent: every resident of its gemeente (the caller adds the gemeente filter);
 * - inwoner: only themself (sub = pseudonymous inwoner id);
 * - basis-medewerker: residents with an active basis ondersteuning of its organisation;
 * - aanbieder-medewerker: residents with an active toewijzing to its organisation as
 *   hoofdaanbieder or as the onderaannemer the hoofdaanbieder handed it to;
 * - hh-medewerker: residents with an active HH indicatie at its organisation;
 * - every other role: nobody.
 */
export const ACTIVE_TOEWIJZING_STATUSES = ['toegewezen', 'gestart'] as const;

const activeOn = (start: AnyPgColumn, end: AnyPgColumn): SQL =>
  and(lte(start, sql`current_date`), or(isNull(end), gte(end, sql`current_date`)))!;

export function activeToewijzing(): SQL {
  return and(inArray(toewijzing.status, [...ACTIVE_TOEWIJZING_STATUSES]), activeOn(toewijzing.ingangsdatum, toewijzing.einddatum))!;
}

export function toewijzingVoorOrganisatie(organisatie: string): SQL {
  return or(eq(toewijzing.organisatieId, organisatie), eq(toewijzing.onderaannemerId, organisatie))!;
}

export function inwonerVisible(db: Db, scope: Scope, inwonerId: AnyPgColumn): SQL {
  const org = scope.organisatie ?? '';
  switch (scope.rol) {
    case 'gemeente-consulent':
      return sql`true`;
    case 'inwoner':
      return eq(inwonerId, scope.sub);
    case 'basis-medewerker':
      return exists(
        db.select({ one: sql`1` }).from(ondersteuning).where(and(
          eq(ondersteuning.inwonerId, inwonerId),
          eq(ondersteuning.organisatieId, org),
          eq(ondersteuning.gemeenteCode, scope.gemeente),
          activeOn(ondersteuning.startdatum, ondersteuning.einddatum),
        )),
      );
    case 'aanbieder-medewerker':
      return exists(
        db.select({ one: sql`1` }).from(toewijzing).where(and(
          eq(toewijzing.inwonerId, inwonerId),
          toewijzingVoorOrganisatie(org),
          eq(toewijzing.gemeenteCode, scope.gemeente),
          activeToewijzing(),
        )),
      );
    case 'hh-medewerker':
      return exists(
        db.select({ one: sql`1` }).from(indicatie).where(and(
          eq(indicatie.inwonerId, inwonerId),
          eq(indicatie.organisatieId, org),
          eq(indicatie.gemeenteCode, scope.gemeente),
          activeOn(indicatie.startdatum, indicatie.einddatum),
        )),
      );
    default:
      return sql`false`;
  }
}

export { activeOn };
