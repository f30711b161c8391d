import { sql } from 'drizzle-orm';
import { boolean, date, index, pgSchema, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { gemeenteCode, wijzigingTabel } from './columns';

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
}, (t) => [
  index('kamer_wijk_idx').on(t.gemeenteCode, t.wijkCode),
  index('kamer_gebied_idx').on(t.gemeenteCode, t.gebied),
]);

/** A samenwerkingsovereenkomst: an organisation working in a kamer, in a role, since a date. */
export const samenwerking = socialeBasis.table('samenwerking', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  kamerId: text('kamer_id').notNull().references(() => kamer.id),
  organisatieId: text('organisatie_id').notNull(),
  rol: text('rol').notNull(),
  sinds: date('sinds', { mode: 'string' }).notNull(),
  tot: date('tot', { mode: 'string' }),
}, (t) => [
  index('samenwerking_kamer_idx').on(t.kamerId),
  index('samenwerking_org_idx').on(t.gemeenteCode, t.organisatieId),
]);

/** The weekly rooster of a kamer: inloop, spreekuren and activiteiten, and who hosts them. */
export const roosterItem = socialeBasis.table('rooster_item', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  kamerId: text('kamer_id').notNull().references(() => kamer.id),
  /** ISO weekday: 1 = maandag … 7 = zondag. */
  weekdag: smallint('weekdag').notNull(),
  /** Local time HH:MM. */
  begintijd: text('begintijd').notNull(),
  eindtijd: text('eindtijd').notNull(),
  soort: text('soort').notNull(),
  omschrijving: text('omschrijving').notNull(),
  organisatieId: text('organisatie_id').notNull(),
}, (t) => [index('rooster_kamer_idx').on(t.kamerId, t.weekdag)]);

/** A volunteer of a vrijwilligersorganisatie. Personal data: coordinators and the volunteer. */
export const vrijwilliger = socialeBasis.table('vrijwilliger', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  organisatieId: text('organisatie_id').notNull(),
  voornaam: text('voornaam').notNull(),
  achternaam: text('achternaam').notNull(),
  vaardigheden: text('vaardigheden').array().notNull(),
  beschikbaarheid: text('beschikbaarheid').notNull(),
  kamerId: text('kamer_id').references(() => kamer.id),
  actief: boolean('actief').notNull(),
}, (t) => [index('vrijwilliger_org_idx').on(t.gemeenteCode, t.organisatieId)]);

/**
 * A resident's consent that their identity and contact details reach an organisation
 * of the sociale basis, for one purpose. Withdrawing sets ingetrokken_op; rows are
 * never deleted, so the history stays.
 */
export const toestemming = socialeBasis.table('toestemming', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  inwonerId: text('inwoner_id').notNull(),
  organisatieId: text('organisatie_id').notNull(),
  doel: text('doel').notNull(),
  gegevenOp: timestamp('gegeven_op', { withTimezone: true, mode: 'string' }).notNull(),
  ingetrokkenOp: timestamp('ingetrokken_op', { withTimezone: true, mode: 'string' }),
  vastgelegdDoor: text('vastgelegd_door').notNull(),
}, (t) => [
  index('toestemming_inwoner_idx').on(t.inwonerId, t.organisatieId),
  // At most one consent in force per resident, organisation and purpose, so one withdrawal ends it.
  uniqueIndex('toestemming_actief_uq').on(t.gemeenteCode, t.inwonerId, t.organisatieId, t.doel).where(sql`ingetrokken_op is null`),
]);

/**
 * A question for help from a resident that volunteers can take up. inwoner_id may be
 * known while the resident gave no consent: the identity is then never shown to the
 * sociale basis, and the hulpvraag is visible as anonymous (wijk, soort).
 */
export const hulpvraag = socialeBasis.table('hulpvraag', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  wijkCode: text('wijk_code').notNull(),
  inwonerId: text('inwoner_id'),
  soort: text('soort').notNull(),
  status: text('status').notNull(),
  organisatieId: text('organisatie_id'),
  vrijwilligerId: text('vrijwilliger_id').references(() => vrijwilliger.id),
  aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [
  index('hulpvraag_wijk_idx').on(t.gemeenteCode, t.wijkCode, t.status),
  index('hulpvraag_inwoner_idx').on(t.inwonerId),
  index('hulpvraag_vrijwilliger_idx').on(t.vrijwilligerId),
]);

/** Every status change of a hulpvraag, with who made it and why: nothing is overwritten unseen. */
export const hulpvraagGebeurtenis = socialeBasis.table('hulpvraag_gebeurtenis', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  hulpvraagId: text('hulpvraag_id').notNull().references(() => hulpvraag.id),
  van: text('van'),
  naar: text('naar').notNull(),
  reden: text('reden'),
  door: text('door').notNull(),
  op: timestamp('op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('hulpvraag_gebeurtenis_idx').on(t.hulpvraagId)]);

/** The change feed of hulpvragen (Query.hulpvraagWijzigingen). */
export const socialeBasisWijziging = wijzigingTabel(socialeBasis);
