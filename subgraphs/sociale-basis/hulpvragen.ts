import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { wijk } from '../../db/schema/basisondersteuning';
import { organisatie } from '../../db/schema/financien';
import { hulpvraag, hulpvraagGebeurtenis, toestemming, vrijwilliger } from '../../db/schema/sociale-basis';
import { badUserInput, conflict, forbidden, notFound } from '../shared/errors';
import { DOEL_SOCIALE_BASIS } from '../shared/relations';
import { findInwoner } from '../shared/residents';
import type { Scope } from '../shared/tokens';
import { identifier, inwonerIdentifier, requiredText } from '../shared/validate';
import { registreerWijzigingen, type WijzigingSoort } from '../shared/wijzigingen';

export type HulpvraagRow = typeof hulpvraag.$inferSelect;
export type ToestemmingRow = typeof toestemming.$inferSelect;
export type Status = 'OPEN' | 'GEMATCHT' | 'AFGEROND' | 'TERUGGEZET' | 'OPGESCHAALD';

/**
 * The matching flow as data: which statuses an action may start from, where it leads, and
 * what the change feed records (an end state, AFGEROND or OPGESCHAALD, is BEEINDIGD).
 */
export const TRANSITIONS = {
  matchen: { from: ['OPEN', 'TERUGGEZET'], to: 'GEMATCHT', wijziging: 'GEWIJZIGD' },
  afronden: { from: ['GEMATCHT'], to: 'AFGEROND', wijziging: 'BEEINDIGD' },
  terugzetten: { from: ['GEMATCHT'], to: 'TERUGGEZET', wijziging: 'GEWIJZIGD' },
  opschalen: { from: ['OPEN', 'GEMATCHT', 'TERUGGEZET'], to: 'OPGESCHAALD', wijziging: 'BEEINDIGD' },
} as const satisfies Record<string, { from: readonly Status[]; to: Status; wijziging: WijzigingSoort }>;
export type Action = keyof typeof TRANSITIONS;

const now = () => new Date().toISOString();

async function logEvent(tx: Db, scope: Scope, id: string, van: string | null, naar: string, reden: string | null) {
  await tx.insert(hulpvraagGebeurtenis).values({
    id: `hvg-${randomUUID()}`, gemeenteCode: scope.gemeente, hulpvraagId: id, van, naar, reden, door: scope.sub, op: now(),
  });
}

/**
 * The consent in force of a resident to an organisation, or a new one; inside the
 * caller's transaction. A partial unique index keeps it to one row in force. Once the
 * resident has withdrawn consent, only the resident can give it again: a coordinator
 * cannot record it over their head.
 */
async function ensureConsent(tx: Db, scope: Scope, inwonerId: string, organisatieId: string): Promise<ToestemmingRow> {
  const same = and(
    eq(toestemming.gemeenteCode, scope.gemeente), eq(toestemming.inwonerId, inwonerId),
    eq(toestemming.organisatieId, organisatieId), eq(toestemming.doel, DOEL_SOCIALE_BASIS),
  );
  const inForce = () => tx.select().from(toestemming).where(and(same, isNull(toestemming.ingetrokkenOp)));
  const [existing] = await inForce();
  if (existing) return existing;
  if (scope.rol !== 'inwoner') {
    const [withdrawn] = await tx.select({ id: toestemming.id }).from(toestemming).where(and(same, isNotNull(toestemming.ingetrokkenOp))).limit(1);
    if (withdrawn) throw conflict('The resident withdrew this consent; only the resident can give it again');
  }
  const [created] = await tx.insert(toestemming).values({
    id: `ts-${randomUUID()}`, gemeenteCode: scope.gemeente, inwonerId, organisatieId, doel: DOEL_SOCIALE_BASIS,
    gegevenOp: now(), vastgelegdDoor: scope.sub,
  }).onConflictDoNothing().returning();
  if (created) return created;
  const [raced] = await inForce();
  return raced!;
}

export interface HulpvraagInput {
  wijk: string;
  soort: string;
  inwoner?: string | null;
  toestemming?: boolean | null;
}

/** Registers a hulpvraag; the resident is recorded only with consent, in the same transaction. */
export async function registreren(db: Db, scope: Scope, input: HulpvraagInput): Promise<HulpvraagRow> {
  const wijkCode = identifier('input.wijk', input.wijk);
  const inwonerId = input.inwoner == null ? null : inwonerIdentifier('input.inwoner', input.inwoner);
  if (inwonerId && !input.toestemming) {
    throw badUserInput('input.inwoner', 'A resident can only be recorded with their consent (toestemming: true); without it, register the hulpvraag anonymously');
  }
  if (!inwonerId && input.toestemming) {
    throw badUserInput('input.toestemming', 'toestemming needs the resident it is given by (input.inwoner)');
  }
  return db.transaction(async (tx) => {
    const [w] = await tx.select({ code: wijk.code }).from(wijk).where(and(eq(wijk.gemeenteCode, scope.gemeente), eq(wijk.code, wijkCode)));
    if (!w) throw badUserInput('input.wijk', 'input.wijk: no wijk with this code in the gemeente');
    if (inwonerId) {
      await findInwoner(tx, scope, 'input.inwoner', inwonerId);
      await ensureConsent(tx, scope, inwonerId, scope.organisatie!);
    }
    const [row] = await tx.insert(hulpvraag).values({
      id: `hv-${randomUUID()}`, gemeenteCode: scope.gemeente, wijkCode, inwonerId, soort: input.soort, status: 'OPEN',
      organisatieId: scope.organisatie, aangemaaktOp: now(),
    }).returning();
    await logEvent(tx, scope, row!.id, null, 'OPEN', null);
    await registreerWijzigingen(tx, scope.gemeente, [{ entiteit: 'hulpvraag', id: row!.id, soort: 'AANGEMAAKT' }]);
    return row!;
  });
}

/**
 * The hulpvragen a caller may move: a coordinator those of its own organisation, a
 * volunteer those matched to it. In the WHERE clause, so another's hulpvraag is NOT_FOUND
 * like one that does not exist, before its status is looked at.
 */
function ownHulpvraag(scope: Scope): SQL {
  if (scope.rol === 'vol-coordinator') return eq(hulpvraag.organisatieId, scope.organisatie ?? '');
  if (scope.rol === 'vrijwilliger') return eq(hulpvraag.vrijwilligerId, scope.sub);
  return sql`false`;
}

/**
 * Moves a hulpvraag along the flow. The row is locked (SELECT … FOR UPDATE), so two
 * coordinators cannot both match it; an invalid move is a CONFLICT naming the status.
 */
export async function transition(
  db: Db,
  scope: Scope,
  idInput: string,
  action: Action,
  options: { vrijwilliger?: string; reden?: string } = {},
): Promise<HulpvraagRow> {
  const id = identifier('id', idInput);
  const reden = options.reden === undefined ? null : requiredText('reden', options.reden, 3, 500);
  const vrijwilligerId = options.vrijwilliger === undefined ? undefined : identifier('vrijwilliger', options.vrijwilliger);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(hulpvraag)
      .where(and(eq(hulpvraag.gemeenteCode, scope.gemeente), eq(hulpvraag.id, id), ownHulpvraag(scope))).for('update');
    if (!row) throw notFound('Hulpvraag not found');
    const rule = TRANSITIONS[action];
    if (!(rule.from as readonly string[]).includes(row.status)) {
      throw conflict(`Hulpvraag is ${row.status}: ${action} is possible only from ${rule.from.join(' or ')}`, { currentStatus: row.status });
    }
    let nextVrijwilliger = row.vrijwilligerId;
    if (action === 'matchen') {
      const [v] = await tx.select().from(vrijwilliger).where(and(eq(vrijwilliger.gemeenteCode, scope.gemeente), eq(vrijwilliger.id, vrijwilligerId!)));
      if (!v) throw badUserInput('vrijwilliger', 'vrijwilliger: no volunteer with this id in the gemeente');
      if (!v.actief) throw badUserInput('vrijwilliger', 'vrijwilliger: this volunteer is not active');
      nextVrijwilliger = v.id;
    } else if (action === 'terugzetten') {
      nextVrijwilliger = null;
    }
    const [updated] = await tx.update(hulpvraag).set({ status: rule.to, vrijwilligerId: nextVrijwilliger })
      .where(eq(hulpvraag.id, row.id)).returning();
    await logEvent(tx, scope, row.id, row.status, rule.to, reden);
    await registreerWijzigingen(tx, scope.gemeente, [{ entiteit: 'hulpvraag', id: row.id, soort: rule.wijziging }]);
    return updated!;
  });
}

/** Records consent: a coordinator for its own organisation, a resident for themself. */
export async function toestemmingVastleggen(db: Db, scope: Scope, inwonerInput: string, organisatieInput?: string | null): Promise<ToestemmingRow> {
  const inwonerId = inwonerIdentifier('inwoner', inwonerInput);
  let organisatieId: string;
  if (scope.rol === 'inwoner') {
    if (inwonerId !== scope.sub) throw forbidden('A resident can only give consent for themself');
    organisatieId = identifier('organisatie', organisatieInput);
  } else {
    if (organisatieInput && organisatieInput !== scope.organisatie) {
      throw badUserInput('organisatie', 'A coordinator records consent for its own organisation only; leave organisatie out');
    }
    organisatieId = scope.organisatie!;
  }
  return db.transaction(async (tx) => {
    await findInwoner(tx, scope, 'inwoner', inwonerId);
    const [org] = await tx.select({ soort: organisatie.soort }).from(organisatie)
      .where(and(eq(organisatie.gemeenteCode, scope.gemeente), eq(organisatie.id, organisatieId)));
    if (!org || org.soort !== 'VRIJWILLIGERSORGANISATIE') {
      throw badUserInput('organisatie', 'organisatie: not a vrijwilligersorganisatie of the gemeente');
    }
    return ensureConsent(tx, scope, inwonerId, organisatieId);
  });
}

/**
 * Withdraws consent. The resident may repeat it (idempotent); for a coordinator a
 * withdrawn consent no longer exists. The row stays, with the moment it was withdrawn.
 */
export async function toestemmingIntrekken(db: Db, scope: Scope, idInput: string): Promise<ToestemmingRow> {
  const id = identifier('id', idInput);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(toestemming).where(and(eq(toestemming.gemeenteCode, scope.gemeente), eq(toestemming.id, id))).for('update');
    const mine = row && (scope.rol === 'inwoner' ? row.inwonerId === scope.sub : row.organisatieId === scope.organisatie && row.ingetrokkenOp === null);
    if (!row || !mine) throw notFound('Toestemming not found');
    if (row.ingetrokkenOp) return row;
    const [updated] = await tx.update(toestemming).set({ ingetrokkenOp: now() }).where(eq(toestemming.id, id)).returning();
    return updated!;
  });
}
