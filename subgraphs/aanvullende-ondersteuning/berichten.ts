import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { bericht, toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { organisatie } from '../../db/schema/financien';
import { badUserInput, conflict, forbidden, notFound } from '../shared/errors';
import type { Scope } from '../shared/tokens';
import { datum, identifier, nietVoor, requiredText } from '../shared/validate';
import { EENHEDEN, FREQUENTIES, isPlatformBerichtId, iwmoCode, REDEN_BEEINDIGING, REDEN_WIJZIGING, volume } from '../shared/iwmo';
import { ACTIVE_TOEWIJZING_STATUSES, toewijzingVoorOrganisatie } from '../shared/relations';
import { registreerWijzigingen, type WijzigingSoort } from '../shared/wijzigingen';
import type { ToewijzingRow } from './loaders';

/**
 * The toewijzing lifecycle as a state machine over the iWmo message flow:
 *   verzoek --toekennen--> toegewezen --start--> gestart --stop--> gestopt
 *   verzoek --afwijzen--> afgewezen;  toegewezen --laten vervallen--> vervallen (never started)
 *   toegewezen|gestart --wijzigen--> (same state, new omvang/einddatum)
 *   bevestigen (the provider acknowledges a toewijzing, iWmo WMO302): recorded, changes nothing
 * Each message carries a message id; see `receive`. `wijziging` is what the change feed
 * records for the toewijzing (subgraphs/shared/wijzigingen.ts); an acknowledgement none.
 */
export const BERICHTEN = {
  toekennen: { from: ['verzoek'], to: 'toegewezen', by: 'gemeente', wijziging: 'GEWIJZIGD' },
  afwijzen: { from: ['verzoek'], to: 'afgewezen', by: 'gemeente', wijziging: 'BEEINDIGD' },
  wijzigen: { from: ['toegewezen', 'gestart'], to: null, by: 'gemeente', wijziging: 'GEWIJZIGD' },
  vervallen: { from: ['toegewezen'], to: 'vervallen', by: 'gemeente', wijziging: 'BEEINDIGD' },
  start: { from: ['toegewezen'], to: 'gestart', by: 'aanbieder', wijziging: 'GEWIJZIGD' },
  stop: { from: ['gestart'], to: 'gestopt', by: 'aanbieder', wijziging: 'BEEINDIGD' },
  bevestigen: { from: ['toegewezen', 'gestart', 'gestopt', 'vervallen'], to: null, by: 'aanbieder', wijziging: null },
} as const satisfies Record<string, { from: readonly string[]; to: string | null; by: string; wijziging: WijzigingSoort | null }>;
export type BerichtSoort = keyof typeof BERICHTEN;

const LEVERINGSVORMEN = new Set(['ZIN', 'PGB']);

export interface BerichtInput {
  ingangsdatum?: string | null;
  einddatum?: string | null;
  volume?: number | null;
  eenheid?: string | null;
  frequentie?: string | null;
  leveringsvorm?: string | null;
  begindatum?: string | null;
  stopdatum?: string | null;
  redenBeeindiging?: string | null;
  redenWijziging?: string | null;
  reden?: string | null;
  /** iWmo import only: the partner's dagtekening, and for a WMO302 the WMO301 it answers. */
  dagtekening?: string | null;
  identificatieRetour?: string | null;
  dagtekeningRetour?: string | null;
}

/** Database status (verzoek, gestart, …) as the API's StatusToewijzing (VERZOEK, GESTART, …). */
export const statusName = (s: string) => s.toUpperCase();

/** The message fields receive() checks; each is named in BAD_USER_INPUT by its path in `Velden`. */
type Veld = 'berichtId' | 'input' | 'ingangsdatum' | 'einddatum' | 'volume' | 'eenheid' | 'frequentie' | 'leveringsvorm'
  | 'redenWijziging' | 'reden' | 'begindatum' | 'stopdatum' | 'redenBeeindiging';
/** The argument path of each message field as the client sent it. */
export type Velden = Record<Veld, string>;

/**
 * The paths in the mutations: toekennen and wijzigen take an input object, the other
 * messages plain arguments (verzoekAfwijzen(reden:), startbericht(begindatum:), …).
 * The iWmo import passes the paths of its message instead (iwmo-import.ts).
 */
export const MUTATIE_VELDEN: Velden = {
  berichtId: 'berichtId', input: 'input', ingangsdatum: 'input.ingangsdatum', einddatum: 'input.einddatum', volume: 'input.volume',
  eenheid: 'input.eenheid', frequentie: 'input.frequentie', leveringsvorm: 'input.leveringsvorm', redenWijziging: 'input.redenWijziging',
  reden: 'reden', begindatum: 'begindatum', stopdatum: 'stopdatum', redenBeeindiging: 'redenBeeindiging',
};

function check(field: string, ok: boolean, message: string) {
  if (!ok) throw badUserInput(field, `${field} ${message}`);
}

/**
 * The checks of a message that need no toewijzing (required fields, codes, text lengths,
 * dates within the platform's years and in order), run before anything is read or written.
 */
function checkInhoud(soort: BerichtSoort, input: BerichtInput, v: Velden): void {
  switch (soort) {
    case 'toekennen':
      check(v.ingangsdatum, Boolean(input.ingangsdatum), 'is required');
      datum(v.ingangsdatum, input.ingangsdatum!);
      if (input.einddatum != null) nietVoor(v.einddatum, datum(v.einddatum, input.einddatum), input.ingangsdatum!, v.ingangsdatum);
      volume(v.volume, input.volume);
      iwmoCode(v.eenheid, EENHEDEN, 'WJ756', input.eenheid);
      iwmoCode(v.frequentie, FREQUENTIES, 'WMO757', input.frequentie);
      check(v.leveringsvorm, LEVERINGSVORMEN.has(input.leveringsvorm ?? 'ZIN'), 'must be ZIN or PGB');
      return;
    case 'afwijzen':
    case 'vervallen':
      requiredText(v.reden, input.reden, 3, 500);
      return;
    case 'wijzigen':
      iwmoCode(v.redenWijziging, REDEN_WIJZIGING, 'WMO002', input.redenWijziging);
      check(v.input, input.einddatum !== undefined || input.volume !== undefined, 'must change einddatum or volume');
      if (input.einddatum != null) datum(v.einddatum, input.einddatum);
      if (input.volume != null) volume(v.volume, input.volume);
      return;
    case 'start':
      check(v.begindatum, Boolean(input.begindatum), 'is required');
      datum(v.begindatum, input.begindatum!);
      return;
    case 'stop':
      check(v.stopdatum, Boolean(input.stopdatum), 'is required');
      datum(v.stopdatum, input.stopdatum!);
      iwmoCode(v.redenBeeindiging, REDEN_BEEINDIGING, 'WMO588', input.redenBeeindiging);
      return;
    case 'bevestigen':
      return;
  }
}

/** The checks against the toewijzing (dates not before its own), and the columns the message sets. */
function apply(soort: BerichtSoort, row: ToewijzingRow, input: BerichtInput, v: Velden): Partial<ToewijzingRow> {
  switch (soort) {
    case 'toekennen':
      return {
        ingangsdatum: input.ingangsdatum!, einddatum: input.einddatum ?? null, omvangVolume: input.volume!, omvangEenheid: input.eenheid!,
        omvangFrequentie: input.frequentie!, leveringsvorm: input.leveringsvorm ?? 'ZIN',
      };
    case 'afwijzen':
    case 'vervallen':
      return { reden: input.reden!.trim() };
    case 'wijzigen':
      if (input.einddatum) nietVoor(v.einddatum, input.einddatum, row.ingangsdatum, 'the ingangsdatum');
      return {
        ...(input.einddatum !== undefined ? { einddatum: input.einddatum } : {}),
        ...(input.volume !== undefined && input.volume !== null ? { omvangVolume: input.volume } : {}),
      };
    case 'start':
      nietVoor(v.begindatum, input.begindatum!, row.ingangsdatum, `the ingangsdatum ${row.ingangsdatum}`);
      return { begindatum: input.begindatum! };
    case 'stop':
      nietVoor(v.stopdatum, input.stopdatum!, row.begindatum!, `the begindatum ${row.begindatum}`);
      return { stopdatum: input.stopdatum!, redenBeeindiging: input.redenBeeindiging! };
    case 'bevestigen':
      return {};
  }
}

/** Canonical content of a message, to tell a retry from a reused id. */
function inhoud(soort: string, toewijzingId: string, input: BerichtInput): string {
  const keys = Object.keys(input).sort() as Array<keyof BerichtInput>;
  return JSON.stringify([soort, toewijzingId, keys.map((k) => [k, input[k] ?? null])]);
}

/** SQL: one value of a stored message's content (see `inhoud`), e.g. the partner's dagtekening. */
export const inhoudKey = (key: keyof BerichtInput) =>
  sql<string | null>`(select e->>1 from jsonb_array_elements(${bericht.inhoud}::jsonb -> 2) e where e->>0 = ${key})`;

/**
 * The statuses in which a provider knows a toewijzing of its own: from the gemeente's grant
 * on, also after a stop or lapse (its inbox, loaders.ts). A verzoek the gemeente has not
 * granted (yet) or refused is not the provider's to see.
 */
export const POSTVAK_STATUSES = ['toegewezen', 'gestart', 'gestopt', 'vervallen'];

/**
 * The toewijzingen a caller may send messages for: its gemeente's; a provider only its own
 * (hoofd- or onderaannemer) that it knows of (POSTVAK_STATUSES), so any other toewijzing is
 * NOT_FOUND like one that does not exist, never a CONFLICT naming its status.
 */
export function berichtScope(scope: Scope): SQL {
  const own = scope.rol === 'aanbieder-medewerker'
    ? and(toewijzingVoorOrganisatie(scope.organisatie ?? ''), inArray(toewijzing.status, POSTVAK_STATUSES))
    : undefined;
  return and(eq(toewijzing.gemeenteCode, scope.gemeente), own)!;
}

/**
 * Receives one message. A message id seen before with the same content returns the
 * stored result and changes nothing (partner systems may retry); with other content it
 * is a CONFLICT. The toewijzing is looked up (and locked) first, within the caller's
 * reach, and only then the message id: a stored message never answers a caller that
 * cannot reach its toewijzing. Under the lock parallel retries of one message also get
 * the one result.
 */
export async function receive(
  db: Db, scope: Scope, soort: BerichtSoort, berichtIdInput: string, toewijzingInput: string, input: BerichtInput, v: Velden = MUTATIE_VELDEN,
): Promise<ToewijzingRow> {
  const berichtId = identifier(v.berichtId, berichtIdInput);
  if (isPlatformBerichtId(berichtId)) throw badUserInput(v.berichtId, `${v.berichtId}: ids ending in .WMO3nn are reserved for messages the platform makes`);
  const toewijzingId = identifier('toewijzing', toewijzingInput);
  checkInhoud(soort, input, v);
  const content = inhoud(soort, toewijzingId, input);
  const earlier = async (tx: Db) => {
    const [seen] = await tx.select().from(bericht).where(eq(bericht.berichtId, berichtId));
    if (!seen) return null;
    if (seen.gemeenteCode !== scope.gemeente || seen.inhoud !== content) {
      throw conflict('This berichtId was already used for another message');
    }
    return seen.resultaat as ToewijzingRow;
  };
  return db.transaction(async (tx) => {
    const rule = BERICHTEN[soort];
    const [row] = await tx.select().from(toewijzing).where(and(berichtScope(scope), eq(toewijzing.id, toewijzingId))).for('update');
    if (!row) throw notFound('Toewijzing not found');
    const retried = await earlier(tx);
    if (retried) return retried;
    if (rule.by === 'aanbieder' && scope.rol !== 'aanbieder-medewerker') throw forbidden(`Only the provider sends the ${soort} message`);
    if (!(rule.from as readonly string[]).includes(row.status)) {
      throw conflict(`Toewijzing is ${statusName(row.status)}: ${soort} is possible only from ${rule.from.map(statusName).join(' or ')}`, { currentStatus: statusName(row.status) }, [row.inwonerId]);
    }
    const changes = { ...apply(soort, row, input, v), ...(rule.to ? { status: rule.to } : {}) };
    const [updated] = Object.keys(changes).length === 0 ? [row]
      : await tx.update(toewijzing).set(changes).where(eq(toewijzing.id, row.id)).returning();
    const [stored] = await tx.insert(bericht).values({
      berichtId, gemeenteCode: scope.gemeente, soort, toewijzingId, inhoud: content, resultaat: updated!, door: scope.sub, op: new Date().toISOString(),
    }).onConflictDoNothing().returning({ id: bericht.berichtId });
    // The same id sent in parallel for another toewijzing: refuse, the update rolls back.
    if (!stored) throw conflict('This berichtId was already used for another message');
    if (rule.wijziging) await registreerWijzigingen(tx, scope.gemeente, [{ entiteit: 'toewijzing', id: row.id, soort: rule.wijziging }]);
    return updated!;
  });
}

/**
 * The hoofdaanbieder hands a running toewijzing to one of the gemeente's onderaannemers;
 * from then on both see the resident, nobody else does. Repeating it is harmless.
 */
export async function doorgeven(db: Db, scope: Scope, toewijzingInput: string, onderaannemerInput: string): Promise<ToewijzingRow> {
  const toewijzingId = identifier('toewijzing', toewijzingInput);
  const onderaannemerId = identifier('onderaannemer', onderaannemerInput);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(toewijzing).where(and(
      eq(toewijzing.gemeenteCode, scope.gemeente), eq(toewijzing.id, toewijzingId), eq(toewijzing.organisatieId, scope.organisatie ?? ''),
      inArray(toewijzing.status, POSTVAK_STATUSES),
    )).for('update');
    if (!row) throw notFound('Toewijzing not found');
    if (!(ACTIVE_TOEWIJZING_STATUSES as readonly string[]).includes(row.status)) {
      throw conflict(`Toewijzing is ${statusName(row.status)}: only a TOEGEWEZEN or GESTART toewijzing can be handed on`, { currentStatus: statusName(row.status) }, [row.inwonerId]);
    }
    const [oa] = await tx.select({ soort: organisatie.soort }).from(organisatie)
      .where(and(eq(organisatie.gemeenteCode, scope.gemeente), eq(organisatie.id, onderaannemerId)));
    if (oa?.soort !== 'ONDERAANNEMER') throw badUserInput('onderaannemer', 'onderaannemer: not an onderaannemer of the gemeente');
    if (row.onderaannemerId === onderaannemerId) return row;
    const [updated] = await tx.update(toewijzing).set({ onderaannemerId }).where(eq(toewijzing.id, row.id)).returning();
    await registreerWijzigingen(tx, scope.gemeente, [{ entiteit: 'toewijzing', id: row.id, soort: 'GEWIJZIGD' }]);
    return updated!;
  });
}
