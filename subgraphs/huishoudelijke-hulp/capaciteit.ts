import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisatie } from '../../db/schema/financien';
import { capaciteit } from '../../db/schema/huishoudelijke-hulp';
import { badUserInput } from '../shared/errors';
import type { Scope } from '../shared/tokens';
import { identifier, intBetween } from '../shared/validate';

/** Contract management sets how many clients an hh-aanbieder can take in the joint intake. */
export async function capaciteitVastleggen(db: Db, scope: Scope, aanbiederInput: string, maxClienten: number) {
  const organisatieId = identifier('aanbieder', aanbiederInput);
  intBetween('maxClienten', maxClienten, 0, 100_000);
  const [o] = await db.select({ id: organisatie.id }).from(organisatie)
    .where(and(eq(organisatie.gemeenteCode, scope.gemeente), eq(organisatie.id, organisatieId), eq(organisatie.soort, 'HH_AANBIEDER')));
  if (!o) throw badUserInput('aanbieder', 'aanbieder: not an hh-aanbieder of the gemeente');
  const [row] = await db.insert(capaciteit).values({ gemeenteCode: scope.gemeente, organisatieId, maxClienten })
    .onConflictDoUpdate({ target: [capaciteit.gemeenteCode, capaciteit.organisatieId], set: { maxClienten } })
    .returning();
  return { organisatieId: row!.organisatieId, maxClienten: row!.maxClienten };
}
