/**
 * Moving clients between hh-aanbieders while keeping each client with their own helper
 * (koppel cliënt-medewerker): staff transfers and the placement of clients of a provider
 * that stopped. Each run writes a report line per client concerned, in one transaction.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisatie } from '../../db/schema/financien';
import { capaciteit, hulp, indicatie, koppeling, overdracht, overdrachtRegel } from '../../db/schema/huishoudelijke-hulp';
import { badUserInput, conflict } from '../shared/errors';
import type { Scope } from '../shared/tokens';
import { datumBinnen, identifier, inwonerIdentifier, lijst } from '../shared/validate';
import { newId } from '../shared/ids';
import { notEnded } from '../shared/relations';
import { aanbiedersMetContract, dagVoor, kies, lockHh, type IndicatieRow } from './toegang';
import { registreerWijzigingen, type Wijziging } from '../shared/wijzigingen';

export type OverdrachtRow = typeof overdracht.$inferSelect;
type RegelValues = Omit<typeof overdrachtRegel.$inferInsert, 'id' | 'overdrachtId' | 'gemeenteCode'>;

const MAX_HULPEN = 500;
/** Clients who stay with their provider: at most the clients of the helpers (some 50 each). */
const MAX_BLIJVERS = MAX_HULPEN * 50;
async function hhAanbieder(tx: Db, scope: Scope, field: string, idInput: string): Promise<string> {
  const id = identifier(field, idInput);
  const [o] = await tx.select({ id: organisatie.id }).from(organisatie)
    .where(and(eq(organisatie.gemeenteCode, scope.gemeente), eq(organisatie.id, id), eq(organisatie.soort, 'HH_AANBIEDER')));
  if (!o) throw badUserInput(field, `${field}: not an hh-aanbieder of the gemeente`);
  return o.id;
}

interface Client { inwonerId: string; indicaties: IndicatieRow[]; hulpId: string | null; koppelingId: string | null }

/**
 * The clients of `org` on `per`: every indicatie not ended by then (a current one and a
 * later one are both moved), grouped per client, with the client's active helper; locked.
 */
async function clienten(tx: Db, scope: Scope, org: string, per: string): Promise<Client[]> {
  const indicaties = await tx.select().from(indicatie)
    .where(and(eq(indicatie.gemeenteCode, scope.gemeente), eq(indicatie.organisatieId, org), notEnded(indicatie.einddatum, per)))
    .orderBy(indicatie.inwonerId, indicatie.startdatum)
    .for('update');
  const pairs = indicaties.length === 0 ? [] : await tx.select().from(koppeling)
    .where(and(inArray(koppeling.inwonerId, [...new Set(indicaties.map((i) => i.inwonerId))]), isNull(koppeling.tot)))
    .for('update');
  const pairOf = new Map(pairs.map((k) => [k.inwonerId, k]));
  const byClient = new Map<string, Client>();
  for (const ind of indicaties) {
    const c = byClient.get(ind.inwonerId);
    if (c) c.indicaties.push(ind);
    else byClient.set(ind.inwonerId, { inwonerId: ind.inwonerId, indicaties: [ind], hulpId: pairOf.get(ind.inwonerId)?.hulpId ?? null, koppelingId: pairOf.get(ind.inwonerId)?.id ?? null });
  }
  return [...byClient.values()];
}

/**
 * Continues all of a client's indicaties at another provider; returns the one running on
 * `per` (else the first). The changes to the indicaties are added to `wijzigingen`.
 */
async function verhuis(tx: Db, scope: Scope, c: Client, naar: string, per: string, wijzigingen: Wijziging[]): Promise<string> {
  const ids: string[] = [];
  for (const ind of c.indicaties) ids.push(await voortzetten(tx, scope, ind, naar, per, wijzigingen));
  return ids[0]!;
}

/** Continues an indicatie at another provider from `per` (same minutes, end and calculation). */
async function voortzetten(tx: Db, scope: Scope, old: IndicatieRow, naar: string, per: string, wijzigingen: Wijziging[]): Promise<string> {
  if (old.startdatum >= per) {
    // Not started yet at the old provider: it simply moves.
    await tx.update(indicatie).set({ organisatieId: naar }).where(eq(indicatie.id, old.id));
    wijzigingen.push({ entiteit: 'hh-indicatie', id: old.id, soort: 'GEWIJZIGD' });
    return old.id;
  }
  await tx.update(indicatie).set({ einddatum: dagVoor(per) }).where(eq(indicatie.id, old.id));
  const id = newId('hhi');
  await tx.insert(indicatie).values({
    id, gemeenteCode: scope.gemeente, inwonerId: old.inwonerId, wijkCode: old.wijkCode, organisatieId: naar, minutenPerWeek: old.minutenPerWeek,
    startdatum: per, einddatum: old.einddatum, berekening: old.berekening, voortzettingVan: old.id,
  });
  wijzigingen.push({ entiteit: 'hh-indicatie', id: old.id, soort: 'BEEINDIGD' }, { entiteit: 'hh-indicatie', id, soort: 'AANGEMAAKT' });
  return id;
}

async function ontkoppel(tx: Db, koppelingId: string | null, per: string) {
  if (koppelingId) await tx.update(koppeling).set({ tot: dagVoor(per) }).where(eq(koppeling.id, koppelingId));
}

async function opslaan(tx: Db, scope: Scope, kop: Omit<OverdrachtRow, 'id' | 'gemeenteCode' | 'door' | 'op'>, regels: RegelValues[]): Promise<OverdrachtRow> {
  const [row] = await tx.insert(overdracht).values({ id: newId('hho'), gemeenteCode: scope.gemeente, door: scope.sub, op: new Date().toISOString(), ...kop }).returning();
  if (regels.length > 0) await tx.insert(overdrachtRegel).values(regels.map((r) => ({ id: newId('hhr'), gemeenteCode: scope.gemeente, overdrachtId: row!.id, ...r })));
  return row!;
}

/**
 * Staff transfer: the helpers move to `naar` and take their clients along. Every client
 * of these helpers at `van` gets an indicatie at `naar` from `per` (a continuation of the
 * old one) and keeps the pair; a client in `blijven` stays at `van` and loses the pair.
 * The places move with the staff: `naar`'s capacity grows by the clients it receives and
 * `van`'s shrinks by as many.
 */
export async function personeelOverdragen(
  db: Db, scope: Scope, vanInput: string, naarInput: string, hulpenInput: string[], perInput: string, blijvenInput: string[] | null | undefined,
): Promise<OverdrachtRow> {
  // From today or up to 90 days back: a helper works for one provider at a time, so a
  // transfer cannot wait in the future while the old provider still plans the helper.
  const per = datumBinnen('per', perInput, -90, 0);
  const hulpen = lijst('hulpen', hulpenInput, 1, MAX_HULPEN).map((h, i) => identifier(`hulpen.${i}`, h));
  if (new Set(hulpen).size !== hulpen.length) throw badUserInput('hulpen', 'hulpen names a helper twice');
  const blijven = new Set(lijst('blijvenBijAanbieder', blijvenInput, 0, MAX_BLIJVERS).map((b, i) => inwonerIdentifier(`blijvenBijAanbieder.${i}`, b)));
  const vanId = identifier('van', vanInput);
  if (identifier('naar', naarInput) === vanId) throw badUserInput('naar', 'naar must differ from van');
  return db.transaction(async (tx) => {
    await lockHh(tx, scope.gemeente);
    const van = await hhAanbieder(tx, scope, 'van', vanId);
    const naar = await hhAanbieder(tx, scope, 'naar', naarInput);
    if (!(await aanbiedersMetContract(tx, scope.gemeente, per)).some((a) => a.id === naar)) {
      throw badUserInput('naar', 'naar: no running contract for hulp bij het huishouden on this date');
    }
    const staff = await tx.select({ id: hulp.id }).from(hulp)
      .where(and(eq(hulp.gemeenteCode, scope.gemeente), inArray(hulp.id, hulpen), eq(hulp.organisatieId, van))).for('update');
    const known = new Set(staff.map((h) => h.id));
    const missing = hulpen.findIndex((h) => !known.has(h));
    if (missing >= 0) throw badUserInput(`hulpen.${missing}`, `hulpen.${missing}: no helper with this id at van`);

    const concerned = (await clienten(tx, scope, van, per)).filter((c) => c.hulpId !== null && known.has(c.hulpId));
    const ids = new Set(concerned.map((c) => c.inwonerId));
    const stray = [...blijven].findIndex((b) => !ids.has(b));
    if (stray >= 0) throw badUserInput(`blijvenBijAanbieder.${stray}`, `blijvenBijAanbieder.${stray}: not a client of these helpers at van`);

    const regels: RegelValues[] = [];
    const wijzigingen: Wijziging[] = [];
    for (const c of concerned) {
      const base = { inwonerId: c.inwonerId, hulpId: c.hulpId, oudeIndicatieId: c.indicaties[0]!.id };
      if (blijven.has(c.inwonerId)) {
        await ontkoppel(tx, c.koppelingId, per);
        // The client stays, without its vaste hulp: its indicaties show that.
        wijzigingen.push(...c.indicaties.map((i) => ({ entiteit: 'hh-indicatie' as const, id: i.id, soort: 'GEWIJZIGD' as const })));
        regels.push({ ...base, nieuweIndicatieId: null, naarAanbiederId: null, koppelingBehouden: false, reden: 'Cliënt blijft bij de eigen aanbieder; de hulp gaat over' });
      } else {
        regels.push({ ...base, nieuweIndicatieId: await verhuis(tx, scope, c, naar, per, wijzigingen), naarAanbiederId: naar, koppelingBehouden: true, reden: null });
      }
    }
    await registreerWijzigingen(tx, scope.gemeente, wijzigingen);
    await tx.update(hulp).set({ organisatieId: naar }).where(inArray(hulp.id, hulpen));
    const moved = regels.filter((r) => r.naarAanbiederId).length;
    if (moved > 0) await verplaatsCapaciteit(tx, scope, van, naar, moved);
    return opslaan(tx, scope, { soort: 'PERSONEEL', vanAanbiederId: van, naarAanbiederId: naar, per }, regels);
  });
}

async function verplaatsCapaciteit(tx: Db, scope: Scope, van: string, naar: string, n: number) {
  const rows = await tx.select().from(capaciteit).where(and(eq(capaciteit.gemeenteCode, scope.gemeente), inArray(capaciteit.organisatieId, [van, naar])));
  for (const r of rows) {
    const max = r.organisatieId === naar ? r.maxClienten + n : Math.max(0, r.maxClienten - n);
    await tx.update(capaciteit).set({ maxClienten: max }).where(and(eq(capaciteit.gemeenteCode, scope.gemeente), eq(capaciteit.organisatieId, r.organisatieId)));
  }
}

/**
 * Places the clients of an hh-aanbieder without a running contract. Each client goes
 * preferably to the provider where their helper now works (the pair is kept), otherwise
 * to the provider with the most room (the pair ends). A client nobody has room for stays
 * and is reported; running it again later places the rest.
 */
export async function clientenPlaatsen(db: Db, scope: Scope, vanInput: string, perInput: string): Promise<OverdrachtRow> {
  const per = datumBinnen('per', perInput, -90, 365);
  identifier('van', vanInput);
  return db.transaction(async (tx) => {
    await lockHh(tx, scope.gemeente);
    const van = await hhAanbieder(tx, scope, 'van', vanInput);
    const aanbieders = await aanbiedersMetContract(tx, scope.gemeente, per);
    if (aanbieders.some((a) => a.id === van)) throw conflict('van still has a running contract: its clients need no placement');
    const concerned = await clienten(tx, scope, van, per);
    const hulpOrg = new Map((concerned.every((c) => !c.hulpId) ? [] : await tx.select({ id: hulp.id, org: hulp.organisatieId }).from(hulp)
      .where(inArray(hulp.id, concerned.flatMap((c) => (c.hulpId ? [c.hulpId] : []))))).map((h) => [h.id, h.org]));
    const regels: RegelValues[] = [];
    const wijzigingen: Wijziging[] = [];
    for (const c of concerned) {
      const base = { inwonerId: c.inwonerId, hulpId: c.hulpId, oudeIndicatieId: c.indicaties[0]!.id };
      const helperAt = c.hulpId ? hulpOrg.get(c.hulpId) ?? null : null;
      const keuze = kies(aanbieders, null, helperAt);
      if (!keuze) {
        regels.push({ ...base, nieuweIndicatieId: null, naarAanbiederId: null, koppelingBehouden: false, reden: 'Geen aanbieder met vrije capaciteit; opnieuw plaatsen' });
        continue;
      }
      aanbieders.find((a) => a.id === keuze.aanbieder)!.bezet += 1;
      const nieuw = await verhuis(tx, scope, c, keuze.aanbieder, per, wijzigingen);
      const behouden = helperAt === keuze.aanbieder;
      if (!behouden) await ontkoppel(tx, c.koppelingId, per);
      const reden = behouden ? null
        : !c.hulpId ? 'Cliënt had geen vaste hulp'
          : aanbieders.some((a) => a.id === helperAt) ? 'De aanbieder van de hulp had geen vrije plaats'
            : 'De hulp werkt niet bij een aanbieder met contract';
      regels.push({ ...base, nieuweIndicatieId: nieuw, naarAanbiederId: keuze.aanbieder, koppelingBehouden: behouden, reden });
    }
    await registreerWijzigingen(tx, scope.gemeente, wijzigingen);
    return opslaan(tx, scope, { soort: 'PLAATSING', vanAanbiederId: van, naarAanbiederId: null, per }, regels);
  });
}
