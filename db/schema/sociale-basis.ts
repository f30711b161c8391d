import { boolean, index, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import { gemeenteCode } from './columns';

export const socialeBasis = pgSchema('sociale_basis');

/** Buurt- en dorpskamers: the physical heart of the sociale basis, one or more per gebied. */
export const kamer = socialeBasis.table('kamer', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  naam: text('naam').notNull(),
  gebied: text('gebied').notNull(),
  wijkCode: text('wijk_code').notNull(),
  plaats: text('plaats').notNull(),
  adres: text('adres'),
  hoofdlocatie: boolean('hoofdlocatie').notNull(),
}, (t) => [index('kamer_wijk_idx').on(t.gemeenteCode, t.wijkCode)]);

/**
 * A question for help from a resident that volunteers can take up. inwoner_id is
 * null when the resident gave no consent: the hulpvraag is then anonymous.
 */
export const hulpvraag = socialeBasis.table('hulpvraag', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  wijkCode: text('wijk_code').notNull(),
  inwonerId: text('inwoner_id'),
  soort: text('soort').notNull(),
  status: text('status').notNull(),
  aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [
  index('hulpvraag_wijk_idx').on(t.gemeenteCode, t.wijkCode, t.status),
  index('hulpvraag_inwoner_idx').on(t.inwonerId),
]);
