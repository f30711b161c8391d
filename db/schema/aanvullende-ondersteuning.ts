import { date, index, integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { gemeenteCode } from './columns';

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
}, (t) => [
  index('toewijzing_inwoner_idx').on(t.inwonerId),
  index('toewijzing_wijk_idx').on(t.gemeenteCode, t.wijkCode),
  index('toewijzing_org_idx').on(t.organisatieId, t.inwonerId),
  index('toewijzing_onderaannemer_idx').on(t.onderaannemerId, t.inwonerId),
]);
