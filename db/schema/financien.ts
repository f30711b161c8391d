import { bigint, boolean, date, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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
  /** The conditions the subsidy is granted under (what must be delivered or reported). */
  voorwaarden: text('voorwaarden').array().notNull().default([]),
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

/**
 * Lumpsum per year, perceel and hoofdaanbieder, in integer cents. A lot's total is split
 * in equal parts to the cent (the remainder assigned deterministically); `herkomst` says
 * which rule produced the amount. Rows are not changed afterwards: herverdelingen are
 * separate, decided rows, so every euro stays traceable.
 */
export const lumpsum = financien.table('lumpsum', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  jaar: integer('jaar').notNull(),
  perceel: text('perceel').notNull(),
  organisatieId: text('organisatie_id').notNull().references(() => organisatie.id),
  bedragCenten: bigint('bedrag_centen', { mode: 'bigint' }).notNull(),
  herkomst: text('herkomst').notNull(),
  vastgesteldDoor: text('vastgesteld_door').notNull(),
  vastgesteldOp: timestamp('vastgesteld_op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [
  uniqueIndex('lumpsum_jaar_perceel_org_idx').on(t.gemeenteCode, t.jaar, t.perceel, t.organisatieId),
  index('lumpsum_org_idx').on(t.organisatieId, t.jaar),
]);

/**
 * Herverdeling: a shift of lumpsum between a basis and an aanvullend party in one year,
 * requested by one party, approved by the other, decided by contract management.
 * Status AANGEVRAAGD -> GOEDGEKEURD -> TOEGEKEND | AFGEWEZEN (or INGETROKKEN before a decision).
 */
export const herverdeling = financien.table('herverdeling', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  jaar: integer('jaar').notNull(),
  vanLumpsumId: text('van_lumpsum_id').notNull().references(() => lumpsum.id),
  naarLumpsumId: text('naar_lumpsum_id').notNull().references(() => lumpsum.id),
  bedragCenten: bigint('bedrag_centen', { mode: 'bigint' }).notNull(),
  motivering: text('motivering').notNull(),
  status: text('status').notNull(),
  aangevraagdDoor: text('aangevraagd_door').notNull(),
  besluitMotivering: text('besluit_motivering'),
}, (t) => [index('herverdeling_jaar_idx').on(t.gemeenteCode, t.jaar)]);

/** Full history of a herverdeling: every request, approval and decision, by whom and when. */
export const herverdelingGebeurtenis = financien.table('herverdeling_gebeurtenis', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  herverdelingId: text('herverdeling_id').notNull().references(() => herverdeling.id),
  soort: text('soort').notNull(),
  organisatieId: text('organisatie_id'),
  door: text('door').notNull(),
  op: timestamp('op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('herverdeling_gebeurtenis_idx').on(t.herverdelingId)]);

/** Taakstelling: the savings measures of the implementation plan, and what each realised per year. */
export const maatregel = financien.table('maatregel', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  volgorde: integer('volgorde').notNull(),
  groep: integer('groep').notNull(),
  omschrijving: text('omschrijving').notNull(),
  bedragCenten: bigint('bedrag_centen', { mode: 'bigint' }).notNull(),
});

/** Append-only: recording a measure's saving for a year again adds a version; the newest counts. */
export const besparing = financien.table('besparing', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  maatregelId: text('maatregel_id').notNull().references(() => maatregel.id),
  jaar: integer('jaar').notNull(),
  bedragCenten: bigint('bedrag_centen', { mode: 'bigint' }).notNull(),
  toelichting: text('toelichting').notNull(),
  door: text('door').notNull(),
  op: timestamp('op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('besparing_maatregel_jaar_idx').on(t.maatregelId, t.jaar, t.op)]);

/** The target of the taakstelling and the risk reserve, per gemeente, in cents. */
export const taakstelling = financien.table('taakstelling', {
  gemeenteCode: text('gemeente_code').primaryKey(),
  doelCenten: bigint('doel_centen', { mode: 'bigint' }).notNull(),
  risicoreserveCenten: bigint('risicoreserve_centen', { mode: 'bigint' }).notNull(),
});

/**
 * Eigen bijdrage: the abonnementstarief per year (shared/domain-facts.md §5): an amount in
 * cents per MAAND (from 2020) or per VIER_WEKEN (2019). A year without a row has no
 * verified amount: the municipality must set it before that year's CAK export.
 */
export const abonnementstarief = financien.table('abonnementstarief', {
  gemeenteCode: gemeenteCode(),
  jaar: integer('jaar').notNull(),
  bedragCenten: bigint('bedrag_centen', { mode: 'bigint' }).notNull(),
  periode: text('periode').notNull(),
  bron: text('bron').notNull(),
}, (t) => [primaryKey({ columns: [t.gemeenteCode, t.jaar] })]);

/**
 * Normative cost price per unit, per year and perceel, set by contract management: under
 * a lumpsum nothing is declared, so realised spending is the delivered volume from the
 * pillars (HH hours, days in care) valued at this price. UUR for HH, CLIENTDAG otherwise.
 */
export const kostprijs = financien.table('kostprijs', {
  gemeenteCode: gemeenteCode(),
  jaar: integer('jaar').notNull(),
  perceel: text('perceel').notNull(),
  eenheid: text('eenheid').notNull(),
  bedragCenten: bigint('bedrag_centen', { mode: 'bigint' }).notNull(),
  bron: text('bron').notNull(),
}, (t) => [primaryKey({ columns: [t.gemeenteCode, t.jaar, t.perceel] })]);

/**
 * Kwaliteit: a complaint about a provider, for the quality framework (kwaliteitskader).
 * Only what the counts need: no resident, no free text. Route: AANBIEDER (the provider
 * itself), KLACHTENFUNCTIONARIS (its mediator) or EXTERNE_COMMISSIE; status INGEDIEND,
 * IN_BEHANDELING, AFGEHANDELD (afgehandeld_op set) or INGETROKKEN; gegrond only when handled.
 */
export const klacht = financien.table('klacht', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  organisatieId: text('organisatie_id').notNull().references(() => organisatie.id),
  perceel: text('perceel').notNull(),
  route: text('route').notNull(),
  status: text('status').notNull(),
  ingediendOp: date('ingediend_op', { mode: 'string' }).notNull(),
  afgehandeldOp: date('afgehandeld_op', { mode: 'string' }),
  gegrond: boolean('gegrond'),
}, (t) => [
  index('klacht_ingediend_idx').on(t.gemeenteCode, t.ingediendOp),
  index('klacht_afgehandeld_idx').on(t.gemeenteCode, t.afgehandeldOp),
]);

/**
 * Kwaliteit: the result of the client-experience survey (cliëntervaring) of one provider
 * and product in one quarter: the number of respondents and the sum of their scores
 * (1-10), so the mean is exact (score_som / respondenten). No individual answers.
 */
export const clientervaring = financien.table('clientervaring', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  organisatieId: text('organisatie_id').notNull().references(() => organisatie.id),
  product: text('product').notNull(),
  jaar: integer('jaar').notNull(),
  kwartaal: integer('kwartaal').notNull(),
  respondenten: integer('respondenten').notNull(),
  scoreSom: integer('score_som').notNull(),
}, (t) => [uniqueIndex('clientervaring_org_product_kwartaal_idx').on(t.gemeenteCode, t.organisatieId, t.product, t.jaar, t.kwartaal)]);
