/**
 * The change feed (wijzigingenfeed): per domain a cursor query returning the changes since
 * a cursor, so a partner system can poll without missing or repeating a change.
 *
 * Writing. A mutation records each change with `registreerWijzigingen`, in its own
 * transaction, so the feed row commits or rolls back with the change. A row holds the
 * entity id and the kind of change only (AANGEMAAKT, GEWIJZIGD, BEEINDIGD): no personal
 * data, no status history, no organisation. It lives in the `wijziging` table of the
 * entity's Postgres schema (db/schema/columns.ts).
 *
 * Reading without gaps under concurrent writes. A bigserial alone cannot be a cursor:
 * transaction A takes volgnummer 5, B takes 6 and commits first; a poll then sees 6,
 * moves its cursor past 5, and A's change is lost when A commits. Timestamps fail the
 * same way. Filtering out rows of transactions still running is not enough either while
 * the cursor is the volgnummer: A can start writing before B (lower transaction id) yet
 * take the higher volgnummer, commit first and move the cursor past B's lower number.
 * What holds: every row carries its writing transaction's id (`pg_current_xact_id()`,
 * 64-bit, never wraps), the feed is ordered by (transactie, volgnummer), and a read
 * returns only rows with transactie below the xmin of its own snapshot
 * (`pg_snapshot_xmin(pg_current_snapshot())`, the oldest transaction still running).
 * Every transaction below xmin has ended, so the rows below xmin form a closed set that
 * the read sees completely; any row that commits later belongs to a transaction that was
 * running or not yet started, whose id is at least xmin, so it sorts after everything
 * returned. A change of a long-running transaction is held back (later, not lost) until
 * it ends. The cursor is the (transactie, volgnummer) of the last item returned; when a
 * page is not full it is (xmin, 0), so an idle partner does not scan the same rows on
 * every poll. The horizon depends on the cluster's running transactions only, so it
 * tells nothing about changes the caller may not see. Horizon and rows come from one
 * snapshot: a REPEATABLE READ, read-only transaction of two statements.
 *
 * Order. Changes of one transaction come in volgnummer order. Changes of one entity come
 * in the order they were made, because every mutation locks the entity (its row FOR
 * UPDATE, or the HH advisory lock) before its first write: waiting for a lock assigns no
 * transaction id, the id is assigned when the row lock is granted (or at the first write
 * after the advisory lock), so the later change has the higher transaction id. Changes of
 * different entities may come in another order than their commits.
 *
 * Authorisation. A feed row is returned only when the caller may read its entity now:
 * the query joins the entity and applies the same row rule as the entity's loaders
 * (`zichtbaar`), in SQL. An item therefore always has its entity (never null), the entity
 * comes from the same statement (one statement per page, whatever its size), and a change
 * of an entity the caller may not see leaves no trace: it is not counted, and the cursor
 * never reveals its volgnummer. Visibility is decided when the feed passes a change: a
 * change of an entity the caller could not see then is not delivered later.
 *
 * Guarantee. Following `volgende` from any cursor delivers every committed change of an
 * entity visible at the time of the poll exactly once, in the order above. A client that
 * loses the response and polls again with the same cursor gets the same items again
 * (plus newer ones): store the cursor after processing, and processing is at least once
 * with `volgnummer` as its idempotency key.
 */
import { and, eq, getTableColumns, lt, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { sqlRows, type Db } from '../../db/client';
import { aanvullendeWijziging } from '../../db/schema/aanvullende-ondersteuning';
import { basisWijziging } from '../../db/schema/basisondersteuning';
import { hhWijziging } from '../../db/schema/huishoudelijke-hulp';
import { socialeBasisWijziging } from '../../db/schema/sociale-basis';
import { badUserInput } from './errors';
import { fields, type FieldAccess, type Niveaus, type Policy } from './policy';
import type { Scope } from './tokens';

/** The kind of change: the entity was created, changed, or reached an end state. */
export type WijzigingSoort = 'AANGEMAAKT' | 'GEWIJZIGD' | 'BEEINDIGD';

/** Each feed, and the table (the entity's Postgres schema) its rows live in. */
const TABEL = {
  toewijzing: aanvullendeWijziging,
  'hh-indicatie': hhWijziging,
  'hh-aanvraag': hhWijziging,
  ondersteuning: basisWijziging,
  hulpvraag: socialeBasisWijziging,
} as const;

export type Entiteit = keyof typeof TABEL;

/** One change of one entity. */
export interface Wijziging {
  entiteit: Entiteit;
  id: string;
  soort: WijzigingSoort;
}

/**
 * Records changes in the feed; call it inside the transaction that makes them, so they
 * commit together. One INSERT per feed table; nothing when the list is empty.
 */
export async function registreerWijzigingen(tx: Db, gemeente: string, wijzigingen: readonly Wijziging[]): Promise<void> {
  const perTabel = new Map<(typeof TABEL)[Entiteit], Wijziging[]>();
  for (const w of wijzigingen) {
    const tabel = TABEL[w.entiteit];
    perTabel.set(tabel, [...(perTabel.get(tabel) ?? []), w]);
  }
  for (const [tabel, rows] of perTabel) {
    await tx.insert(tabel).values(rows.map((w) => ({ gemeenteCode: gemeente, entiteit: w.entiteit, entiteitId: w.id, soort: w.soort })));
  }
}

/** A position in a feed: after this change (or, with volgnummer 0, after every transaction below `transactie`). */
interface Positie {
  transactie: number;
  volgnummer: number;
}

const BEGIN: Positie = { transactie: 0, volgnummer: 0 };
const later = (a: Positie, b: Positie): Positie =>
  (a.transactie > b.transactie || (a.transactie === b.transactie && a.volgnummer >= b.volgnummer) ? a : b);

/** Opaque cursor: base64url of [feed, transactie, volgnummer]. */
function schrijfCursor(entiteit: Entiteit, p: Positie): string {
  return Buffer.from(JSON.stringify([entiteit, String(p.transactie), String(p.volgnummer)])).toString('base64url');
}

/**
 * Reads a cursor of this feed; anything else (another feed's, tampered, garbage, or not
 * written exactly as schrijfCursor writes it) is BAD_USER_INPUT on `na`.
 */
function leesCursor(entiteit: Entiteit, value: string): Positie {
  try {
    const key = value.length <= 200 ? (JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown) : null;
    const getal = (v: unknown) => (typeof v === 'string' && /^(0|[1-9]\d{0,15})$/.test(v) ? Number(v) : NaN);
    if (Array.isArray(key) && key.length === 3 && key[0] === entiteit) {
      const p = { transactie: getal(key[1]), volgnummer: getal(key[2]) };
      if (Number.isSafeInteger(p.transactie) && Number.isSafeInteger(p.volgnummer) && schrijfCursor(entiteit, p) === value) return p;
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw badUserInput('na', 'na is not a cursor of this feed: pass `volgende` of an earlier page of the same query');
}

/** The entity a feed is about, with the row rule of the entity's own loaders. */
export interface FeedBron<T extends PgTable> {
  entiteit: Entiteit;
  tabel: T;
  id: AnyPgColumn;
  gemeente: AnyPgColumn;
  /** The caller's row rule on `tabel` (the same predicate the entity's loaders apply). */
  zichtbaar: SQL;
}

export interface WijzigingenPagina<R> {
  items: Array<{ volgnummer: string; soort: WijzigingSoort; wanneer: string; entiteit: R }>;
  volgende: string;
  heeftMeer: boolean;
}

export const MAX_PER_PAGINA = 500;

/**
 * One page of a feed after cursor `na` (null: from the first change), at most `max`
 * items, with the entity of each change as the caller may read it. See the module comment
 * for why it cannot skip or repeat a change.
 */
export async function wijzigingenPagina<T extends PgTable>(
  db: Db, scope: Scope, bron: FeedBron<T>, args: { na?: string | null; max: number },
): Promise<WijzigingenPagina<T['$inferSelect']>> {
  if (!Number.isInteger(args.max) || args.max < 1 || args.max > MAX_PER_PAGINA) throw badUserInput('max', `max must be 1 to ${MAX_PER_PAGINA}`);
  const na = args.na === undefined || args.na === null ? BEGIN : leesCursor(bron.entiteit, args.na);
  const w = TABEL[bron.entiteit];
  return db.transaction(async (tx) => {
    // First statement of the transaction: fixes the snapshot the rows are read with.
    const [{ horizon }] = await sqlRows<{ horizon: string }>(tx, sql`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`) as [{ horizon: string }];
    const rows = await tx.select({ volgnummer: w.volgnummer, transactie: w.transactie, soort: w.soort, wanneer: w.wanneer, entiteit: getTableColumns(bron.tabel) })
      .from(w)
      .innerJoin(bron.tabel as PgTable, eq(bron.id, w.entiteitId))
      .where(and(
        eq(w.gemeenteCode, scope.gemeente), eq(w.entiteit, bron.entiteit), eq(bron.gemeente, scope.gemeente),
        lt(w.transactie, Number(horizon)),
        sql`(${w.transactie}, ${w.volgnummer}) > (${na.transactie}::bigint, ${na.volgnummer}::bigint)`,
        bron.zichtbaar,
      ))
      .orderBy(w.transactie, w.volgnummer)
      .limit(args.max + 1);
    const heeftMeer = rows.length > args.max;
    const page = rows.slice(0, args.max);
    const last = page.at(-1);
    const volgende = heeftMeer ? { transactie: last!.transactie, volgnummer: last!.volgnummer } : later(na, { transactie: Number(horizon), volgnummer: 0 });
    return {
      items: page.map((r) => ({
        volgnummer: String(r.volgnummer), soort: r.soort as WijzigingSoort, wanneer: new Date(r.wanneer).toISOString(), entiteit: r.entiteit as T['$inferSelect'],
      })),
      volgende: schrijfCursor(bron.entiteit, volgende),
      heeftMeer,
    };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/**
 * The policy rows of a feed's page and item types (`<Prefix>WijzigingenPagina`,
 * `<Prefix>Wijziging` with the entity field `veld`): the same readers as the feed query.
 * A feed row holds ids, a kind and a moment, no personal data ('intern'); the entity's own
 * fields keep their level, rule and processing log.
 */
export function feedRegels(prefix: string, veld: string, lezers: FieldAccess): Policy {
  return {
    [`${prefix}WijzigingenPagina`]: fields(['items', 'volgende', 'heeftMeer'], lezers),
    [`${prefix}Wijziging`]: fields(['volgnummer', 'soort', 'wanneer', veld], lezers),
  };
}

/** The confidentiality levels of a feed's page and item types (see feedRegels). */
export function feedNiveaus(prefix: string): Niveaus {
  return { [`${prefix}WijzigingenPagina`]: 'intern', [`${prefix}Wijziging`]: 'intern' };
}
