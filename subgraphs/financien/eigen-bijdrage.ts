/**
 * Eigen bijdrage (abonnementstarief) and the monthly file for the CAK. A household pays
 * the monthly rate for every month in which one of its members has structural Wmo
 * support. Periods come from the start and stop data of the pillars: basis support
 * (start/end), toewijzingen (actual start and stop messages) and HH indicaties. The
 * export is computed from those data alone, so running it again gives the same file.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { unionAll, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { inwoner, ondersteuning } from '../../db/schema/basisondersteuning';
import { toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { abonnementstarief } from '../../db/schema/financien';
import { indicatie } from '../../db/schema/huishoudelijke-hulp';
import { badUserInput, conflict } from '../shared/errors';
import { IN_ZORG } from './in-zorg';
import type { Scope } from '../shared/tokens';
import { plusDagen } from '../shared/scalars';
import { centen, checkJaar, requiredText } from '../shared/validate';

export interface Periode { huishoudenId: string; inwonerId: string; start: string; eind: string }
export interface CakRegel extends Periode { bedragCenten: bigint }

const FAR = '9999-12-31';
const maandGrenzen = (jaar: number, maand: number) => {
  const start = `${jaar}-${String(maand).padStart(2, '0')}-01`;
  const eind = new Date(Date.UTC(jaar, maand, 0)).toISOString().slice(0, 10);
  return { start, eind };
};

/**
 * Merges the support intervals of each household into periods: intervals that overlap or
 * touch (the next starts the day after) become one. Sorted, so the result is deterministic.
 * The period's resident is the member with the lowest id among those with support in it.
 */
export function periodes(intervals: Array<{ huishoudenId: string; inwonerId: string; start: string; eind: string }>): Periode[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0); // code points: the same order everywhere
  const sorted = [...intervals].sort((a, b) => cmp(a.huishoudenId, b.huishoudenId) || cmp(a.start, b.start) || cmp(a.inwonerId, b.inwonerId));
  const out: Periode[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last.huishoudenId === i.huishoudenId && i.start <= plusDagen(last.eind, 1)) {
      if (i.eind > last.eind) last.eind = i.eind;
      if (i.inwonerId < last.inwonerId) last.inwonerId = i.inwonerId;
    } else {
      out.push({ ...i });
    }
  }
  return out;
}

/** The monthly rate of a year in cents; a rate per 4 weeks (2019) is converted to 13/12 of it, rounded down. */
async function maandtarief(db: Db, scope: Scope, jaar: number): Promise<bigint> {
  const [t] = await db.select().from(abonnementstarief).where(and(eq(abonnementstarief.gemeenteCode, scope.gemeente), eq(abonnementstarief.jaar, jaar)));
  if (!t) throw badUserInput('jaar', `jaar: no abonnementstarief is set for ${jaar} (abonnementstariefVastleggen)`);
  return t.periode === 'VIER_WEKEN' ? (t.bedragCenten * 13n) / 12n : t.bedragCenten;
}

/**
 * The CAK records of one month: one per household and support period within the month,
 * the month's rate on the household's first record of the month (a household pays once a
 * month), ordered by household and start. Two statements.
 */
export async function cakExport(db: Db, scope: Scope, jaarInput: number, maand: number): Promise<{ tarief: bigint; regels: CakRegel[] }> {
  const jaar = checkJaar(jaarInput);
  if (!Number.isInteger(maand) || maand < 1 || maand > 12) throw badUserInput('maand', 'maand must be 1 to 12');
  const tarief = await maandtarief(db, scope, jaar);
  const { start, eind } = maandGrenzen(jaar, maand);
  const g = scope.gemeente;
  const FAR_SQL = sql`${FAR}::date`;
  const tot = (e: AnyPgColumn) => sql<string>`coalesce(${e}, ${FAR_SQL})::text`;
  const { basis, aanvullend, hh } = IN_ZORG;
  const intervals = await unionAll(
    db.select({ inwonerId: ondersteuning.inwonerId, start: sql<string>`${basis.start}::text`, eind: tot(basis.eind) }).from(ondersteuning).where(basis.where(g, start, eind)),
    db.select({ inwonerId: toewijzing.inwonerId, start: sql<string>`${aanvullend.start}::text`, eind: tot(aanvullend.eind) }).from(toewijzing).where(aanvullend.where(g, start, eind)),
    db.select({ inwonerId: indicatie.inwonerId, start: sql<string>`${hh.start}::text`, eind: tot(hh.eind) }).from(indicatie).where(hh.where(g, start, eind)),
  );
  if (intervals.length === 0) return { tarief, regels: [] };
  const leden = await db.select({ id: inwoner.id, huishoudenId: inwoner.huishoudenId }).from(inwoner)
    .where(and(eq(inwoner.gemeenteCode, g), inArray(inwoner.id, [...new Set(intervals.map((i) => i.inwonerId))])));
  const huishoudenVan = new Map(leden.map((l) => [l.id, l.huishoudenId]));
  const clipped = intervals.flatMap((i) => {
    const huishoudenId = huishoudenVan.get(i.inwonerId);
    if (!huishoudenId) return [];
    const s = i.start < start ? start : String(i.start);
    const e = i.eind > eind ? eind : String(i.eind);
    // An interval that ends before it starts (bad data) is no support: never charged.
    return s <= e ? [{ huishoudenId, inwonerId: i.inwonerId, start: s, eind: e }] : [];
  });
  const regels: CakRegel[] = [];
  for (const p of periodes(clipped)) {
    const first = regels.length === 0 || regels[regels.length - 1]!.huishoudenId !== p.huishoudenId;
    regels.push({ ...p, bedragCenten: first ? tarief : 0n });
  }
  return { tarief, regels };
}

export async function abonnementstariefVastleggen(db: Db, scope: Scope, jaarInput: number, bedragInput: string, periode: string, bronInput: string) {
  const jaar = checkJaar(jaarInput);
  // The statutory rate is about EUR 20 a month: over EUR 1,000 per period is a slip.
  const bedragCenten = centen('bedrag', bedragInput, { max: 100_000n });
  if (periode !== 'MAAND' && periode !== 'VIER_WEKEN') throw badUserInput('periode', 'periode must be MAAND or VIER_WEKEN');
  const bron = requiredText('bron', bronInput, 3, 500);
  // Set once per year: a CAK file of that year must give the same result when run again.
  const [row] = await db.insert(abonnementstarief).values({ gemeenteCode: scope.gemeente, jaar, bedragCenten, periode, bron })
    .onConflictDoNothing().returning();
  if (!row) throw conflict(`The abonnementstarief of ${jaar} is already set; it cannot change once CAK files may have been made`);
  return row;
}
