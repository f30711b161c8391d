import { date, index, integer, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import { gemeenteCode, wijzigingTabel } from './columns';

export const aanvullendeOndersteuning = pgSchema('aanvullende_ondersteuning');

/**
 * A toewijzing (iWmo WMO301 ToegewezenProduct) to a hoofdaanbieder, optionally handed
 * to an onderaannemer. Status follows the message flow; issue 5 makes it a state machine.
 */
export const toewijzing = aanvullendeOndersteuning.table('toewijzing', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  toewijzingNummer: text('toewijzing_nummer').notNull(),
  inwonerId: text('inwoner_id').notNull(),
  wijkCode: text('wijk_code').notNull(),
  product: text('product').notNull(),
  productcategorie: text('productcategorie').notNull(),
  organisatieId: text('organisatie_id').notNull(),
  onderaannemerId: text('onderaannemer_id'),
  status: text('status').notNull(),
  leveringsvorm: text('leveringsvorm').notNull(),
  omvangVolume: integer('omvang_volume').notNull(),
  omvangEenheid: text('omvang_eenheid').notNull(),
  omvangFrequentie: text('omvang_frequentie').notNull(),
  toewijzingsdatum: date('toewijzingsdatum', { mode: 'string' }).notNull(),
  ingangsdatum: date('ingangsdatum', { mode: 'string' }).notNull(),
  einddatum: date('einddatum', { mode: 'string' }),
  /** Actual start (startbericht) and actual end (stopbericht, with iWmo WMO588 reason). */
  begindatum: date('begindatum', { mode: 'string' }),
  stopdatum: date('stopdatum', { mode: 'string' }),
  redenBeeindiging: text('reden_beeindiging'),
  /** Why a verzoek was refused or a toewijzing lapsed without a start. */
  reden: text('reden'),
}, (t) => [
  index('toewijzing_inwoner_idx').on(t.inwonerId),
  index('toewijzing_wijk_idx').on(t.gemeenteCode, t.wijkCode),
  index('toewijzing_org_idx').on(t.organisatieId, t.inwonerId),
  index('toewijzing_onderaannemer_idx').on(t.onderaannemerId, t.inwonerId),
]);

/**
 * Every message of the toewijzing flow, by its message id: a retry with the same id
 * and content returns the stored result and changes nothing; the same id with other
 * content is refused.
 */
export const bericht = aanvullendeOndersteuning.table('bericht', {
  berichtId: text('bericht_id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  soort: text('soort').notNull(),
  toewijzingId: text('toewijzing_id').notNull(),
  inhoud: text('inhoud').notNull(),
  resultaat: jsonb('resultaat').notNull(),
  door: text('door').notNull(),
  op: timestamp('op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('bericht_toewijzing_idx').on(t.toewijzingId)]);

/** The change feed of toewijzingen (Query.toewijzingWijzigingen). */
export const aanvullendeWijziging = wijzigingTabel(aanvullendeOndersteuning);
