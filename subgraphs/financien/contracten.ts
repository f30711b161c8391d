import { randomUUID } from 'node:crypto';
import { and, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contract, organisatie } from '../../db/schema/financien';
import { badUserInput, conflict } from '../shared/errors';
import type { Scope } from '../shared/tokens';
import { datum, identifier, nietVoor } from '../shared/validate';

export type ContractRow = typeof contract.$inferSelect;

/** Maximum number of hoofdaanbieders per perceel (tender: 5 parties, resp. 2 parties). */
export const MAX_HOOFDAANBIEDERS: Record<string, number> = {
  BASISONDERSTEUNING: 1,
  THUISONDERSTEUNING_DAGBESTEDING: 5,
  HULP_BIJ_HET_HUISHOUDEN: 2,
};
const AANVULLEND = ['THUISONDERSTEUNING_DAGBESTEDING', 'HULP_BIJ_HET_HUISHOUDEN'];

export interface ContractInput {
  organisatie: string;
  perceel: string;
  rol: string;
  hoofdaanbieder?: string | null;
  ingangsdatum: string;
  einddatum?: string | null;
}

const FAR_FUTURE = '9999-12-31';

/**
 * Registers a contract under the tender's rules. All organisations of the gemeente are
 * locked for the check, so two contract managers cannot register conflicting contracts
 * at the same time.
 */
export async function contractRegistreren(db: Db, scope: Scope, input: ContractInput): Promise<ContractRow> {
  const organisatieId = identifier('input.organisatie', input.organisatie);
  datum('input.ingangsdatum', input.ingangsdatum);
  const einddatum = input.einddatum == null ? null
    : nietVoor('input.einddatum', datum('input.einddatum', input.einddatum), input.ingangsdatum, 'input.ingangsdatum', { strikt: true });
  if (input.rol === 'ONDERAANNEMER' && !input.hoofdaanbieder) throw badUserInput('input.hoofdaanbieder', 'an onderaannemer works under a hoofdaanbieder');
  if (input.rol === 'HOOFDAANBIEDER' && input.hoofdaanbieder) throw badUserInput('input.hoofdaanbieder', 'a hoofdaanbieder has no hoofdaanbieder');
  const hoofdaanbieder = input.hoofdaanbieder == null ? null : identifier('input.hoofdaanbieder', input.hoofdaanbieder);
  if (hoofdaanbieder === organisatieId) throw badUserInput('input.hoofdaanbieder', 'input.hoofdaanbieder must differ from input.organisatie');
  return db.transaction(async (tx) => {
    const orgs = await tx.select({ id: organisatie.id }).from(organisatie).where(eq(organisatie.gemeenteCode, scope.gemeente)).for('update');
    const known = new Set(orgs.map((o) => o.id));
    if (!known.has(organisatieId)) throw badUserInput('input.organisatie', 'input.organisatie: no organisation with this id in the gemeente');
    const overlapping = and(
      eq(contract.gemeenteCode, scope.gemeente),
      lte(contract.ingangsdatum, einddatum ?? FAR_FUTURE),
      or(isNull(contract.einddatum), gte(contract.einddatum, input.ingangsdatum)),
    );
    if (input.rol === 'ONDERAANNEMER') {
      const hoofd = hoofdaanbieder!;
      const [h] = await tx.select({ id: contract.id }).from(contract)
        .where(and(overlapping, eq(contract.organisatieId, hoofd), eq(contract.perceel, input.perceel), eq(contract.rol, 'HOOFDAANBIEDER')));
      if (!h) throw badUserInput('input.hoofdaanbieder', 'input.hoofdaanbieder: not a hoofdaanbieder of this perceel in this period');
    } else {
      // Rule of the tender: nobody is hoofdaanbieder in both basis and aanvullend (onderaannemer may).
      const other = input.perceel === 'BASISONDERSTEUNING' ? AANVULLEND : ['BASISONDERSTEUNING'];
      const [both] = await tx.select({ perceel: contract.perceel }).from(contract).where(and(
        overlapping, eq(contract.organisatieId, organisatieId), eq(contract.rol, 'HOOFDAANBIEDER'),
        or(...other.map((p) => eq(contract.perceel, p))),
      ));
      if (both) throw conflict(`A party may not be hoofdaanbieder in both basisondersteuning and aanvullende ondersteuning: it already is for ${both.perceel}`);
      const hoofden = await tx.selectDistinct({ id: contract.organisatieId }).from(contract).where(and(
        overlapping, eq(contract.perceel, input.perceel), eq(contract.rol, 'HOOFDAANBIEDER'), ne(contract.organisatieId, organisatieId),
      ));
      const max = MAX_HOOFDAANBIEDERS[input.perceel]!;
      if (hoofden.length >= max) throw conflict(`Perceel ${input.perceel} allows at most ${max} hoofdaanbieder(s) in this period`);
    }
    const [row] = await tx.insert(contract).values({
      id: `ct-${randomUUID()}`, gemeenteCode: scope.gemeente, organisatieId, perceel: input.perceel, rol: input.rol,
      hoofdaanbiederId: input.rol === 'ONDERAANNEMER' ? hoofdaanbieder : null, ingangsdatum: input.ingangsdatum, einddatum,
    }).returning();
    return row!;
  });
}
