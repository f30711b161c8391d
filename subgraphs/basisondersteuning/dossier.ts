import { randomUUID } from 'node:crypto';
import { newId } from '../shared/ids';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { bericht, toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { beschikkingAanvraag, contactmoment, inwoner, signaal, verwijzing } from '../../db/schema/basisondersteuning';
import { organisatie } from '../../db/schema/financien';
import { badUserInput, conflict, forbidden, notFound } from '../shared/errors';
import { findInwoner } from '../shared/residents';
import { omvang, platformBerichtId, PRODUCTCATEGORIE } from '../shared/iwmo';
import { inwonerVisible, isRegievoerder } from '../shared/relations';
import type { Scope } from '../shared/tokens';
import { datum, identifier, intBetween, inwonerIdentifier, lijst, nietInDeToekomst, nietVoor, requiredText } from '../shared/validate';
import { registreerWijzigingen } from '../shared/wijzigingen';
import { today } from '../shared/scalars';

export type AanvraagRow = typeof beschikkingAanvraag.$inferSelect;

/** An intake may be with anyone (toegang); other contacts need the relation. */
export async function contactmomentRegistreren(db: Db, scope: Scope, inwonerInput: string, soort: string, datum: string) {
  const inwonerId = inwonerIdentifier('inwoner', inwonerInput);
  nietInDeToekomst('datum', datum);
  return db.transaction(async (tx) => {
    await findInwoner(tx, scope, 'inwoner', inwonerId, { relation: soort !== 'INTAKE' });
    const [row] = await tx.insert(contactmoment).values({
      id: newId('cm'), gemeenteCode: scope.gemeente, inwonerId, organisatieId: scope.organisatie!, soort, datum, medewerker: scope.sub,
    }).returning();
    return row!;
  });
}

export interface VerwijzingInput {
  inwoner: string;
  product: string;
  criteria: string[];
  ingangsdatum: string;
  volume: number;
  eenheid: string;
  frequentie: string;
}

/**
 * A referral with its criteria; in the same transaction it becomes a verzoek om
 * toewijzing (status 'verzoek') at the gemeente's hoofdaanbieder. Both pillars share one
 * database, so no message can be lost between them; were they split, this write becomes
 * an outbox message.
 */
export async function verwijzen(db: Db, scope: Scope, input: VerwijzingInput) {
  const inwonerId = inwonerIdentifier('input.inwoner', input.inwoner);
  // At least one criterion: the referral records what led to it.
  const criteria = [...new Set(lijst('input.criteria', input.criteria, 1, 20))];
  const family = input.product.startsWith('TO') ? 'TO_' : input.product.startsWith('DB') ? 'DB_' : null;
  if (family && !criteria.every((c) => c.startsWith(family))) {
    throw badUserInput('input.criteria', `input.criteria: a referral for ${input.product} uses the ${family}* criteria`);
  }
  const gevraagd = omvang('input', input);
  datum('input.ingangsdatum', input.ingangsdatum);
  return db.transaction(async (tx) => {
    const resident = await findInwoner(tx, scope, 'input.inwoner', inwonerId, { relation: true, lock: true });
    const [open] = await tx.select({ id: toewijzing.id }).from(toewijzing).where(and(
      eq(toewijzing.gemeenteCode, scope.gemeente), eq(toewijzing.inwonerId, inwonerId), eq(toewijzing.product, input.product), eq(toewijzing.status, 'verzoek'),
    )).limit(1);
    if (open) throw conflict(`A verzoek om toewijzing for ${input.product} is already open for this resident`);
    const aanbieders = await tx.select({ id: organisatie.id }).from(organisatie)
      .where(and(eq(organisatie.gemeenteCode, scope.gemeente), eq(organisatie.soort, 'HOOFDAANBIEDER')));
    if (aanbieders.length !== 1) throw conflict(`Expected one contracted hoofdaanbieder, found ${aanbieders.length}`);
    const toewijzingId = newId('tw');
    const [verzoek] = await tx.insert(toewijzing).values({
      id: toewijzingId, gemeenteCode: scope.gemeente, toewijzingNummer: `V${Date.now()}${randomUUID().slice(0, 4)}`,
      inwonerId, wijkCode: resident.wijkCode, product: input.product, productcategorie: PRODUCTCATEGORIE[input.product]!,
      organisatieId: aanbieders[0]!.id, status: 'verzoek', leveringsvorm: 'ZIN',
      omvangVolume: gevraagd.volume, omvangEenheid: gevraagd.eenheid, omvangFrequentie: gevraagd.frequentie,
      toewijzingsdatum: today(), ingangsdatum: input.ingangsdatum,
    }).returning();
    // The verzoek is the first message of the toewijzing flow (iWmo WMO315). Kept as sent, with
    // the requested ingangsdatum and omvang, which the toewijzing row loses once it is granted.
    await tx.insert(bericht).values({
      berichtId: platformBerichtId(toewijzingId, 'WMO315'), gemeenteCode: scope.gemeente, soort: 'verzoek', toewijzingId,
      inhoud: JSON.stringify(['verzoek', toewijzingId, []]), resultaat: verzoek!, door: scope.sub, op: new Date().toISOString(),
    });
    const [row] = await tx.insert(verwijzing).values({
      id: newId('vw'), gemeenteCode: scope.gemeente, inwonerId, organisatieId: scope.organisatie!, product: input.product,
      criteria, toewijzingId, door: scope.sub, op: new Date().toISOString(),
    }).returning();
    await registreerWijzigingen(tx, scope.gemeente, [{ entiteit: 'toewijzing', id: toewijzingId, soort: 'AANGEMAAKT' }]);
    return row!;
  });
}

export function aanvraagStatus(a: AanvraagRow): string {
  if (a.bezwaarOp) return 'IN_BEZWAAR';
  if (a.besluit) return 'BESLOTEN';
  if (a.advies) return 'ADVIES_GEGEVEN';
  return 'AANGEVRAAGD';
}

/** A resident asks for a decision (themself, or the basisondersteuning on their behalf). */
export async function beschikkingAanvragen(db: Db, scope: Scope, inwonerInput: string) {
  const inwonerId = inwonerIdentifier('inwoner', inwonerInput);
  if (scope.rol === 'inwoner' && inwonerId !== scope.sub) throw forbidden('A resident can only ask for their own beschikking');
  return db.transaction(async (tx) => {
    await findInwoner(tx, scope, 'inwoner', inwonerId, { relation: true, lock: true });
    const [open] = await tx.select({ id: beschikkingAanvraag.id }).from(beschikkingAanvraag)
      .where(and(eq(beschikkingAanvraag.inwonerId, inwonerId), isNull(beschikkingAanvraag.besluit)));
    if (open) throw conflict('This resident already has an aanvraag awaiting a decision', { aanvraag: open.id });
    const [row] = await tx.insert(beschikkingAanvraag).values({
      id: newId('ba'), gemeenteCode: scope.gemeente, inwonerId, aangevraagdOp: today(), aangevraagdDoor: scope.sub,
    }).returning();
    return row!;
  });
}

/** Loads an aanvraag for update, only if its resident lies within the caller's relation. */
async function lockAanvraag(tx: Db, scope: Scope, idInput: string): Promise<AanvraagRow> {
  const id = identifier('id', idInput);
  const [row] = await tx.select().from(beschikkingAanvraag).where(and(
    eq(beschikkingAanvraag.gemeenteCode, scope.gemeente), eq(beschikkingAanvraag.id, id), inwonerVisible(tx, scope, beschikkingAanvraag.inwonerId),
  )).for('update');
  if (!row) throw notFound('Aanvraag not found');
  return row;
}

export async function adviesGeven(db: Db, scope: Scope, idInput: string, advies: string) {
  const id = identifier('id', idInput);
  return db.transaction(async (tx) => {
    const row = await lockAanvraag(tx, scope, id);
    if (aanvraagStatus(row) !== 'AANGEVRAAGD') throw conflict(`Aanvraag is ${aanvraagStatus(row)}: advice is given once, before the decision`, { currentStatus: aanvraagStatus(row) }, [row.inwonerId]);
    const [updated] = await tx.update(beschikkingAanvraag).set({ advies, adviesOrganisatie: scope.organisatie, adviesOp: today() })
      .where(eq(beschikkingAanvraag.id, row.id)).returning();
    return updated!;
  });
}

export async function besluiten(db: Db, scope: Scope, id: string, besluit: string, grondenInput: string, datum: string) {
  identifier('id', id);
  const gronden = requiredText('gronden', grondenInput, 10, 2000);
  nietInDeToekomst('datum', datum);
  return db.transaction(async (tx) => {
    const row = await lockAanvraag(tx, scope, id);
    if (aanvraagStatus(row) !== 'ADVIES_GEGEVEN') {
      throw conflict(`Aanvraag is ${aanvraagStatus(row)}: a decision needs the zwaarwegend advies first and is taken once`, { currentStatus: aanvraagStatus(row) }, [row.inwonerId]);
    }
    nietVoor('datum', datum, row.aangevraagdOp, 'the aanvraag');
    const [updated] = await tx.update(beschikkingAanvraag).set({ besluit, besluitGronden: gronden, besluitDatum: datum, besluitDoor: scope.sub })
      .where(eq(beschikkingAanvraag.id, row.id)).returning();
    return updated!;
  });
}

export async function bezwaarRegistreren(db: Db, scope: Scope, id: string, datum: string) {
  identifier('id', id);
  nietInDeToekomst('datum', datum);
  return db.transaction(async (tx) => {
    const row = await lockAanvraag(tx, scope, id);
    if (aanvraagStatus(row) !== 'BESLOTEN') throw conflict(`Aanvraag is ${aanvraagStatus(row)}: bezwaar is possible once, after the decision`, { currentStatus: aanvraagStatus(row) }, [row.inwonerId]);
    nietVoor('datum', datum, row.besluitDatum!, 'the decision');
    const [updated] = await tx.update(beschikkingAanvraag).set({ bezwaarOp: datum }).where(eq(beschikkingAanvraag.id, row.id)).returning();
    return updated!;
  });
}

/** Only the regievoerder of the resident's household registers a signal. */
export async function signaalRegistreren(db: Db, scope: Scope, inwonerInput: string, soort: string, stap: number | null | undefined, datum: string) {
  const inwonerId = inwonerIdentifier('inwoner', inwonerInput);
  nietInDeToekomst('datum', datum);
  const meldcode = soort === 'VEILIG_THUIS_MELDCODE';
  if (meldcode && stap == null) throw badUserInput('stap', 'stap (1-5) is required for the Veilig Thuis meldcode');
  if (meldcode) intBetween('stap', stap, 1, 5);
  if (!meldcode && stap != null) throw badUserInput('stap', 'stap is only for VEILIG_THUIS_MELDCODE');
  return db.transaction(async (tx) => {
    const [mine] = await tx.select({ id: inwoner.id }).from(inwoner)
      .where(and(eq(inwoner.gemeenteCode, scope.gemeente), eq(inwoner.id, inwonerId), isRegievoerder(tx, scope, inwoner.id)));
    if (!mine) throw forbidden('Only the regievoerder of the household registers signals');
    const [row] = await tx.insert(signaal).values({
      id: newId('sg'), gemeenteCode: scope.gemeente, inwonerId, soort, stap: meldcode ? String(stap) : null, op: datum, door: scope.sub,
    }).returning();
    return row!;
  });
}

