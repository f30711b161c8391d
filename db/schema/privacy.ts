import { bigint, date, index, integer, pgSchema, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { gemeenteCode } from './columns';

/** The municipality's privacy office: the processing log, the processing agreements and the afhaalregister. */
export const privacy = pgSchema('privacy');

/**
 * A record of the Logboek Dataverwerkingen: one resident's data read or changed by
 * one subgraph request (an Actie) of a trace. The resident is a keyed pseudonym
 * (HMAC-SHA256 of the inwoner id), never the id or BSN. Append-only.
 */
export const verwerking = privacy.table('verwerking', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  gemeenteCode: gemeenteCode(),
  traceId: text('trace_id').notNull(),
  spanId: text('span_id').notNull(),
  parentSpanId: text('parent_span_id'),
  /** Name of the Actie: operation type and root fields, e.g. "query inwoner". */
  naam: text('naam').notNull(),
  /** The service that processed (resource): the subgraph. */
  dienst: text('dienst').notNull(),
  soort: text('soort').notNull(),
  startTijd: timestamp('start_tijd', { withTimezone: true, mode: 'string' }).notNull(),
  eindTijd: timestamp('eind_tijd', { withTimezone: true, mode: 'string' }).notNull(),
  statusCode: smallint('status_code').notNull(),
  /** dpl.core.processing_activity_id: URI into the register (verwerkingsactiviteiten.ts). */
  verwerkingsactiviteit: text('verwerkingsactiviteit').notNull(),
  doel: text('doel').notNull(),
  /** dpl.core.data_subject_id (pseudonymised) and its type. */
  betrokkene: text('betrokkene').notNull(),
  betrokkeneType: text('betrokkene_type').notNull(),
  rol: text('rol').notNull(),
  organisatie: text('organisatie'),
  /** The worker's subject in the token (for a resident acting themself: their pseudonym); for the fg only. */
  gebruiker: text('gebruiker').notNull(),
  velden: text('velden').array().notNull(),
  /** The confidentiality level (rank in NIVEAUS) of each of `velden`, in the same order. */
  veldNiveaus: smallint('veld_niveaus').array().notNull(),
}, (t) => [
  index('verwerking_betrokkene_idx').on(t.gemeenteCode, t.betrokkene, t.id),
  index('verwerking_trace_idx').on(t.traceId),
  index('verwerking_organisatie_idx').on(t.gemeenteCode, t.organisatie, t.id),
]);

/**
 * A processing agreement (verwerkersovereenkomst) with an organisation for one purpose,
 * e.g. receiving the anonymised monthly file. Without one in force, it gets nothing.
 */
export const verwerkersovereenkomst = privacy.table('verwerkersovereenkomst', {
  id: text('id').primaryKey(),
  gemeenteCode: gemeenteCode(),
  organisatieId: text('organisatie_id').notNull(),
  doel: text('doel').notNull(),
  ingangsdatum: date('ingangsdatum', { mode: 'string' }).notNull(),
  einddatum: date('einddatum', { mode: 'string' }),
  vastgelegdDoor: text('vastgelegd_door').notNull(),
  vastgelegdOp: timestamp('vastgelegd_op', { withTimezone: true, mode: 'string' }).notNull(),
}, (t) => [index('verwerkersovereenkomst_org_idx').on(t.gemeenteCode, t.organisatieId, t.doel)]);

/**
 * The afhaalregister: one row per file a caller fetched at the gateway (GET
 * /bestanden/<soort>/<periode>), written before the file leaves. Who (the token's subject,
 * role, organisation; a resident acting themself by pseudonym), what (soort, periode) and
 * exactly which bytes (sha256, size). No content of the file, no resident. Append-only.
 */
export const afhaling = privacy.table('afhaling', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  gemeenteCode: gemeenteCode(),
  op: timestamp('op', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  /** The token's subject (a worker or system id; a resident as `pseudoniem:<hmac>`). */
  gebruiker: text('gebruiker').notNull(),
  rol: text('rol').notNull(),
  organisatie: text('organisatie'),
  soort: text('soort').notNull(),
  periode: text('periode').notNull(),
  sha256: text('sha256').notNull(),
  bytes: integer('bytes').notNull(),
  traceId: text('trace_id').notNull(),
}, (t) => [index('afhaling_op_idx').on(t.gemeenteCode, t.op)]);
