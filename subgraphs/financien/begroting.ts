/**
 * Lumpsum and herverdeling. Money is integer cents (bigint) everywhere; a lot's total is
 * split in equal parts to the cent; a herverdeling moves money between two lumpsums
 * without changing the total, and a decision locks both lumpsum rows so parallel
 * decisions cannot spend the same money twice.
 */
import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contract, herverdeling, herverdelingGebeurtenis, lumpsum } from '../../db/schema/financien';
import { badUserInput, conflict, forbidden, notFound } from '../shared/errors';
import type { Scope } from '../shared/tokens';
import { newId } from '../shared/ids';
import { centen, checkJaar, identifier, requiredText } from '../shared/validate';

export type LumpsumRow = typeof lumpsum.$inferSelect;
export type HerverdelingRow = typeof herverdeling.$inferSelect;

export const PERCELEN = ['BASISONDERSTEUNING', 'THUISONDERSTEUNING_DAGBESTEDING', 'HULP_BIJ_HET_HUISHOUDEN'];
/** Roles that act for a provider in money matters: they see and request for their own organisation only. */
export const AANBIEDER_ROLLEN = new Set(['basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker']);

export function euro(c: bigint): string {
  return `EUR ${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`;
}

/**
 * Splits `totaal` cents in `n` equal parts to the cent. The remainder (fewer than n cents)
 * goes one cent each to the first parties in the given order, so the parts always sum to
 * exactly `totaal` and the same input always gives the same split.
 */
export function gelijkeDelen(totaal: bigint, n: number): bigint[] {
  if (n < 1) throw new Error('gelijkeDelen needs at least one party');
  const deel = totaal / BigInt(n);
  const rest = Number(totaal % BigInt(n));
  return Array.from({ length: n }, (_, i) => deel + (i < rest ? 1n : 0n));
}

/**
 * Sets a lot's budget for a year: equal parts for the hoofdaanbieders whose contract for
 * the perceel runs in that year (ordered by organisation id). Set once: changes go
 * through a herverdeling, so every amount keeps its origin.
 */
export async function lotBudgetVaststellen(db: Db, scope: Scope, jaarInput: number, perceel: string, totaalInput: string): Promise<LumpsumRow[]> {
  const jaar = checkJaar(jaarInput);
  if (!PERCELEN.includes(perceel)) throw badUserInput('perceel', `perceel must be one of ${PERCELEN.join(', ')}`);
  const totaal = centen('totaal', totaalInput);
  return db.transaction(async (tx) => {
    const partijen = await tx.selectDistinct({ id: contract.organisatieId }).from(contract).where(and(
      eq(contract.gemeenteCode, scope.gemeente), eq(contract.perceel, perceel), eq(contract.rol, 'HOOFDAANBIEDER'),
      lte(contract.ingangsdatum, `${jaar}-12-31`), or(isNull(contract.einddatum), gte(contract.einddatum, `${jaar}-01-01`)),
    ));
    // Order by plain code points in JavaScript, not by the database collation (ICU or
    // en_US would order ids differently), so the extra cents always go to the same parties.
    partijen.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (partijen.length === 0) throw badUserInput('perceel', `perceel: no hoofdaanbieder has a contract for ${perceel} in ${jaar}`);
    const delen = gelijkeDelen(totaal, partijen.length);
    const rest = Number(totaal % BigInt(partijen.length));
    const herkomst = `Lotbudget ${perceel} ${jaar} van ${euro(totaal)} in ${partijen.length} gelijke delen van ${euro(totaal / BigInt(partijen.length))}`
      + (rest > 0 ? `; de rest van ${rest} cent een cent per partij aan de eerste ${rest} op organisatie-id` : '');
    const op = new Date().toISOString();
    const rows = await tx.insert(lumpsum).values(partijen.map((p, i) => ({
      id: newId('ls'), gemeenteCode: scope.gemeente, jaar, perceel, organisatieId: p.id, bedragCenten: delen[i]!,
      herkomst, vastgesteldDoor: scope.sub, vastgesteldOp: op,
    }))).onConflictDoNothing().returning();
    // The unique index makes a second budget for the same lot and year a no-op: refuse it whole.
    if (rows.length !== partijen.length) throw conflict(`The budget of ${perceel} for ${jaar} is already set; change it with a herverdeling`);
    return rows;
  });
}

/** Net effect of granted herverdelingen on each lumpsum (in minus out): current = base + net. One statement. */
export async function herverdeeld(db: Db, gemeente: string, ids: readonly string[]): Promise<Map<string, bigint>> {
  const net = new Map<string, bigint>(ids.map((id) => [id, 0n]));
  if (ids.length === 0) return net;
  const rows = await db.select({ van: herverdeling.vanLumpsumId, naar: herverdeling.naarLumpsumId, bedrag: herverdeling.bedragCenten }).from(herverdeling)
    .where(and(eq(herverdeling.gemeenteCode, gemeente), eq(herverdeling.status, 'TOEGEKEND'), or(inArray(herverdeling.vanLumpsumId, [...ids]), inArray(herverdeling.naarLumpsumId, [...ids]))));
  for (const r of rows) {
    if (net.has(r.van)) net.set(r.van, net.get(r.van)! - r.bedrag);
    if (net.has(r.naar)) net.set(r.naar, net.get(r.naar)! + r.bedrag);
  }
  return net;
}

/** Provider roles see only lumpsums and herverdelingen of their own organisation. */
export function eigenLumpsum(scope: Scope) {
  return AANBIEDER_ROLLEN.has(scope.rol) ? eq(lumpsum.organisatieId, scope.organisatie ?? '') : undefined;
}

async function event(tx: Db, id: string, soort: string, scope: Scope) {
  await tx.insert(herverdelingGebeurtenis).values({ id: newId('hvg'), gemeenteCode: scope.gemeente, herverdelingId: id, soort, organisatieId: scope.organisatie, door: scope.sub, op: new Date().toISOString() });
}

export interface HerverdelingInput { jaar: number; van: string; vanPerceel?: string | null; naar: string; naarPerceel?: string | null; bedrag: string; motivering: string }

/**
 * One of the two parties asks to move money from `van`'s lumpsum to `naar`'s in a year:
 * one must be the basis party, the other an aanvullend one. The request counts as the
 * requesting party's approval.
 */
export async function herverdelingAanvragen(db: Db, scope: Scope, input: HerverdelingInput): Promise<HerverdelingRow> {
  if (!AANBIEDER_ROLLEN.has(scope.rol)) throw forbidden();
  const jaar = checkJaar(input.jaar, 'input.jaar');
  const van = identifier('input.van', input.van);
  const naar = identifier('input.naar', input.naar);
  if (naar === van) throw badUserInput('input.naar', 'input.naar must differ from input.van');
  const bedragCenten = centen('input.bedrag', input.bedrag);
  const motivering = requiredText('input.motivering', input.motivering, 10, 2000);
  if (scope.organisatie !== van && scope.organisatie !== naar) throw badUserInput('input.van', 'a herverdeling is requested by one of its two parties');
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(lumpsum).where(and(eq(lumpsum.gemeenteCode, scope.gemeente), eq(lumpsum.jaar, jaar), inArray(lumpsum.organisatieId, [van, naar])));
    // An organisation with lumpsums in two percelen must say which one.
    const pick = (field: 'van' | 'naar', org: string, perceel: string | null | undefined) => {
      const mine = rows.filter((r) => r.organisatieId === org && (!perceel || r.perceel === perceel));
      if (mine.length === 0) throw badUserInput(`input.${field}`, `input.${field}: no lumpsum for this organisation${perceel ? ` in ${perceel}` : ''} in ${jaar}`);
      if (mine.length > 1) throw badUserInput(`input.${field}Perceel`, `input.${field}Perceel: this organisation has lumpsums in more than one perceel in ${jaar}; name the perceel`);
      return mine[0]!;
    };
    const vanRow = pick('van', van, input.vanPerceel);
    const naarRow = pick('naar', naar, input.naarPerceel);
    if ((vanRow.perceel === 'BASISONDERSTEUNING') === (naarRow.perceel === 'BASISONDERSTEUNING')) {
      throw badUserInput('input.naar', 'a herverdeling moves lumpsum between basisondersteuning and aanvullende ondersteuning');
    }
    const [row] = await tx.insert(herverdeling).values({
      id: newId('hv'), gemeenteCode: scope.gemeente, jaar, vanLumpsumId: vanRow.id, naarLumpsumId: naarRow.id, bedragCenten, motivering,
      status: 'AANGEVRAAGD', aangevraagdDoor: scope.organisatie!,
    }).returning();
    await event(tx, row!.id, 'AANGEVRAAGD', scope);
    return row!;
  });
}

async function lockHerverdeling(tx: Db, scope: Scope, idInput: string): Promise<{ row: HerverdelingRow; partijen: string[] }> {
  const id = identifier('id', idInput);
  const [row] = await tx.select().from(herverdeling).where(and(eq(herverdeling.gemeenteCode, scope.gemeente), eq(herverdeling.id, id))).for('update');
  if (!row) throw notFound('Herverdeling not found');
  const parties = await tx.select({ org: lumpsum.organisatieId }).from(lumpsum)
    .where(and(eq(lumpsum.gemeenteCode, scope.gemeente), inArray(lumpsum.id, [row.vanLumpsumId, row.naarLumpsumId])));
  const partijen = parties.map((p) => p.org);
  if (AANBIEDER_ROLLEN.has(scope.rol) && !partijen.includes(scope.organisatie ?? '')) throw notFound('Herverdeling not found');
  return { row, partijen };
}

/** The other party approves (AANGEVRAAGD -> GOEDGEKEURD). Approving again changes nothing. */
export async function herverdelingGoedkeuren(db: Db, scope: Scope, idInput: string): Promise<HerverdelingRow> {
  return db.transaction(async (tx) => {
    const { row } = await lockHerverdeling(tx, scope, idInput);
    if (row.status === 'GOEDGEKEURD') return row;
    if (row.status !== 'AANGEVRAAGD') throw conflict(`Herverdeling is ${row.status}: only an AANGEVRAAGD herverdeling can be approved`, { currentStatus: row.status });
    if (row.aangevraagdDoor === scope.organisatie) throw conflict('The requesting party already agreed; the other party must approve', { currentStatus: row.status });
    const [updated] = await tx.update(herverdeling).set({ status: 'GOEDGEKEURD' }).where(eq(herverdeling.id, row.id)).returning();
    await event(tx, row.id, 'GOEDGEKEURD', scope);
    return updated!;
  });
}

/**
 * Contract management decides (GOEDGEKEURD -> TOEGEKEND | AFGEWEZEN). Granting locks both
 * lumpsum rows (in id order, so two decisions cannot deadlock) and refuses when the
 * source would go below zero, counting every herverdeling already granted.
 */
export async function herverdelingBesluiten(db: Db, scope: Scope, idInput: string, besluit: string, motiveringInput: string): Promise<HerverdelingRow> {
  if (besluit !== 'TOEKENNEN' && besluit !== 'AFWIJZEN') throw badUserInput('besluit', 'besluit must be TOEKENNEN or AFWIJZEN');
  const motivering = requiredText('motivering', motiveringInput, 10, 2000);
  return db.transaction(async (tx) => {
    const { row } = await lockHerverdeling(tx, scope, idInput);
    if (row.status !== 'GOEDGEKEURD') {
      throw conflict(`Herverdeling is ${row.status}: a decision needs the approval of both parties (GOEDGEKEURD)`, { currentStatus: row.status });
    }
    if (besluit === 'TOEKENNEN') {
      const locked = await tx.select().from(lumpsum)
        .where(and(eq(lumpsum.gemeenteCode, scope.gemeente), inArray(lumpsum.id, [row.vanLumpsumId, row.naarLumpsumId]))).orderBy(lumpsum.id).for('update');
      const van = locked.find((l) => l.id === row.vanLumpsumId)!;
      const beschikbaar = van.bedragCenten + ((await herverdeeld(tx, scope.gemeente, [van.id])).get(van.id) ?? 0n);
      if (row.bedragCenten > beschikbaar) {
        throw conflict(`Granting would overspend: ${euro(row.bedragCenten)} asked, ${euro(beschikbaar)} left in the source lumpsum`, { currentStatus: row.status });
      }
    }
    const status = besluit === 'TOEKENNEN' ? 'TOEGEKEND' : 'AFGEWEZEN';
    const [updated] = await tx.update(herverdeling).set({ status, besluitMotivering: motivering }).where(eq(herverdeling.id, row.id)).returning();
    await event(tx, row.id, status, scope);
    return updated!;
  });
}
