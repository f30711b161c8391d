import { date, index, pgSchema, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { gemeenteCode, wijzigingTabel } from './columns';

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

/** A worker of the basisondersteuning who directs households: one household, one plan, one regievoerder. */
export const regievoerder = basisondersteuning.table('regievoerder', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  organisatieId: text('organisatie_id').notNull(),
  naam: text('naam').notNull(),
});

/** The one plan of a household, directed by one regievoerder. */
export const plan = basisondersteuning.table('plan', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  huishoudenId: text('huishouden_id').notNull().references(() => huishouden.id),
  regievoerderId: text('regievoerder_id').notNull().references(() => regievoerder.id),
  opgesteldOp: date('opgesteld_op', { mode: 'string' }).notNull(),
}, (t) => [
  uniqueIndex('plan_huishouden_uq').on(t.huishoudenId),
  index('plan_regievoerder_idx').on(t.regievoerderId),
]);

/** A goal in a household plan. */
export const doel = basisondersteuning.table('doel', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  planId: text('plan_id').notNull().references(() => plan.id),
  omschrijving: text('omschrijving').notNull(),
  status: text('status').notNull(),
  streefdatum: date('streefdatum', { mode: 'string' }),
}, (t) => [index('doel_plan_idx').on(t.planId)]);

/** Who changed a registration and when; the registration rows themselves only ever gain an end date. */
export const ondersteuningMutatie = basisondersteuning.table('ondersteuning_mutatie', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  ondersteuningId: text('ondersteuning_id').notNull().references(() => ondersteuning.id),
  soort: text('soort').notNull(),
  door: text('door').notNull(),
  op: timestamp('op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('ondersteuning_mutatie_idx').on(t.ondersteuningId)]);

/** A contact with a resident; the perspectiefgesprek re-assesses clients of before the reorganisation. */
export const contactmoment = basisondersteuning.table('contactmoment', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  inwonerId: text('inwoner_id').notNull().references(() => inwoner.id),
  organisatieId: text('organisatie_id').notNull(),
  soort: text('soort').notNull(),
  datum: date('datum', { mode: 'string' }).notNull(),
  medewerker: text('medewerker').notNull(),
}, (t) => [index('contactmoment_inwoner_idx').on(t.inwonerId, t.soort)]);

/**
 * Overgang: a decision from before the reorganisation stays valid until its end date;
 * the basisondersteuning organisation holds the perspectiefgesprek before `uiterlijk`.
 */
export const lopendeBeschikking = basisondersteuning.table('lopende_beschikking', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  inwonerId: text('inwoner_id').notNull().references(() => inwoner.id),
  organisatieId: text('organisatie_id').notNull(),
  product: text('product').notNull(),
  einddatum: date('einddatum', { mode: 'string' }).notNull(),
  perspectiefgesprekUiterlijk: date('perspectiefgesprek_uiterlijk', { mode: 'string' }).notNull(),
}, (t) => [index('lopende_beschikking_inwoner_idx').on(t.inwonerId), index('lopende_beschikking_org_idx').on(t.gemeenteCode, t.organisatieId)]);

/** A referral to aanvullende ondersteuning with the criteria that led to it; it becomes a verzoek om toewijzing. */
export const verwijzing = basisondersteuning.table('verwijzing', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  inwonerId: text('inwoner_id').notNull().references(() => inwoner.id),
  organisatieId: text('organisatie_id').notNull(),
  product: text('product').notNull(),
  criteria: text('criteria').array().notNull(),
  toewijzingId: text('toewijzing_id').notNull(),
  door: text('door').notNull(),
  op: timestamp('op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('verwijzing_inwoner_idx').on(t.inwonerId)]);

/**
 * A beschikking on request: the resident asks, the basisondersteuning gives a zwaarwegend
 * advies, a gemeente-consulent decides; bezwaar can be registered after the decision.
 */
export const beschikkingAanvraag = basisondersteuning.table('beschikking_aanvraag', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  inwonerId: text('inwoner_id').notNull().references(() => inwoner.id),
  aangevraagdOp: date('aangevraagd_op', { mode: 'string' }).notNull(),
  aangevraagdDoor: text('aangevraagd_door').notNull(),
  advies: text('advies'),
  adviesOrganisatie: text('advies_organisatie'),
  adviesOp: date('advies_op', { mode: 'string' }),
  besluit: text('besluit'),
  besluitGronden: text('besluit_gronden'),
  besluitDatum: date('besluit_datum', { mode: 'string' }),
  besluitDoor: text('besluit_door'),
  bezwaarOp: date('bezwaar_op', { mode: 'string' }),
}, (t) => [index('beschikking_aanvraag_inwoner_idx').on(t.inwonerId)]);

/** Highly sensitive signals (Veilig Thuis meldcode, Verwijsindex, JET): regievoerder and gemeente only. */
export const signaal = basisondersteuning.table('signaal', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  inwonerId: text('inwoner_id').notNull().references(() => inwoner.id),
  soort: text('soort').notNull(),
  /** Step of the meldcode (1-5), for VEILIG_THUIS_MELDCODE only. */
  stap: text('stap'),
  op: date('op', { mode: 'string' }).notNull(),
  door: text('door').notNull(),
}, (t) => [index('signaal_inwoner_idx').on(t.inwonerId)]);

/** The change feed of ondersteuning registrations (Query.ondersteuningWijzigingen). */
export const basisWijziging = wijzigingTabel(basisondersteuning);
