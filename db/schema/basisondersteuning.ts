import { date, index, pgSchema, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { gemeenteCode } from './columns';

/** Basisondersteuning owns the reference data that every pillar points at: wijken and inwoners. */
export const basisondersteuning = pgSchema('basisondersteuning');

export const wijk = basisondersteuning.table('wijk', {
  code: text('code').primaryKey(),
  gemeenteCode: gemeenteCode(),
  naam: text('naam').notNull(),
  gebied: text('gebied').notNull(),
}, (t) => [index('wijk_gemeente_idx').on(t.gemeenteCode)]);

export const huishouden = basisondersteuning.table('huishouden', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  wijkCode: text('wijk_code').notNull(),
});

/**
 * A resident. `id` is a pseudonymous key used across the supergraph; the BSN is kept
 * here only and is readable by gemeente-consulent alone.
 */
export const inwoner = basisondersteuning.table('inwoner', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  bsn: text('bsn'),
  voornaam: text('voornaam').notNull(),
  achternaam: text('achternaam').notNull(),
  geboortedatum: date('geboortedatum', { mode: 'string' }).notNull(),
  straat: text('straat').notNull(),
  huisnummer: text('huisnummer').notNull(),
  postcode: text('postcode').notNull(),
  woonplaats: text('woonplaats').notNull(),
  wijkCode: text('wijk_code').notNull(),
  huishoudenId: text('huishouden_id').notNull(),
}, (t) => [
  index('inwoner_wijk_idx').on(t.gemeenteCode, t.wijkCode),
  uniqueIndex('inwoner_bsn_uq').on(t.gemeenteCode, t.bsn),
]);

/** Every structural support relationship in basisondersteuning (soort, start, end). */
export const ondersteuning = basisondersteuning.table('ondersteuning', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  inwonerId: text('inwoner_id').notNull().references(() => inwoner.id),
  wijkCode: text('wijk_code').notNull(),
  organisatieId: text('organisatie_id').notNull(),
  soort: text('soort').notNull(),
  startdatum: date('startdatum', { mode: 'string' }).notNull(),
  einddatum: date('einddatum', { mode: 'string' }),
}, (t) => [
  index('ondersteuning_inwoner_idx').on(t.inwonerId),
  index('ondersteuning_wijk_idx').on(t.gemeenteCode, t.wijkCode),
  index('ondersteuning_org_idx').on(t.organisatieId, t.inwonerId),
]);
