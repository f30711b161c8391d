import { date, index, integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { gemeenteCode } from './columns';

export const huishoudelijkeHulp = pgSchema('huishoudelijke_hulp');

/** An indication for household help at an hh-aanbieder, in minutes per week (no floats). */
export const indicatie = huishoudelijkeHulp.table('indicatie', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  inwonerId: text('inwoner_id').notNull(),
  wijkCode: text('wijk_code').notNull(),
  organisatieId: text('organisatie_id').notNull(),
  minutenPerWeek: integer('minuten_per_week').notNull(),
  startdatum: date('startdatum', { mode: 'string' }).notNull(),
  einddatum: date('einddatum', { mode: 'string' }),
}, (t) => [
  index('indicatie_inwoner_idx').on(t.inwonerId),
  index('indicatie_wijk_idx').on(t.gemeenteCode, t.wijkCode),
  index('indicatie_org_idx').on(t.organisatieId, t.inwonerId),
]);
