import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { gemeenteCode, wijzigingTabel } from './columns';

export const huishoudelijkeHulp = pgSchema('huishoudelijke_hulp');

/**
 * Normering as data, one version per year: the rules of a normjaar (looptijd, holiday
 * weeks) and its norm lines. The municipality edits them; an indicatie keeps a copy of
 * the lines it was computed from (indicatie.berekening), so edits never change the past.
 */
export const normjaar = huishoudelijkeHulp.table('normjaar', {
  gemeenteCode: gemeenteCode(),
  jaar: integer('jaar').notNull(),
  standaardLooptijdMaanden: integer('standaard_looptijd_maanden').notNull(),
  langeLooptijdMaanden: integer('lange_looptijd_maanden').notNull(),
  /** From this age (at the startdatum) an indicatie gets the long looptijd. */
  leeftijdLangeLooptijd: integer('leeftijd_lange_looptijd').notNull(),
  /** ISO week numbers with reduced cleaning, and by how many percent cleaning is reduced. */
  vakantieweken: jsonb('vakantieweken').$type<number[]>().notNull(),
  vakantieReductieProcent: integer('vakantie_reductie_procent').notNull(),
  gewijzigdDoor: text('gewijzigd_door').notNull(),
  gewijzigdOp: timestamp('gewijzigd_op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [primaryKey({ columns: [t.gemeenteCode, t.jaar] })]);

export const normregel = huishoudelijkeHulp.table('normregel', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  jaar: integer('jaar').notNull(),
  activiteit: text('activiteit').notNull(),
  omschrijving: text('omschrijving').notNull(),
  /** Standard minutes per week for a one-person household, and extra per further person. */
  minutenPerWeek: integer('minuten_per_week').notNull(),
  extraMinutenPerPersoon: integer('extra_minuten_per_persoon').notNull(),
  /** Cleaning tasks are reduced in holiday weeks. */
  schoonmaak: boolean('schoonmaak').notNull(),
  gewijzigdDoor: text('gewijzigd_door').notNull(),
  gewijzigdOp: timestamp('gewijzigd_op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [uniqueIndex('normregel_jaar_activiteit_idx').on(t.gemeenteCode, t.jaar, t.activiteit)]);

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
  /** How the minutes were computed (norm lines copied from the normjaar); null for indicaties from before the normering. */
  berekening: jsonb('berekening'),
  /** The indicatie this one continues (after a staff transfer or a placement). */
  voortzettingVan: text('voortzetting_van'),
}, (t) => [
  index('indicatie_inwoner_idx').on(t.inwonerId),
  index('indicatie_wijk_idx').on(t.gemeenteCode, t.wijkCode),
  index('indicatie_org_idx').on(t.organisatieId, t.inwonerId),
]);

/** A household helper (hulp) employed by an hh-aanbieder; no names, only an id. */
export const hulp = huishoudelijkeHulp.table('hulp', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  organisatieId: text('organisatie_id').notNull(),
}, (t) => [index('hulp_org_idx').on(t.gemeenteCode, t.organisatieId)]);

/** Koppel cliënt-medewerker: the fixed helper of a client; the active pair has tot = null. */
export const koppeling = huishoudelijkeHulp.table('koppeling', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  inwonerId: text('inwoner_id').notNull(),
  hulpId: text('hulp_id').notNull(),
  van: date('van', { mode: 'string' }).notNull(),
  tot: date('tot', { mode: 'string' }),
}, (t) => [
  index('koppeling_inwoner_idx').on(t.inwonerId),
  index('koppeling_hulp_idx').on(t.hulpId),
  uniqueIndex('koppeling_een_actief_idx').on(t.inwonerId).where(sql`tot is null`),
]);

/** How many clients an hh-aanbieder can take; the joint intake never assigns beyond it. */
export const capaciteit = huishoudelijkeHulp.table('capaciteit', {
  gemeenteCode: gemeenteCode(),
  organisatieId: text('organisatie_id').notNull(),
  maxClienten: integer('max_clienten').notNull(),
}, (t) => [primaryKey({ columns: [t.gemeenteCode, t.organisatieId] })]);

/**
 * Gezamenlijke toegang: one queue for both hh-aanbieders. An aanvraag waits (WACHTRIJ),
 * is assigned to one provider with a reason (TOEGEWEZEN), ends in an indicatie
 * (AFGEHANDELD) or is withdrawn (INGETROKKEN).
 */
export const aanvraag = huishoudelijkeHulp.table('aanvraag', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  inwonerId: text('inwoner_id').notNull(),
  wijkCode: text('wijk_code').notNull(),
  status: text('status').notNull(),
  voorkeurAanbiederId: text('voorkeur_aanbieder_id'),
  aanbiederId: text('aanbieder_id'),
  toewijzingsreden: text('toewijzingsreden'),
  indicatieId: text('indicatie_id'),
  ingediendOp: timestamp('ingediend_op', { withTimezone: true, mode: 'string' }).notNull(),
  ingediendDoor: text('ingediend_door').notNull(),
  toegewezenOp: timestamp('toegewezen_op', { withTimezone: true, mode: 'string' }),
}, (t) => [
  index('aanvraag_status_idx').on(t.gemeenteCode, t.status, t.ingediendOp),
  index('aanvraag_aanbieder_idx').on(t.aanbiederId, t.status),
  uniqueIndex('aanvraag_een_open_idx').on(t.inwonerId).where(sql`status in ('WACHTRIJ', 'TOEGEWEZEN')`),
]);

/**
 * A transfer of clients between hh-aanbieders: staff moving with their clients
 * (PERSONEEL) or clients of a provider that stopped being placed (PLAATSING). Every
 * client concerned gets a line saying where they went and whether the pair with their
 * helper was kept.
 */
export const overdracht = huishoudelijkeHulp.table('overdracht', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  soort: text('soort').notNull(),
  vanAanbiederId: text('van_aanbieder_id').notNull(),
  naarAanbiederId: text('naar_aanbieder_id'),
  per: date('per', { mode: 'string' }).notNull(),
  door: text('door').notNull(),
  op: timestamp('op', { withTimezone: true, mode: 'string' }).notNull(),
});

export const overdrachtRegel = huishoudelijkeHulp.table('overdracht_regel', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  overdrachtId: text('overdracht_id').notNull().references(() => overdracht.id),
  inwonerId: text('inwoner_id').notNull(),
  hulpId: text('hulp_id'),
  oudeIndicatieId: text('oude_indicatie_id').notNull(),
  nieuweIndicatieId: text('nieuwe_indicatie_id'),
  naarAanbiederId: text('naar_aanbieder_id'),
  koppelingBehouden: boolean('koppeling_behouden').notNull(),
  reden: text('reden'),
}, (t) => [index('overdracht_regel_overdracht_idx').on(t.overdrachtId)]);

/** The change feed of HH indicaties and aanvragen (Query.hhIndicatieWijzigingen, hhAanvraagWijzigingen). */
export const hhWijziging = wijzigingTabel(huishoudelijkeHulp);
