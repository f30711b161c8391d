/**
 * Realisatie: per quarter, perceel and provider, the delivered volume from the pillars'
 * own data valued at the normative cost price, against the quarter's share of the
 * lumpsum (uitputting). Volumes are summed in SQL, one statement per pillar.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ondersteuning } from '../../db/schema/basisondersteuning';
import { toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { kostprijs, lumpsum } from '../../db/schema/financien';
import { indicatie } from '../../db/schema/huishoudelijke-hulp';
import { badUserInput } from '../shared/errors';
import type { Scope } from '../shared/tokens';
import { centen, checkJaar, requiredText } from '../shared/validate';
import { eigenLumpsum, gelijkeDelen, herverdeeld, PERCELEN } from './begroting';
import { IN_ZORG, type Dag } from './in-zorg';

export const EENHEID: Record<string, 'UUR' | 'CLIENTDAG'> = {
  BASISONDERSTEUNING: 'CLIENTDAG',
  THUISONDERSTEUNING_DAGBESTEDING: 'CLIENTDAG',
  HULP_BIJ_HET_HUISHOUDEN: 'UUR',
};

export interface RealisatieRegel {
  perceel: string;
  organisatieId: string;
  kwartaal: number;
  budget: bigint;
  /** Delivered volume: minutes (HH) or days in care. */
  volume: bigint;
  clienten: number;
  besteed: bigint | null;
}

const kwartaalGrenzen = (jaar: number, k: number) => ({
  start: `${jaar}-${String(3 * k - 2).padStart(2, '0')}-01`,
  eind: new Date(Date.UTC(jaar, 3 * k, 0)).toISOString().slice(0, 10),
});

/** Days of [start, eind] (eind null = open) that fall in [van, tot], in SQL. */
const overlapDagen = (start: unknown, eind: unknown, van: Dag, tot: Dag) =>
  sql`greatest(0, least(coalesce(${eind}, ${tot}::date), ${tot}::date) - greatest(${start}, ${van}::date) + 1)`;

/**
 * Care per perceel, for the statements that value it: the pillar's table and columns,
 * what counts as in care in [van, tot] (in-zorg.ts) and the delivered volume of one row
 * in [van, tot]: days in care (basis, aanvullend), or HH minutes: the indicated minutes
 * per week over the days in the period, whole minutes rounded down per indicatie. The
 * one definition for realisatie (per provider) and the figures per wijk (cijfers.ts).
 */
export const ZORG = {
  BASISONDERSTEUNING: {
    tabel: ondersteuning, inwoner: ondersteuning.inwonerId, wijk: ondersteuning.wijkCode, organisatie: ondersteuning.organisatieId,
    inZorg: IN_ZORG.basis.where,
    volume: (van: Dag, tot: Dag) => overlapDagen(IN_ZORG.basis.start, IN_ZORG.basis.eind, van, tot),
  },
  // Aanvullend: days in care counted for the hoofdaanbieder (the contract party).
  THUISONDERSTEUNING_DAGBESTEDING: {
    tabel: toewijzing, inwoner: toewijzing.inwonerId, wijk: toewijzing.wijkCode, organisatie: toewijzing.organisatieId,
    inZorg: IN_ZORG.aanvullend.where,
    volume: (van: Dag, tot: Dag) => overlapDagen(IN_ZORG.aanvullend.start, IN_ZORG.aanvullend.eind, van, tot),
  },
  HULP_BIJ_HET_HUISHOUDEN: {
    tabel: indicatie, inwoner: indicatie.inwonerId, wijk: indicatie.wijkCode, organisatie: indicatie.organisatieId,
    inZorg: IN_ZORG.hh.where,
    volume: (van: Dag, tot: Dag) => sql`(${indicatie.minutenPerWeek} * ${overlapDagen(IN_ZORG.hh.start, IN_ZORG.hh.eind, van, tot)}) / 7`,
  },
} as const;

/** Volume times the normative cost price, in cents: HH minutes at a price per hour (rounded down), days at a price per day. */
export function kosten(perceel: string, volume: bigint, prijs: bigint): bigint {
  return EENHEID[perceel] === 'UUR' ? (volume * prijs) / 60n : volume * prijs;
}

export async function realisatie(db: Db, scope: Scope, jaarInput: number, kwartaal: number): Promise<RealisatieRegel[]> {
  const jaar = checkJaar(jaarInput);
  if (!Number.isInteger(kwartaal) || kwartaal < 1 || kwartaal > 4) throw badUserInput('kwartaal', 'kwartaal must be 1 to 4');
  const { start, eind } = kwartaalGrenzen(jaar, kwartaal);
  const g = scope.gemeente;
  const lumpsums = await db.select().from(lumpsum).where(and(eq(lumpsum.gemeenteCode, g), eq(lumpsum.jaar, jaar), eigenLumpsum(scope)))
    .orderBy(lumpsum.perceel, lumpsum.organisatieId);
  if (lumpsums.length === 0) return [];
  const net = await herverdeeld(db, g, lumpsums.map((l) => l.id));
  const orgs = [...new Set(lumpsums.map((l) => l.organisatieId))];
  const prijzen = await db.select().from(kostprijs).where(and(eq(kostprijs.gemeenteCode, g), eq(kostprijs.jaar, jaar)));
  const prijs = new Map(prijzen.map((p) => [p.perceel, p.bedragCenten]));

  const volume = new Map<string, { volume: bigint; clienten: number }>();
  const add = (rows: Array<{ org: string | null; volume: string; clienten: number }>, perceel: string) => {
    for (const r of rows) if (r.org) volume.set(`${perceel}|${r.org}`, { volume: BigInt(r.volume), clienten: Number(r.clienten) });
  };
  const { basis, aanvullend, hh } = IN_ZORG;
  add(await db.select({ org: ondersteuning.organisatieId, volume: sql<string>`sum(${ZORG.BASISONDERSTEUNING.volume(start, eind)})::text`, clienten: sql<number>`count(distinct ${ondersteuning.inwonerId})::int` })
    .from(ondersteuning).where(and(basis.where(g, start, eind), inArray(ondersteuning.organisatieId, orgs)))
    .groupBy(ondersteuning.organisatieId), 'BASISONDERSTEUNING');
  add(await db.select({ org: toewijzing.organisatieId, volume: sql<string>`sum(${ZORG.THUISONDERSTEUNING_DAGBESTEDING.volume(start, eind)})::text`, clienten: sql<number>`count(distinct ${toewijzing.inwonerId})::int` })
    .from(toewijzing).where(and(aanvullend.where(g, start, eind), inArray(toewijzing.organisatieId, orgs)))
    .groupBy(toewijzing.organisatieId), 'THUISONDERSTEUNING_DAGBESTEDING');
  add(await db.select({ org: indicatie.organisatieId, volume: sql<string>`sum(${ZORG.HULP_BIJ_HET_HUISHOUDEN.volume(start, eind)})::text`, clienten: sql<number>`count(distinct ${indicatie.inwonerId})::int` })
    .from(indicatie).where(and(hh.where(g, start, eind), inArray(indicatie.organisatieId, orgs)))
    .groupBy(indicatie.organisatieId), 'HULP_BIJ_HET_HUISHOUDEN');

  return lumpsums.map((l) => {
    const v = volume.get(`${l.perceel}|${l.organisatieId}`) ?? { volume: 0n, clienten: 0 };
    const p = prijs.get(l.perceel);
    // The lumpsum in four parts that sum exactly to it; this quarter's part is the budget.
    const budget = gelijkeDelen(l.bedragCenten + (net.get(l.id) ?? 0n), 4)[kwartaal - 1]!;
    const besteed = p === undefined ? null : kosten(l.perceel, v.volume, p);
    return { perceel: l.perceel, organisatieId: l.organisatieId, kwartaal, budget, volume: v.volume, clienten: v.clienten, besteed };
  });
}

export async function kostprijsVastleggen(db: Db, scope: Scope, jaarInput: number, perceel: string, bedragInput: string, bronInput: string) {
  const jaar = checkJaar(jaarInput);
  if (!PERCELEN.includes(perceel)) throw badUserInput('perceel', `perceel must be one of ${PERCELEN.join(', ')}`);
  // A price per hour or client day: over EUR 10,000 is a slip (a year's cost, or euros typed as cents).
  const bedragCenten = centen('bedrag', bedragInput, { max: 1_000_000n });
  const bron = requiredText('bron', bronInput, 3, 500);
  const values = { eenheid: EENHEID[perceel]!, bedragCenten, bron };
  const [row] = await db.insert(kostprijs).values({ gemeenteCode: scope.gemeente, jaar, perceel, ...values })
    .onConflictDoUpdate({ target: [kostprijs.gemeenteCode, kostprijs.jaar, kostprijs.perceel], set: values }).returning();
  return row!;
}
