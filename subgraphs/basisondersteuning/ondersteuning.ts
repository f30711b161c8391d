import { randomUUID } from 'node:crypto';
import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ondersteuning, ondersteuningMutatie } from '../../db/schema/basisondersteuning';
import { conflict, notFound } from '../shared/errors';
import { findInwoner } from '../shared/residents';
import type { Scope } from '../shared/tokens';
import { datum, identifier, inwonerIdentifier, nietVoor } from '../shared/validate';
import { registreerWijzigingen } from '../shared/wijzigingen';
import type { OndersteuningRow } from './loaders';

export interface OndersteuningInput {
  inwoner: string;
  soort: string;
  startdatum: string;
  einddatum?: string | null;
}

const FAR_FUTURE = '9999-12-31';

async function logMutatie(tx: Db, scope: Scope, ondersteuningId: string, soort: string) {
  await tx.insert(ondersteuningMutatie).values({
    id: `om-${randomUUID()}`, gemeenteCode: scope.gemeente, ondersteuningId, soort, door: scope.sub, op: new Date().toISOString(),
  });
}

/**
 * Registers a structural support relationship of the caller's organisation. The
 * resident's row is locked while checking for an overlapping identical registration,
 * so two concurrent registrations cannot both pass the check.
 */
export async function registreren(db: Db, scope: Scope, input: OndersteuningInput): Promise<OndersteuningRow> {
  const inwonerId = inwonerIdentifier('input.inwoner', input.inwoner);
  datum('input.startdatum', input.startdatum);
  const einddatum = input.einddatum == null ? null
    : nietVoor('input.einddatum', datum('input.einddatum', input.einddatum), input.startdatum, 'input.startdatum', { strikt: true });
  const organisatieId = scope.organisatie!;
  return db.transaction(async (tx) => {
    const resident = await findInwoner(tx, scope, 'input.inwoner', inwonerId, { lock: true });
    const [overlap] = await tx.select({ id: ondersteuning.id })
      .from(ondersteuning).where(and(
        eq(ondersteuning.gemeenteCode, scope.gemeente),
        eq(ondersteuning.inwonerId, inwonerId),
        eq(ondersteuning.organisatieId, organisatieId),
        eq(ondersteuning.soort, input.soort),
        // Closed periods [start, end] (as activeOn reads them) overlap when each starts on or before the other ends.
        lte(ondersteuning.startdatum, einddatum ?? FAR_FUTURE),
        or(isNull(ondersteuning.einddatum), gte(ondersteuning.einddatum, sql`${input.startdatum}::date`)),
      )).limit(1);
    if (overlap) {
      throw conflict(`An identical ${input.soort} registration of your organisation overlaps this period`);
    }
    const [row] = await tx.insert(ondersteuning).values({
      id: `ond-${randomUUID()}`, gemeenteCode: scope.gemeente, inwonerId, wijkCode: resident.wijkCode, organisatieId,
      soort: input.soort, startdatum: input.startdatum, einddatum,
    }).returning();
    await logMutatie(tx, scope, row!.id, 'geregistreerd');
    await registreerWijzigingen(tx, scope.gemeente, [{ entiteit: 'ondersteuning', id: row!.id, soort: 'AANGEMAAKT' }]);
    return row!;
  });
}

/** Ends a running registration of the caller's organisation. */
export async function beeindigen(db: Db, scope: Scope, idInput: string, einddatum: string): Promise<OndersteuningRow> {
  const id = identifier('id', idInput);
  datum('einddatum', einddatum);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(ondersteuning)
      .where(and(eq(ondersteuning.gemeenteCode, scope.gemeente), eq(ondersteuning.id, id), eq(ondersteuning.organisatieId, scope.organisatie ?? ''))).for('update');
    if (!row) throw notFound('Ondersteuning not found');
    if (row.einddatum !== null) throw conflict(`Ondersteuning already ended on ${row.einddatum}`, { einddatum: row.einddatum });
    nietVoor('einddatum', einddatum, row.startdatum, `the startdatum ${row.startdatum}`, { strikt: true });
    const [updated] = await tx.update(ondersteuning).set({ einddatum }).where(eq(ondersteuning.id, id)).returning();
    await logMutatie(tx, scope, id, 'beeindigd');
    await registreerWijzigingen(tx, scope.gemeente, [{ entiteit: 'ondersteuning', id, soort: 'BEEINDIGD' }]);
    return updated!;
  });
}
