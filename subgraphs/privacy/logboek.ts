import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { KeyObject } from 'node:crypto';
import type { Db } from '../../db/client';
import { verwerking } from '../../db/schema/privacy';
import { badUserInput } from '../shared/errors';
import type { Scope } from '../shared/tokens';
import { identifier, intBetween } from '../shared/validate';
import { pseudoniem } from '../shared/verwerkingen';
import { MAX_NIVEAU, rang } from '../shared/vertrouwelijkheid';

export type VerwerkingRow = typeof verwerking.$inferSelect;

export interface Pagina {
  verwerkingen: VerwerkingRow[];
  volgende: string | null;
}

/** A page cursor is the id of the last record seen; pages run newest first. */
export function leesCursor(field: string, na: string | null | undefined): number | null {
  if (na === undefined || na === null) return null;
  if (!/^[1-9]\d{0,17}$/.test(na)) throw badUserInput(field, `${field} is not a valid cursor`);
  return Number(na);
}

function pagina(rows: VerwerkingRow[], aantal: number): Pagina {
  const more = rows.length > aantal;
  const page = more ? rows.slice(0, aantal) : rows;
  return { verwerkingen: page, volgende: more ? String(page.at(-1)!.id) : null };
}

export interface Zoekvraag {
  inwoner?: string | null;
  traceId?: string | null;
  organisatie?: string | null;
  aantal: number;
  na?: string | null;
}

/** The fg's inquiry: at least one filter, newest first, one statement. */
export async function verwerkingenZoeken(db: Db, scope: Scope, key: KeyObject, z: Zoekvraag): Promise<Pagina> {
  const aantal = intBetween('aantal', z.aantal, 1, 500);
  const na = leesCursor('na', z.na);
  const where: SQL[] = [eq(verwerking.gemeenteCode, scope.gemeente)];
  if (z.inwoner != null) where.push(eq(verwerking.betrokkene, pseudoniem(key, identifier('inwoner', z.inwoner))));
  if (z.traceId != null) {
    if (!/^[0-9a-f]{32}$/.test(z.traceId)) throw badUserInput('traceId', 'traceId must be 32 lowercase hex characters');
    where.push(eq(verwerking.traceId, z.traceId));
  }
  if (z.organisatie != null) where.push(eq(verwerking.organisatie, identifier('organisatie', z.organisatie)));
  if (where.length === 1) throw badUserInput('inwoner', 'Give at least one of inwoner, traceId or organisatie');
  if (na !== null) where.push(lt(verwerking.id, na));
  const rows = await db.select().from(verwerking).where(and(...where)).orderBy(desc(verwerking.id)).limit(aantal + 1);
  return pagina(rows, aantal);
}

/**
 * Pages of the log per resident, for a batch of residents in one statement (window per
 * pseudonym). Only the resident themself: for anyone else the SQL selects nothing.
 */
export async function verwerkingenVan(db: Db, scope: Scope, key: KeyObject, inwoners: readonly string[], aantal: number, na: number | null): Promise<Map<string, Pagina>> {
  const eigen = scope.rol === 'inwoner' ? inwoners.filter((id) => id === scope.sub) : [];
  const byPseudoniem = new Map(eigen.map((id) => [pseudoniem(key, id), id]));
  const result = new Map<string, Pagina>();
  if (byPseudoniem.size > 0) {
    const ranked = db.$with('ranked').as(
      db.select({ id: verwerking.id, rang: sql<number>`row_number() over (partition by ${verwerking.betrokkene} order by ${verwerking.id} desc)`.as('rang') })
        .from(verwerking)
        .where(and(
          eq(verwerking.gemeenteCode, scope.gemeente),
          inArray(verwerking.betrokkene, [...byPseudoniem.keys()]),
          na === null ? undefined : lt(verwerking.id, na),
          // Records of only fields above the resident's level (a Veilig Thuis signal) stay out of their view.
          sql`exists (select 1 from unnest(${verwerking.veldNiveaus}) as n(niveau) where n.niveau <= ${rang(MAX_NIVEAU.inwoner)})`,
        )),
    );
    const rows = await db.with(ranked).select({ v: verwerking }).from(verwerking)
      .innerJoin(ranked, eq(ranked.id, verwerking.id))
      .where(sql`${ranked.rang} <= ${aantal + 1}`)
      .orderBy(desc(verwerking.id));
    const grouped = new Map<string, VerwerkingRow[]>();
    for (const { v } of rows) {
      const id = byPseudoniem.get(v.betrokkene)!;
      const list = grouped.get(id);
      if (list) list.push(v);
      else grouped.set(id, [v]);
    }
    for (const [id, list] of grouped) result.set(id, pagina(list, aantal));
  }
  return result;
}

