import { sql } from 'drizzle-orm';
import { bigint, index, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

/** CBS code of the municipality that owns a row (GM0080 = Leeuwarden). Every table has it. */
export const gemeenteCode = () => text('gemeente_code').notNull();

/**
 * The change feed (wijzigingenfeed) of one subgraph's Postgres schema: one row per change
 * of an entity that partners poll (a toewijzing, an HH indicatie, ...), written in the
 * same transaction as the change itself (subgraphs/shared/wijzigingen.ts). Ids and the
 * kind of change only, never personal data; who may read a row follows from its entity.
 *
 * `transactie` is the writing transaction's id (pg_current_xact_id, 64-bit, never wraps):
 * the feed is read in (transactie, volgnummer) order and only below the oldest running
 * transaction, so a change that commits late is never skipped (see wijzigingen.ts).
 */
export function wijzigingTabel(schema: PgSchema) {
  return schema.table('wijziging', {
    volgnummer: bigint('volgnummer', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    transactie: bigint('transactie', { mode: 'number' }).notNull().default(sql`(pg_current_xact_id()::text)::bigint`),
    gemeenteCode: gemeenteCode(),
    /** Which feed: 'toewijzing', 'hh-indicatie', 'hh-aanvraag', 'ondersteuning', 'hulpvraag'. */
    entiteit: text('entiteit').notNull(),
    entiteitId: text('entiteit_id').notNull(),
    /** AANGEMAAKT, GEWIJZIGD or BEEINDIGD. */
    soort: text('soort').notNull(),
    wanneer: timestamp('wanneer', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  }, (t) => [index(`${schema.schemaName}_wijziging_feed_idx`).on(t.gemeenteCode, t.entiteit, t.transactie, t.volgnummer)]);
}
