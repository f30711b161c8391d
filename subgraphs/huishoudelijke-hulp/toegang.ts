/**
 * Gezamenlijke toegang and indicaties: one intake queue for both hh-aanbieders, the
 * assignment rules, the indicatie computed from the normtabel, and the fixed helper.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { inwoner as inwonerTable } from '../../db/schema/basisondersteuning';
import { contract } from '../../db/schema/financien';
import { aanvraag, capaciteit, hulp, indicatie, koppeling, normjaar, normregel } from '../../db/schema/huishoudelijke-hulp';
import { badUserInput, conflict, forbidden, notFound } from '../shared/errors';
import { notEnded } from '../shared/relations';
import { findInwoner } from '../shared/residents';
import { plusDagen, today } from '../shared/scalars';
import type { Scope } from '../shared/tokens';
import { newId } from '../shared/ids';
import { datumBinnen, identifier, intBetween, inwonerIdentifier } from '../shared/validate';
import { registreerWijzigingen } from '../shared/wijzigingen';
import { bereken, checkBerekeningInput, einddatumNa, leeftijdOp, type Berekening, type Mate, type Normjaar, type Normregel } from './normering';

export type AanvraagRow = typeof aanvraag.$inferSelect;
export type IndicatieRow = typeof indicatie.$inferSelect;
export type Toewijzingsreden = 'KEUZE_INWONER' | 'CONTINUITEIT' | 'CAPACITEIT';

export const OPEN_STATUSES = ['WACHTRIJ', 'TOEGEWEZEN'];

export const dagVoor = (datum: string) => plusDagen(datum, -1);

const activeIndicatieOn = (datum: string) =>
  and(lte(indicatie.startdatum, datum), notEnded(indicatie.einddatum, datum))!;

/**
 * Serialises the HH writes of one gemeente (intake, indicatie, pairing, transfers): they
 * read and change the same clients, pairs and capacity, and are few. A transaction-level
 * advisory lock, released at commit or rollback.
 */
export async function lockHh(tx: Db, gemeente: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`huishoudelijke-hulp:${gemeente}`}))`);
}

export interface Aanbieder { id: string; maxClienten: number; bezet: number }

/**
 * The hh-aanbieders that may take clients on `datum`: a running hoofdaanbieder contract
 * for hulp bij het huishouden and a capacity. Their capacity rows are locked until the
 * transaction ends, so parallel intakes cannot overfill a provider. `bezet` counts
 * clients with an active indicatie plus aanvragen assigned and not yet handled.
 */
export async function aanbiedersMetContract(tx: Db, gemeente: string, datum: string): Promise<Aanbieder[]> {
  const rows = await tx.select({ id: capaciteit.organisatieId, maxClienten: capaciteit.maxClienten }).from(capaciteit)
    .where(and(
      eq(capaciteit.gemeenteCode, gemeente),
      inArray(capaciteit.organisatieId, tx.select({ id: contract.organisatieId }).from(contract).where(and(
        eq(contract.gemeenteCode, gemeente), eq(contract.perceel, 'HULP_BIJ_HET_HUISHOUDEN'), eq(contract.rol, 'HOOFDAANBIEDER'),
        lte(contract.ingangsdatum, datum), or(isNull(contract.einddatum), gte(contract.einddatum, datum)),
      ))),
    ))
    .orderBy(capaciteit.organisatieId)
    .for('update');
  if (rows.length === 0) return [];
  const load = await bezetting(tx, gemeente, rows.map((r) => r.id), datum);
  return rows.map((r) => ({ ...r, bezet: load.get(r.id) ?? 0 }));
}

/**
 * Places taken per provider on `datum`: distinct clients with an indicatie that has not
 * ended (also one that starts later) or an aanvraag assigned and not yet handled. One
 * statement, counted in SQL.
 */
export async function bezetting(db: Db, gemeente: string, ids: readonly string[], datum: string): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const places = unionAll(
    db.select({ org: indicatie.organisatieId, inwoner: indicatie.inwonerId }).from(indicatie)
      .where(and(eq(indicatie.gemeenteCode, gemeente), inArray(indicatie.organisatieId, [...ids]), notEnded(indicatie.einddatum, datum))),
    db.select({ org: sql<string>`${aanvraag.aanbiederId}`.as('org'), inwoner: aanvraag.inwonerId }).from(aanvraag)
      .where(and(eq(aanvraag.gemeenteCode, gemeente), inArray(aanvraag.aanbiederId, [...ids]), eq(aanvraag.status, 'TOEGEWEZEN'))),
  ).as('places');
  const rows = await db.select({ org: places.org, n: sql<number>`count(distinct ${places.inwoner})::int` }).from(places).groupBy(places.org);
  return new Map(rows.map((r) => [r.org, Number(r.n)]));
}

/**
 * The assignment rules of the joint intake, in order:
 * 1. the resident's choice: that provider, or wait for it when it is full;
 * 2. continuity: the provider of the resident's latest indicatie (active or ended within a year);
 * 3. the provider with the most free places (ties: lowest id, so the result is deterministic).
 * Returns null when nobody has room: the aanvraag waits in the queue.
 */
export function kies(
  aanbieders: Aanbieder[],
  voorkeur: string | null,
  vorige: string | null,
): { aanbieder: string; reden: Toewijzingsreden } | null {
  const vrij = (a: Aanbieder | undefined) => a !== undefined && a.bezet < a.maxClienten;
  if (voorkeur) {
    const gekozen = aanbieders.find((a) => a.id === voorkeur);
    return vrij(gekozen) ? { aanbieder: voorkeur, reden: 'KEUZE_INWONER' } : null;
  }
  const continu = aanbieders.find((a) => a.id === vorige);
  if (vrij(continu)) return { aanbieder: continu!.id, reden: 'CONTINUITEIT' };
  const best = aanbieders.filter(vrij).sort((a, b) => (b.maxClienten - b.bezet) - (a.maxClienten - a.bezet) || a.id.localeCompare(b.id))[0];
  return best ? { aanbieder: best.id, reden: 'CAPACITEIT' } : null;
}

/** The provider of the resident's latest indicatie that is active or ended less than a year ago. */
async function vorigeAanbieder(tx: Db, gemeente: string, inwonerId: string, datum: string): Promise<string | null> {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  // UTC date arithmetic: on 29 February a year back is 1 March, never an invalid date.
  const jaarGeleden = new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
  const [row] = await tx.select({ id: indicatie.organisatieId }).from(indicatie)
    .where(and(eq(indicatie.gemeenteCode, gemeente), eq(indicatie.inwonerId, inwonerId), notEnded(indicatie.einddatum, jaarGeleden)))
    .orderBy(desc(indicatie.startdatum), desc(indicatie.id)).limit(1);
  return row?.id ?? null;
}

/** Assigns one aanvraag (row locked by the caller) if a provider has room. */
async function verdeel(tx: Db, scope: Scope, row: AanvraagRow, aanbieders: Aanbieder[]): Promise<AanvraagRow> {
  const keuze = kies(aanbieders, row.voorkeurAanbiederId, await vorigeAanbieder(tx, scope.gemeente, row.inwonerId, today()));
  if (!keuze) return row;
  aanbieders.find((a) => a.id === keuze.aanbieder)!.bezet += 1;
  const [updated] = await tx.update(aanvraag).set({
    status: 'TOEGEWEZEN', aanbiederId: keuze.aanbieder, toewijzingsreden: keuze.reden, toegewezenOp: new Date().toISOString(),
  }).where(eq(aanvraag.id, row.id)).returning();
  return updated!;
}

/** Who may file an aanvraag for a resident: the resident, the consulent, and a basis worker with a relation. */
const INDIENERS = new Set(['gemeente-consulent', 'inwoner', 'basis-medewerker']);

export async function aanvraagIndienen(db: Db, scope: Scope, inwonerInput: string, voorkeurInput: string | null | undefined): Promise<AanvraagRow> {
  if (!INDIENERS.has(scope.rol)) throw forbidden();
  const inwonerId = inwonerIdentifier('inwoner', inwonerInput);
  const voorkeur = voorkeurInput == null ? null : identifier('voorkeurAanbieder', voorkeurInput);
  return db.transaction(async (tx) => {
    await lockHh(tx, scope.gemeente);
    const resident = await findInwoner(tx, scope, 'inwoner', inwonerId, { relation: scope.rol !== 'gemeente-consulent', lock: true });
    const [open] = await tx.select({ id: aanvraag.id }).from(aanvraag)
      .where(and(eq(aanvraag.inwonerId, inwonerId), inArray(aanvraag.status, OPEN_STATUSES)));
    if (open) throw conflict('The resident already has an open aanvraag', { aanvraag: open.id });
    const aanbieders = await aanbiedersMetContract(tx, scope.gemeente, today());
    if (voorkeur && !aanbieders.some((a) => a.id === voorkeur)) {
      throw badUserInput('voorkeurAanbieder', 'voorkeurAanbieder: not an hh-aanbieder with a running contract');
    }
    const [row] = await tx.insert(aanvraag).values({
      id: newId('hha'), gemeenteCode: scope.gemeente, inwonerId, wijkCode: resident.wijkCode, status: 'WACHTRIJ',
      voorkeurAanbiederId: voorkeur, ingediendOp: new Date().toISOString(), ingediendDoor: scope.sub,
    }).returning();
    await registreerWijzigingen(tx, scope.gemeente, [{ entiteit: 'hh-aanvraag', id: row!.id, soort: 'AANGEMAAKT' }]);
    return verdeel(tx, scope, row!, aanbieders);
  });
}

/** Assigns up to `aantal` waiting aanvragen, oldest first, as long as providers have room. */
export async function wachtrijVerdelen(db: Db, scope: Scope, aantal: number): Promise<AanvraagRow[]> {
  intBetween('aantal', aantal, 1, 1000);
  return db.transaction(async (tx) => {
    await lockHh(tx, scope.gemeente);
    const aanbieders = await aanbiedersMetContract(tx, scope.gemeente, today());
    const wachtend = await tx.select().from(aanvraag)
      .where(and(eq(aanvraag.gemeenteCode, scope.gemeente), eq(aanvraag.status, 'WACHTRIJ')))
      .orderBy(asc(aanvraag.ingediendOp), asc(aanvraag.id)).limit(aantal).for('update');
    const out: AanvraagRow[] = [];
    for (const row of wachtend) out.push(await verdeel(tx, scope, row, aanbieders));
    const toegewezen = out.filter((a) => a.status === 'TOEGEWEZEN');
    await registreerWijzigingen(tx, scope.gemeente, toegewezen.map((a) => ({ entiteit: 'hh-aanvraag', id: a.id, soort: 'GEWIJZIGD' })));
    return out;
  });
}

/** An aanvraag the caller may act on: the consulent any in its gemeente, a provider those assigned to it, the resident its own. */
async function lockAanvraag(tx: Db, scope: Scope, idInput: string, field = 'id'): Promise<AanvraagRow> {
  const id = identifier(field, idInput);
  const own = scope.rol === 'hh-medewerker' ? eq(aanvraag.aanbiederId, scope.organisatie ?? '')
    : scope.rol === 'inwoner' ? eq(aanvraag.inwonerId, scope.sub)
      : scope.rol === 'gemeente-consulent' ? undefined : sql`false`;
  const [row] = await tx.select().from(aanvraag).where(and(eq(aanvraag.gemeenteCode, scope.gemeente), eq(aanvraag.id, id), own)).for('update');
  if (!row) throw notFound('Aanvraag not found');
  return row;
}

export async function aanvraagIntrekken(db: Db, scope: Scope, idInput: string): Promise<AanvraagRow> {
  return db.transaction(async (tx) => {
    await lockHh(tx, scope.gemeente);
    const row = await lockAanvraag(tx, scope, idInput);
    if (row.status === 'INGETROKKEN') return row;
    if (!OPEN_STATUSES.includes(row.status)) throw conflict(`Aanvraag is ${row.status}: only an open aanvraag can be withdrawn`, { currentStatus: row.status }, [row.inwonerId]);
    const [updated] = await tx.update(aanvraag).set({ status: 'INGETROKKEN' }).where(eq(aanvraag.id, row.id)).returning();
    await registreerWijzigingen(tx, scope.gemeente, [{ entiteit: 'hh-aanvraag', id: row.id, soort: 'BEEINDIGD' }]);
    return updated!;
  });
}

/** The normjaar and its lines; BAD_USER_INPUT on `field` when the year has no normtabel. */
export async function loadNormtabel(tx: Db, gemeente: string, jaar: number, field: string): Promise<{ jaar: Normjaar; regels: Normregel[] }> {
  const [j] = await tx.select().from(normjaar).where(and(eq(normjaar.gemeenteCode, gemeente), eq(normjaar.jaar, jaar)));
  const regels = j ? await tx.select().from(normregel).where(and(eq(normregel.gemeenteCode, gemeente), eq(normregel.jaar, jaar))).orderBy(normregel.activiteit) : [];
  if (!j || regels.length === 0) throw badUserInput(field, `${field}: there is no normtabel for ${jaar}`);
  return { jaar: { ...j, vakantieweken: j.vakantieweken }, regels };
}

export interface IndicatieInput {
  startdatum: string;
  huishoudgrootte: number;
  taken: Array<{ activiteit: string; mate: Mate }>;
  chronischZiek?: boolean | null;
  vasteHulp?: string | null;
}

/**
 * Starts an indicatie for a resident at a provider, ending the resident's running one the
 * day before. A later-starting indicatie already on record is a CONFLICT (no overlaps).
 * Both show in the change feed.
 */
export async function indicatieStarten(
  tx: Db,
  scope: Scope,
  values: { inwonerId: string; wijkCode: string; organisatieId: string; minutenPerWeek: number; startdatum: string; einddatum: string | null; berekening: Berekening | null; voortzettingVan?: string | null },
): Promise<IndicatieRow> {
  const [later] = await tx.select({ startdatum: indicatie.startdatum, organisatieId: indicatie.organisatieId }).from(indicatie)
    .where(and(eq(indicatie.inwonerId, values.inwonerId), gte(indicatie.startdatum, values.startdatum)));
  if (later) {
    // An hh-aanbieder sees only its own indicaties: another provider's start date is not named.
    if (scope.rol === 'hh-medewerker' && later.organisatieId !== scope.organisatie) {
      throw conflict('The resident already has an indicatie starting on or after this startdatum');
    }
    throw conflict(`The resident already has an indicatie starting ${later.startdatum}, on or after this startdatum`, { currentStartdatum: later.startdatum });
  }
  const beeindigd = await tx.update(indicatie).set({ einddatum: dagVoor(values.startdatum) }).where(and(
    eq(indicatie.inwonerId, values.inwonerId), lt(indicatie.startdatum, values.startdatum),
    notEnded(indicatie.einddatum, values.startdatum),
  )).returning({ id: indicatie.id });
  const [row] = await tx.insert(indicatie).values({ id: newId('hhi'), gemeenteCode: scope.gemeente, voortzettingVan: null, ...values }).returning();
  await registreerWijzigingen(tx, scope.gemeente, [
    ...beeindigd.map((b) => ({ entiteit: 'hh-indicatie' as const, id: b.id, soort: 'BEEINDIGD' as const })),
    { entiteit: 'hh-indicatie', id: row!.id, soort: 'AANGEMAAKT' },
  ]);
  return row!;
}

/**
 * Makes `hulpId` the resident's fixed helper from `per`, ending any other pair the day
 * before. Returns false when it already was.
 */
export async function koppel(tx: Db, scope: Scope, inwonerId: string, hulpId: string, per: string): Promise<boolean> {
  const [current] = await tx.select().from(koppeling).where(and(eq(koppeling.inwonerId, inwonerId), isNull(koppeling.tot))).for('update');
  if (current?.hulpId === hulpId) return false;
  if (current) await tx.update(koppeling).set({ tot: current.van < per ? dagVoor(per) : current.van }).where(eq(koppeling.id, current.id));
  await tx.insert(koppeling).values({ id: newId('hhk'), gemeenteCode: scope.gemeente, inwonerId, hulpId, van: per, tot: null });
  return true;
}

async function hulpVan(tx: Db, scope: Scope, field: string, idInput: string, organisatieId: string): Promise<string> {
  const id = identifier(field, idInput);
  const [h] = await tx.select({ id: hulp.id }).from(hulp).where(and(eq(hulp.gemeenteCode, scope.gemeente), eq(hulp.id, id), eq(hulp.organisatieId, organisatieId)));
  if (!h) throw badUserInput(field, `${field}: no hulp with this id at the provider`);
  return h.id;
}

/** The assigned provider (or the consulent) turns an aanvraag into an indicatie computed from the normtabel. */
export async function indicatieVaststellen(db: Db, scope: Scope, aanvraagInput: string, input: IndicatieInput): Promise<IndicatieRow> {
  if (scope.rol !== 'hh-medewerker' && scope.rol !== 'gemeente-consulent') throw forbidden();
  // A month back at most (an intake done last week) and a year ahead: never rewriting history.
  datumBinnen('input.startdatum', input.startdatum, -31, 365);
  checkBerekeningInput(input);
  const vasteHulpId = input.vasteHulp == null ? null : identifier('input.vasteHulp', input.vasteHulp);
  identifier('aanvraag', aanvraagInput);
  return db.transaction(async (tx) => {
    await lockHh(tx, scope.gemeente);
    const row = await lockAanvraag(tx, scope, aanvraagInput, 'aanvraag');
    if (row.status !== 'TOEGEWEZEN') throw conflict(`Aanvraag is ${row.status}: an indicatie needs a TOEGEWEZEN aanvraag`, { currentStatus: row.status }, [row.inwonerId]);
    const normtabel = await loadNormtabel(tx, scope.gemeente, Number(input.startdatum.slice(0, 4)), 'input.startdatum');
    const [resident] = await tx.select({ geboortedatum: inwonerTable.geboortedatum, wijkCode: inwonerTable.wijkCode }).from(inwonerTable).where(eq(inwonerTable.id, row.inwonerId));
    const berekening = bereken(normtabel.jaar, normtabel.regels, {
      huishoudgrootte: input.huishoudgrootte, taken: input.taken,
      leeftijd: leeftijdOp(resident!.geboortedatum, input.startdatum), chronischZiek: input.chronischZiek ?? false,
    });
    const organisatieId = row.aanbiederId!;
    const vasteHulp = vasteHulpId ? await hulpVan(tx, scope, 'input.vasteHulp', vasteHulpId, organisatieId) : null;
    const created = await indicatieStarten(tx, scope, {
      inwonerId: row.inwonerId, wijkCode: resident!.wijkCode, organisatieId, minutenPerWeek: berekening.minutenPerWeek,
      startdatum: input.startdatum, einddatum: einddatumNa(input.startdatum, berekening.looptijdMaanden), berekening,
    });
    if (vasteHulp) await koppel(tx, scope, row.inwonerId, vasteHulp, input.startdatum);
    else await ontkoppelElders(tx, row.inwonerId, organisatieId, input.startdatum);
    await tx.update(aanvraag).set({ status: 'AFGEHANDELD', indicatieId: created.id }).where(eq(aanvraag.id, row.id));
    await registreerWijzigingen(tx, scope.gemeente, [{ entiteit: 'hh-aanvraag', id: row.id, soort: 'BEEINDIGD' }]);
    return created;
  });
}

/** Ends the resident's active pair from `per` when its helper does not work at `organisatieId`. */
async function ontkoppelElders(tx: Db, inwonerId: string, organisatieId: string, per: string): Promise<void> {
  const [current] = await tx.select({ id: koppeling.id, van: koppeling.van, org: hulp.organisatieId }).from(koppeling)
    .innerJoin(hulp, eq(hulp.id, koppeling.hulpId))
    .where(and(eq(koppeling.inwonerId, inwonerId), isNull(koppeling.tot)));
  if (current && current.org !== organisatieId) {
    await tx.update(koppeling).set({ tot: current.van < per ? dagVoor(per) : current.van }).where(eq(koppeling.id, current.id));
  }
}

/**
 * A provider links its client to one of its helpers, from today up to 90 days ahead; the
 * client's indicatie at the provider must run today and on that date.
 */
export async function koppelen(db: Db, scope: Scope, inwonerInput: string, hulpInput: string, perInput: string): Promise<IndicatieRow> {
  const inwonerId = inwonerIdentifier('inwoner', inwonerInput);
  const per = datumBinnen('per', perInput, 0, 90);
  identifier('hulp', hulpInput);
  return db.transaction(async (tx) => {
    await lockHh(tx, scope.gemeente);
    const [ind] = await tx.select().from(indicatie).where(and(
      eq(indicatie.gemeenteCode, scope.gemeente), eq(indicatie.inwonerId, inwonerId), eq(indicatie.organisatieId, scope.organisatie ?? ''),
      activeIndicatieOn(today()), activeIndicatieOn(per),
    ));
    if (!ind) throw badUserInput('inwoner', 'inwoner: no client with an indicatie at your organisation today and on this date');
    // The indicatie shows its vaste hulp: a new pair changes it.
    if (await koppel(tx, scope, inwonerId, await hulpVan(tx, scope, 'hulp', hulpInput, ind.organisatieId), per)) {
      await registreerWijzigingen(tx, scope.gemeente, [{ entiteit: 'hh-indicatie', id: ind.id, soort: 'GEWIJZIGD' }]);
    }
    return ind;
  });
}
