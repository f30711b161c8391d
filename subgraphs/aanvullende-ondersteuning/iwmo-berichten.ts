import { and, between, eq, getTableColumns, inArray, isNotNull, notExists, sql, type SQL } from 'drizzle-orm';
import { unionAll, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { bericht, toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { verwijzing } from '../../db/schema/basisondersteuning';
import { badUserInput } from '../shared/errors';
import { BERICHTCODE, type IwmoBerichtType } from '../shared/iwmo';
import type { Scope } from '../shared/tokens';
import { inhoudKey, type BerichtSoort } from './berichten';
import type { ToewijzingRow } from './loaders';

/**
 * The iWmo messages of a toewijzing, derived from what the platform stores:
 * - a message in the bericht table (the verzoek recorded by verwijzen, toekennen, wijzigen,
 *   start, stop, a provider's acknowledgement) is exported with its own id and content;
 * - on a message the platform received (verzoek, start, stop) it answers with a retour;
 * - a toewijzing from before the message flow (seed, migration) gets the message its state
 *   implies, with a deterministic id `<toewijzing id>.<type>`, so the export is re-runnable.
 * Refusals (afwijzen) and lapses (vervallen) are not part of the four message pairs.
 */
type Bron = {
  /** Stored messages of these soorten are messages of this type. */
  soorten?: Array<BerichtSoort | 'verzoek'>;
  /** The platform's retour on each stored message of this soort. */
  retourOp?: BerichtSoort | 'verzoek';
  /** Without a stored message of the first soort: derived when the toewijzing's state says so, dated `datum`. */
  afgeleid?: { als: SQL; datum: AnyPgColumn };
};

const BRONNEN: Record<IwmoBerichtType, Bron> = {
  WMO315: { soorten: ['verzoek'], afgeleid: { als: eq(toewijzing.status, 'verzoek'), datum: toewijzing.toewijzingsdatum } },
  WMO316: { retourOp: 'verzoek' },
  WMO301: {
    soorten: ['toekennen', 'wijzigen'],
    afgeleid: { als: inArray(toewijzing.status, ['toegewezen', 'gestart', 'gestopt', 'vervallen']), datum: toewijzing.toewijzingsdatum },
  },
  WMO302: { soorten: ['bevestigen'] },
  WMO305: { soorten: ['start'], afgeleid: { als: isNotNull(toewijzing.begindatum), datum: toewijzing.begindatum } },
  WMO306: { retourOp: 'start' },
  WMO307: { soorten: ['stop'], afgeleid: { als: isNotNull(toewijzing.stopdatum), datum: toewijzing.stopdatum } },
  WMO308: { retourOp: 'stop' },
};
/** Flow order, for messages of one toewijzing on the same day. */
const TYPES = Object.keys(BRONNEN) as IwmoBerichtType[];
const VAN_GEMEENTE = new Set<IwmoBerichtType>(['WMO301', 'WMO306', 'WMO308', 'WMO316']);
const SECTIE = {
  WMO315: 'aangevraagdProduct', WMO316: 'aangevraagdProduct', WMO301: 'toegewezenProduct', WMO302: 'toegewezenProduct',
  WMO305: 'startProduct', WMO306: 'startProduct', WMO307: 'stopProduct', WMO308: 'stopProduct',
} as const;

const dagVan = (op: AnyPgColumn) => sql`(${op} at time zone 'Europe/Amsterdam')::date`;
/** A stored message's dagtekening: the partner's (an imported message keeps it), else the day the platform recorded it. */
const DAGTEKENING = sql`coalesce(${inhoudKey('dagtekening')}::date, ${dagVan(bericht.op)})`;

/**
 * The columns every source yields (prefixed: drizzle names subquery columns without the alias); `bron` is the
 * stored message whose content the message carries (null: the toewijzing as it is).
 */
function columns(type: IwmoBerichtType, c: Record<'identificatie' | 'dagtekening' | 'toewijzingId' | 'bron' | 'identificatieRetour' | 'dagtekeningRetour' | 'op', SQL>) {
  return {
    identificatie: sql<string>`${c.identificatie}`.as('m_identificatie'),
    dagtekening: sql<string>`${c.dagtekening}`.as('m_dagtekening'),
    type: sql<IwmoBerichtType>`${type}::text`.as('m_type'),
    rang: sql<number>`${TYPES.indexOf(type)}::int`.as('m_rang'),
    toewijzingId: sql<string>`${c.toewijzingId}`.as('m_toewijzing_id'),
    bron: sql<string | null>`${c.bron}`.as('m_bron'),
    identificatieRetour: sql<string | null>`${c.identificatieRetour}`.as('m_identificatie_retour'),
    dagtekeningRetour: sql<string | null>`${c.dagtekeningRetour}`.as('m_dagtekening_retour'),
    op: sql<string | null>`${c.op}`.as('m_op'),
  };
}

function sources(db: Db, gemeente: string, types: readonly IwmoBerichtType[], toewijzingen?: readonly string[]) {
  const stored = (soorten: string[]) => and(
    eq(bericht.gemeenteCode, gemeente), inArray(bericht.soort, soorten), toewijzingen ? inArray(bericht.toewijzingId, [...toewijzingen]) : undefined,
  );
  const id = sql`${bericht.berichtId}`;
  return types.flatMap((type) => {
    const { soorten, retourOp, afgeleid } = BRONNEN[type];
    const out = [];
    if (soorten) {
      out.push(db.select(columns(type, {
        identificatie: id, dagtekening: DAGTEKENING, toewijzingId: sql`${bericht.toewijzingId}`,
        // A WMO302 repeats the WMO301 it answers.
        bron: type === 'WMO302' ? inhoudKey('identificatieRetour') : id,
        identificatieRetour: inhoudKey('identificatieRetour'), dagtekeningRetour: sql`${inhoudKey('dagtekeningRetour')}::date`, op: sql`${bericht.op}`,
      })).from(bericht).where(stored(soorten)));
    }
    if (retourOp) {
      out.push(db.select(columns(type, {
        identificatie: sql`${id} || ${`.${type}`}`, dagtekening: dagVan(bericht.op), toewijzingId: sql`${bericht.toewijzingId}`,
        bron: id, identificatieRetour: id, dagtekeningRetour: DAGTEKENING, op: sql`${bericht.op}`,
      })).from(bericht).where(stored([retourOp])));
    }
    if (afgeleid) {
      const none = db.select({ one: sql`1` }).from(bericht).where(and(eq(bericht.toewijzingId, toewijzing.id), eq(bericht.soort, soorten![0]!)));
      out.push(db.select(columns(type, {
        identificatie: sql`${toewijzing.id} || ${`.${type}`}`, dagtekening: sql`${afgeleid.datum}`, toewijzingId: sql`${toewijzing.id}`,
        bron: sql`null::text`, identificatieRetour: sql`null::text`, dagtekeningRetour: sql`null::date`, op: sql`null::timestamptz`,
      })).from(toewijzing).where(and(
        eq(toewijzing.gemeenteCode, gemeente), afgeleid.als, notExists(none), toewijzingen ? inArray(toewijzing.id, [...toewijzingen]) : undefined,
      )));
    }
    return out;
  });
}

export interface Selectie {
  types?: readonly IwmoBerichtType[];
  toewijzingen?: readonly string[];
  /** An inbox page: dagtekening in [van, tot], after the cursor, in (dagtekening, identificatie) order. */
  pagina?: { van: string; tot: string; na: [string, string] | null; aantal: number };
}

/**
 * One SQL statement: the messages of the toewijzingen that `visible` (a predicate on the
 * toewijzing table, the caller's row rule) lets through, as iWmo messages.
 */
export async function iwmoBerichten(db: Db, gemeente: string, visible: SQL, s: Selectie): Promise<IwmoBericht[]> {
  const [first, ...rest] = sources(db, gemeente, s.types ?? TYPES, s.toewijzingen);
  // The branches select from bericht or toewijzing with the same columns; drizzle types them apart.
  const all = rest.length > 0 ? unionAll(first as never, ...(rest as [never])) as unknown as typeof first : first;
  const m = all!.as('m');
  const uitVerwijzing = (column: AnyPgColumn) => sql<string | null>`case when ${m.type} in ('WMO315', 'WMO316') then (select ${column} from ${verwijzing}
    where ${verwijzing.toewijzingId} = ${m.toewijzingId} and ${verwijzing.gemeenteCode} = ${gemeente} order by ${verwijzing.op} limit 1) end`;
  const p = s.pagina;
  const query = db.select({
    identificatie: m.identificatie, dagtekening: m.dagtekening, type: m.type,
    identificatieRetour: m.identificatieRetour, dagtekeningRetour: m.dagtekeningRetour,
    toewijzing: getTableColumns(toewijzing), stand: bericht.resultaat, redenWijziging: inhoudKey('redenWijziging'),
    verwijzingId: uitVerwijzing(verwijzing.id), verwijzerId: uitVerwijzing(verwijzing.organisatieId),
  }).from(m)
    .innerJoin(toewijzing, eq(toewijzing.id, m.toewijzingId))
    .leftJoin(bericht, and(eq(bericht.berichtId, m.bron), eq(bericht.toewijzingId, m.toewijzingId)))
    .where(and(
      eq(toewijzing.gemeenteCode, gemeente), visible,
      p ? between(m.dagtekening, p.van, p.tot) : undefined,
      p?.na ? sql`(${m.dagtekening}, ${m.identificatie}) > (${p.na[0]}::date, ${p.na[1]})` : undefined,
    ));
  const rows = p
    ? await query.orderBy(m.dagtekening, m.identificatie).limit(p.aantal)
    : await query.orderBy(m.toewijzingId, m.dagtekening, sql`${m.op} nulls first`, m.rang, m.identificatie);
  return rows.map(toIwmoBericht);
}

type Row = {
  identificatie: string; dagtekening: string; type: IwmoBerichtType; identificatieRetour: string | null; dagtekeningRetour: string | null;
  toewijzing: ToewijzingRow; stand: unknown; redenWijziging: string | null; verwijzingId: string | null; verwijzerId: string | null;
};

/** GraphQL shape of IwmoBericht; `toewijzingId` is not in the schema (it groups loader results). */
export type IwmoBericht = ReturnType<typeof toIwmoBericht>;

function toIwmoBericht(r: Row) {
  // The toewijzing as the message carried it: the stored snapshot, else (derived) as it is now.
  const t = (r.stand as ToewijzingRow | null) ?? r.toewijzing;
  const gemeente = t.gemeenteCode.replace(/^GM/, '');
  const product = { categorie: t.productcategorie, code: t.product };
  const omvang = { volume: t.omvangVolume, eenheid: t.omvangEenheid, frequentie: t.omvangFrequentie };
  const start = { toewijzingNummer: t.toewijzingNummer, product, toewijzingIngangsdatum: t.ingangsdatum, begindatum: t.begindatum };
  const inhoud = {
    aangevraagdProduct: () => ({
      referentieAanbieder: r.verwijzingId ?? t.id, toewijzingIngangsdatum: t.ingangsdatum,
      verwijzer: r.verwijzerId ? { id: r.verwijzerId } : null, product, omvang,
    }),
    toegewezenProduct: () => ({
      toewijzingNummer: t.toewijzingNummer, toewijzingsdatum: t.toewijzingsdatum, ingangsdatum: t.ingangsdatum, product,
      einddatum: t.einddatum, redenWijziging: r.redenWijziging, omvang,
    }),
    startProduct: () => start,
    stopProduct: () => ({ ...start, einddatum: t.stopdatum, redenBeeindiging: t.redenBeeindiging }),
  };
  const sectie = SECTIE[r.type];
  const vanGemeente = VAN_GEMEENTE.has(r.type);
  return {
    toewijzingId: r.toewijzing.id,
    berichtType: r.type,
    header: {
      berichtCode: BERICHTCODE[r.type],
      berichtIdentificatie: { identificatie: r.identificatie, dagtekening: r.dagtekening },
      // The provider side is the hoofdaanbieder (the contract party), by organisation id: we have no AGB codes.
      afzender: vanGemeente ? gemeente : t.organisatieId,
      ontvanger: vanGemeente ? t.organisatieId : gemeente,
      identificatieRetour: r.identificatieRetour,
      dagtekeningRetour: r.dagtekeningRetour,
    },
    inwoner: { id: t.inwonerId },
    aangevraagdProduct: null, toegewezenProduct: null, startProduct: null, stopProduct: null,
    [sectie]: inhoud[sectie](),
  };
}

/** The inbox of a provider's or the gemeente's system: one message type, a period, keyset pages. */
export async function postvak(
  db: Db, scope: Scope, visible: SQL,
  a: { berichtType: IwmoBerichtType; van: string; tot: string; na?: string | null; aantal: number },
) {
  if (a.van > a.tot) throw badUserInput('tot', 'tot must not be before van');
  if (!Number.isInteger(a.aantal) || a.aantal < 1 || a.aantal > 500) throw badUserInput('aantal', 'aantal must be 1 to 500');
  const na = a.na === undefined || a.na === null ? null : readCursor(a.na);
  const rows = await iwmoBerichten(db, scope.gemeente, visible, { types: [a.berichtType], pagina: { van: a.van, tot: a.tot, na, aantal: a.aantal + 1 } });
  const berichten = rows.slice(0, a.aantal);
  const last = berichten.at(-1)?.header.berichtIdentificatie;
  return { berichten, volgende: rows.length > a.aantal && last ? writeCursor([last.dagtekening, last.identificatie]) : null };
}

const writeCursor = (key: [string, string]) => Buffer.from(JSON.stringify(key)).toString('base64url');

function readCursor(value: string): [string, string] {
  try {
    const key = value.length <= 600 ? JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown : null;
    const isDate = (d: unknown) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
    if (Array.isArray(key) && key.length === 2 && isDate(key[0]) && typeof key[1] === 'string' && key[1].length <= 300) {
      return [key[0], key[1]];
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw badUserInput('na', 'na is not a cursor of this query');
}
