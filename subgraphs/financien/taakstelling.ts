/** The taakstelling of the implementation plan as data: measures, realised savings, progress. */
import { newId } from '../shared/ids';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { besparing, maatregel, taakstelling } from '../../db/schema/financien';
import { badUserInput } from '../shared/errors';
import type { Scope } from '../shared/tokens';
import { centen, checkJaar, identifier, requiredText } from '../shared/validate';

export type MaatregelRow = typeof maatregel.$inferSelect;
export type BesparingRow = typeof besparing.$inferSelect;

export interface TaakstellingView {
  doel: bigint;
  risicoreserve: bigint;
  maatregelen: MaatregelRow[];
  gerealiseerd: bigint;
}

/** Reads the target, the measures and the sum of realised savings: three statements. */
export async function leesTaakstelling(db: Db, scope: Scope): Promise<TaakstellingView | null> {
  const [t] = await db.select().from(taakstelling).where(eq(taakstelling.gemeenteCode, scope.gemeente));
  if (!t) return null;
  const maatregelen = await db.select().from(maatregel).where(eq(maatregel.gemeenteCode, scope.gemeente)).orderBy(maatregel.volgorde);
  const rows = await actueleBesparingen(db, scope.gemeente);
  return { doel: t.doelCenten, risicoreserve: t.risicoreserveCenten, maatregelen, gerealiseerd: rows.reduce((sum, r) => sum + r.bedragCenten, 0n) };
}

/** The newest version of each measure's saving per year (older versions stay as history). */
export function actueleBesparingen(db: Db, gemeente: string, maatregelen?: readonly string[]): Promise<BesparingRow[]> {
  return db.selectDistinctOn([besparing.maatregelId, besparing.jaar]).from(besparing)
    .where(and(eq(besparing.gemeenteCode, gemeente), maatregelen ? inArray(besparing.maatregelId, [...maatregelen]) : undefined))
    .orderBy(besparing.maatregelId, besparing.jaar, desc(besparing.op), desc(besparing.id));
}

/** Contract management records what a measure saved in a year; recording it again adds a newer version. */
export async function besparingVastleggen(db: Db, scope: Scope, maatregelInput: string, jaarInput: number, bedragInput: string, toelichtingInput: string): Promise<BesparingRow> {
  const maatregelId = identifier('maatregel', maatregelInput);
  const jaar = checkJaar(jaarInput);
  const bedragCenten = centen('bedrag', bedragInput, { positive: false });
  const toelichting = requiredText('toelichting', toelichtingInput, 3, 1000);
  const [m] = await db.select({ id: maatregel.id }).from(maatregel).where(and(eq(maatregel.gemeenteCode, scope.gemeente), eq(maatregel.id, maatregelId)));
  if (!m) throw badUserInput('maatregel', 'maatregel: no measure with this id in the taakstelling');
  const values = { bedragCenten, toelichting, door: scope.sub, op: new Date().toISOString() };
  const [row] = await db.insert(besparing).values({ id: newId('bs'), gemeenteCode: scope.gemeente, maatregelId, jaar, ...values }).returning();
  return row!;
}
