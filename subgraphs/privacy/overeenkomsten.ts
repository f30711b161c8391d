import { and, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisatie } from '../../db/schema/financien';
import { verwerkersovereenkomst } from '../../db/schema/privacy';
import { badUserInput, notFound } from '../shared/errors';
import { newId } from '../shared/ids';
import type { Scope } from '../shared/tokens';
import { datum, identifier, nietVoor } from '../shared/validate';

export type OvereenkomstRow = typeof verwerkersovereenkomst.$inferSelect;

/** The purposes an agreement can be for (enum OvereenkomstDoel). */
export const OVEREENKOMST_DOELEN = { ANONIEME_MAANDEXPORT: 'anonieme-maandexport' } as const;
export type OvereenkomstDoel = keyof typeof OVEREENKOMST_DOELEN;

/** Contract management and the fg see every agreement; an organisation its own. */
export function overeenkomstScope(scope: Scope): SQL | undefined {
  if (scope.rol === 'gemeente-contractmanager' || scope.rol === 'fg') return undefined;
  return eq(verwerkersovereenkomst.organisatieId, scope.organisatie ?? '');
}

export async function overeenkomsten(db: Db, scope: Scope): Promise<OvereenkomstRow[]> {
  return db.select().from(verwerkersovereenkomst)
    .where(and(eq(verwerkersovereenkomst.gemeenteCode, scope.gemeente), overeenkomstScope(scope)))
    .orderBy(verwerkersovereenkomst.organisatieId, verwerkersovereenkomst.ingangsdatum, verwerkersovereenkomst.id);
}

/** Whether the caller's organisation has an agreement for `doel` in force on `datum`. */
export async function heeftOvereenkomst(db: Db, scope: Scope, doel: OvereenkomstDoel, datum: string): Promise<boolean> {
  if (!scope.organisatie) return false;
  const [row] = await db.select({ id: verwerkersovereenkomst.id }).from(verwerkersovereenkomst).where(and(
    eq(verwerkersovereenkomst.gemeenteCode, scope.gemeente),
    eq(verwerkersovereenkomst.organisatieId, scope.organisatie),
    eq(verwerkersovereenkomst.doel, OVEREENKOMST_DOELEN[doel]),
    lte(verwerkersovereenkomst.ingangsdatum, datum),
    or(isNull(verwerkersovereenkomst.einddatum), gte(verwerkersovereenkomst.einddatum, datum)),
  )).limit(1);
  return row !== undefined;
}

export async function overeenkomstVastleggen(
  db: Db, scope: Scope, a: { organisatie: string; doel: OvereenkomstDoel; ingangsdatum: string; einddatum?: string | null },
): Promise<OvereenkomstRow> {
  const organisatieId = identifier('organisatie', a.organisatie);
  datum('ingangsdatum', a.ingangsdatum);
  if (a.einddatum != null) nietVoor('einddatum', datum('einddatum', a.einddatum), a.ingangsdatum, 'ingangsdatum');
  const [org] = await db.select({ id: organisatie.id }).from(organisatie)
    .where(and(eq(organisatie.gemeenteCode, scope.gemeente), eq(organisatie.id, organisatieId)));
  if (!org) throw badUserInput('organisatie', 'organisatie: no organisation with this id in the gemeente');
  const [row] = await db.insert(verwerkersovereenkomst).values({
    id: newId('vo'),
    gemeenteCode: scope.gemeente,
    organisatieId,
    doel: OVEREENKOMST_DOELEN[a.doel],
    ingangsdatum: a.ingangsdatum,
    einddatum: a.einddatum ?? null,
    vastgelegdDoor: scope.sub,
    vastgelegdOp: new Date().toISOString(),
  }).returning();
  return row!;
}

export async function overeenkomstBeeindigen(db: Db, scope: Scope, id: string, einddatum: string): Promise<OvereenkomstRow> {
  const key = identifier('id', id);
  datum('einddatum', einddatum);
  const [current] = await db.select().from(verwerkersovereenkomst)
    .where(and(eq(verwerkersovereenkomst.gemeenteCode, scope.gemeente), eq(verwerkersovereenkomst.id, key)));
  if (!current) throw notFound('No verwerkersovereenkomst with this id');
  nietVoor('einddatum', einddatum, current.ingangsdatum, 'the ingangsdatum');
  const [row] = await db.update(verwerkersovereenkomst).set({ einddatum })
    .where(and(eq(verwerkersovereenkomst.gemeenteCode, scope.gemeente), eq(verwerkersovereenkomst.id, key))).returning();
  return row!;
}

export const doelNaam = (doel: string): OvereenkomstDoel =>
  (Object.entries(OVEREENKOMST_DOELEN).find(([, v]) => v === doel)?.[0] ?? 'ANONIEME_MAANDEXPORT') as OvereenkomstDoel;
