import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { doel, inwoner, plan, regievoerder } from '../../db/schema/basisondersteuning';
import { badUserInput, conflict, notFound } from '../shared/errors';
import { inwonerVisible } from '../shared/relations';
import { today } from '../shared/scalars';
import type { Scope } from '../shared/tokens';
import { datum, identifier, nietVoor, requiredText } from '../shared/validate';

/** A household is within reach when at least one of its members lies within the caller's relation. */
async function assertHuishouden(tx: Db, scope: Scope, field: string, huishoudenId: string): Promise<void> {
  const [member] = await tx.select({ id: inwoner.id }).from(inwoner).where(and(
    eq(inwoner.gemeenteCode, scope.gemeente), eq(inwoner.huishoudenId, huishoudenId), inwonerVisible(tx, scope, inwoner.id),
  )).limit(1);
  if (!member) throw badUserInput(field, `${field}: no household with this id within your relation`);
}

/** One household, one plan: a second plan for the same household is a CONFLICT. */
export async function planOpstellen(db: Db, scope: Scope, huishoudenInput: string, regievoerderInput: string) {
  const huishoudenId = identifier('huishouden', huishoudenInput);
  const regievoerderId = identifier('regievoerder', regievoerderInput);
  return db.transaction(async (tx) => {
    await assertHuishouden(tx, scope, 'huishouden', huishoudenId);
    const [rv] = await tx.select().from(regievoerder).where(and(eq(regievoerder.gemeenteCode, scope.gemeente), eq(regievoerder.id, regievoerderId)));
    if (!rv || rv.organisatieId !== scope.organisatie) throw badUserInput('regievoerder', 'regievoerder: not a regievoerder of your organisation');
    const [created] = await tx.insert(plan).values({
      id: `plan-${randomUUID()}`, gemeenteCode: scope.gemeente, huishoudenId, regievoerderId, opgesteldOp: today(),
    }).onConflictDoNothing({ target: plan.huishoudenId }).returning();
    if (!created) throw conflict('This household already has a plan: one household, one plan');
    return created;
  });
}

/** A plan within reach, locked; `missing` is the NOT_FOUND message for one that is not (the same whether it exists or not). */
async function lockPlan(tx: Db, scope: Scope, planInput: string, missing = 'Plan not found') {
  const planId = identifier('plan', planInput);
  const [row] = await tx.select().from(plan).where(and(eq(plan.gemeenteCode, scope.gemeente), eq(plan.id, planId))).for('update');
  if (!row) throw notFound(missing);
  await assertHuishouden(tx, scope, 'plan', row.huishoudenId).catch((error: unknown) => {
    if ((error as GraphQLError).extensions?.code === 'BAD_USER_INPUT') throw notFound(missing);
    throw error;
  });
  return row;
}

export async function doelToevoegen(db: Db, scope: Scope, planInput: string, omschrijvingInput: string, streefdatum?: string | null) {
  const omschrijving = requiredText('omschrijving', omschrijvingInput, 3, 300);
  if (streefdatum != null) nietVoor('streefdatum', datum('streefdatum', streefdatum), today(), 'today');
  return db.transaction(async (tx) => {
    const p = await lockPlan(tx, scope, planInput);
    const [row] = await tx.insert(doel).values({
      id: `doel-${randomUUID()}`, gemeenteCode: scope.gemeente, planId: p.id, omschrijving, status: 'OPEN', streefdatum: streefdatum ?? null,
    }).returning();
    return row!;
  });
}

/** A goal is reached or dropped once: OPEN -> BEREIKT | VERVALLEN. */
export async function doelAfsluiten(db: Db, scope: Scope, idInput: string, status: string) {
  const id = identifier('id', idInput);
  if (status === 'OPEN') throw badUserInput('status', 'status must be BEREIKT or VERVALLEN');
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(doel).where(and(eq(doel.gemeenteCode, scope.gemeente), eq(doel.id, id))).for('update');
    if (!row) throw notFound('Doel not found');
    // A goal of a plan out of reach is not found either: the same answer as a missing goal.
    await lockPlan(tx, scope, row.planId, 'Doel not found');
    if (row.status !== 'OPEN') throw conflict(`Doel is ${row.status}: only an OPEN goal can be closed`, { currentStatus: row.status });
    const [updated] = await tx.update(doel).set({ status }).where(eq(doel.id, id)).returning();
    return updated!;
  });
}
