import { bigint, date, index, integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { gemeenteCode } from './columns';

/** Financien owns the register of organisations (the parties the municipality contracts or subsidises). */
export const financien = pgSchema('financien');

export const organisatie = financien.table('organisatie', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  naam: text('naam').notNull(),
  soort: text('soort').notNull(),
}, (t) => [index('organisatie_gemeente_idx').on(t.gemeenteCode)]);

/** A subsidy to a sociale basis organisation; amounts in integer cents. */
export const subsidie = financien.table('subsidie', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  organisatieId: text('organisatie_id').notNull().references(() => organisatie.id),
  jaar: integer('jaar').notNull(),
  bedragCenten: bigint('bedrag_centen', { mode: 'bigint' }).notNull(),
  doel: text('doel').notNull(),
  wijkCode: text('wijk_code'),
}, (t) => [
  index('subsidie_org_idx').on(t.organisatieId, t.jaar),
  index('subsidie_wijk_idx').on(t.gemeenteCode, t.wijkCode, t.jaar),
]);

/**
 * A contract of an organisation for a perceel (lot), as hoofdaanbieder or as onderaannemer
 * under a hoofdaanbieder. The rules of the tender are enforced where contracts are
 * registered: no hoofdaanbieder in both basis and aanvullend, at most 5 hoofdaanbieders for
 * thuisondersteuning en dagbesteding and 2 for hulp bij het huishouden.
 */
export const contract = financien.table('contract', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  organisatieId: text('organisatie_id').notNull().references(() => organisatie.id),
  perceel: text('perceel').notNull(),
  rol: text('rol').notNull(),
  hoofdaanbiederId: text('hoofdaanbieder_id').references(() => organisatie.id),
  ingangsdatum: date('ingangsdatum', { mode: 'string' }).notNull(),
  einddatum: date('einddatum', { mode: 'string' }),
}, (t) => [index('contract_org_idx').on(t.gemeenteCode, t.organisatieId), index('contract_perceel_idx').on(t.gemeenteCode, t.perceel)]);
