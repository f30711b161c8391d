/**
 * "In structural care during [van, tot]", per pillar, as SQL: one definition for the CAK
 * file (eigen bijdrage) and for realisatie (spending), so both count the same care.
 * Each period runs from `start` to `eind` (null = still running).
 */
import { and, eq, gte, inArray, isNotNull, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { ondersteuning } from '../../db/schema/basisondersteuning';
import { indicatie } from '../../db/schema/huishoudelijke-hulp';

/**
 * What counts as a structural support relationship in basisondersteuning. Not counted:
 * support for the carer (mantelzorgondersteuning, respijtzorg), schuldhulp and
 * jongerenwerk (general services); transport, beschermd wonen and shelter (not in this
 * platform) would not count either. Every aanvullend product and HH indication counts.
 */
export const BASIS_SOORTEN_MET_BIJDRAGE = ['PTO', 'TO1', 'TO2', 'TO3_BASIS', 'DB1', 'DB2_BASIS', 'DB4', 'DB5_BASIS', 'PERSOONLIJKE_VERZORGING'];

/** A date: a literal (YYYY-MM-DD) or a SQL expression, e.g. a column of a table of periods. */
export type Dag = string | SQL;

interface Pijler { start: AnyPgColumn; eind: AnyPgColumn; where: (gemeente: string, van: Dag, tot: Dag) => SQL }

const overlapt = (start: AnyPgColumn, eind: AnyPgColumn, van: Dag, tot: Dag) => and(lte(start, tot), or(isNull(eind), gte(eind, van)))!;

export const IN_ZORG = {
  basis: {
    start: ondersteuning.startdatum,
    eind: ondersteuning.einddatum,
    where: (g, van, tot) => and(eq(ondersteuning.gemeenteCode, g), inArray(ondersteuning.soort, BASIS_SOORTEN_MET_BIJDRAGE), overlapt(ondersteuning.startdatum, ondersteuning.einddatum, van, tot))!,
  },
  /** From the actual start (startbericht) to the actual end (stopbericht). */
  aanvullend: {
    start: toewijzing.begindatum,
    eind: toewijzing.stopdatum,
    where: (g, van, tot) => and(eq(toewijzing.gemeenteCode, g), isNotNull(toewijzing.begindatum), inArray(toewijzing.status, ['gestart', 'gestopt']),
      overlapt(toewijzing.begindatum, toewijzing.stopdatum, van, tot))!,
  },
  hh: {
    start: indicatie.startdatum,
    eind: indicatie.einddatum,
    where: (g, van, tot) => and(eq(indicatie.gemeenteCode, g), overlapt(indicatie.startdatum, indicatie.einddatum, van, tot))!,
  },
} satisfies Record<string, Pijler>;
