import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { toewijzing } from '../../db/schema/aanvullende-ondersteuning';
import { badUserInput, conflict, forbidden, notFound } from '../shared/errors';
import { isPlatformBerichtId, iwmoCode, omvang, PRODUCTCATEGORIEEN, REDEN_BEEINDIGING, REDEN_WIJZIGING, type IwmoBerichtType } from '../shared/iwmo';
import { ACTIVE_TOEWIJZING_STATUSES } from '../shared/relations';
import type { Rol } from '../shared/roles';
import type { Scope } from '../shared/tokens';
import { datum, identifier, nietInDeToekomst, nietVoor } from '../shared/validate';
import { berichtScope, MUTATIE_VELDEN, receive, statusName, type BerichtInput, type BerichtSoort, type Velden } from './berichten';
import { iwmoBerichten } from './iwmo-berichten';
import type { ToewijzingRow } from './loaders';

interface ProductInput { categorie: string; code: string }
interface ToegewezenProductInput {
  toewijzingNummer: string; ingangsdatum?: string | null; einddatum?: string | null; product?: ProductInput | null;
  redenWijziging?: string | null; omvang?: { volume: number; eenheid: string; frequentie: string } | null;
}
interface StartProductInput { toewijzingNummer: string; product?: ProductInput | null; toewijzingIngangsdatum?: string | null; begindatum: string }
interface StopProductInput extends StartProductInput { einddatum: string; redenBeeindiging: string }
export interface IwmoBerichtInput {
  header: {
    berichtCode: number; berichtIdentificatie: { identificatie: string; dagtekening: string }; afzender: string; ontvanger: string;
    identificatieRetour?: string | null; dagtekeningRetour?: string | null;
  };
  toegewezenProduct?: ToegewezenProductInput | null;
  startProduct?: StartProductInput | null;
  stopProduct?: StopProductInput | null;
}
type Sectie = 'toegewezenProduct' | 'startProduct' | 'stopProduct';

/** The messages the platform takes in, by BerichtCode, with the one role that sends each. */
const IMPORT: Record<number, { type: IwmoBerichtType; sectie: Sectie; rol: Rol }> = {
  414: { type: 'WMO301', sectie: 'toegewezenProduct', rol: 'gemeente-consulent' },
  415: { type: 'WMO302', sectie: 'toegewezenProduct', rol: 'aanbieder-medewerker' },
  418: { type: 'WMO305', sectie: 'startProduct', rol: 'aanbieder-medewerker' },
  420: { type: 'WMO307', sectie: 'stopProduct', rol: 'aanbieder-medewerker' },
};
const NOT_IMPORTED: Record<number, string> = {
  444: 'WMO315 is exported, not imported: a verzoek om toewijzing starts with the verwijzen mutation of the basisondersteuning',
  419: 'WMO306 is the retour the platform sends on a WMO305', 421: 'WMO308 is the retour the platform sends on a WMO307',
  445: 'WMO316 is the retour the platform sends on a WMO315',
};

/** receive() names the fields of its own mutations; an import error names the field of the iWmo message. */
const IMPORT_VELDEN: Velden = {
  ...MUTATIE_VELDEN,
  berichtId: 'bericht.header.berichtIdentificatie.identificatie', input: 'bericht.toegewezenProduct',
  ingangsdatum: 'bericht.toegewezenProduct.ingangsdatum', einddatum: 'bericht.toegewezenProduct.einddatum',
  volume: 'bericht.toegewezenProduct.omvang.volume', eenheid: 'bericht.toegewezenProduct.omvang.eenheid',
  frequentie: 'bericht.toegewezenProduct.omvang.frequentie', redenWijziging: 'bericht.toegewezenProduct.redenWijziging',
  begindatum: 'bericht.startProduct.begindatum', stopdatum: 'bericht.stopProduct.einddatum', redenBeeindiging: 'bericht.stopProduct.redenBeeindiging',
};
const SECTIES = ['toegewezenProduct', 'startProduct', 'stopProduct'] as const;
const DATUMS = ['ingangsdatum', 'einddatum', 'toewijzingIngangsdatum', 'begindatum'] as const;

/** Every date of a message within the platform's years; the dagtekening not in the future. */
function checkDatums(input: IwmoBerichtInput): void {
  nietInDeToekomst('bericht.header.berichtIdentificatie.dagtekening', input.header.berichtIdentificatie.dagtekening);
  if (input.header.dagtekeningRetour != null) datum('bericht.header.dagtekeningRetour', input.header.dagtekeningRetour);
  for (const sectie of SECTIES) {
    const body = input[sectie] as Partial<Record<(typeof DATUMS)[number], string | null>> | null | undefined;
    for (const veld of DATUMS) if (body?.[veld] != null) datum(`bericht.${sectie}.${veld}`, body[veld]!);
  }
}

function check(field: string, ok: boolean, message: string) {
  if (!ok) throw badUserInput(`bericht.${field}`, `bericht.${field} ${message}`);
}

/**
 * Takes in one iWmo message (WMO301, WMO302, WMO305, WMO307) through the toewijzing state
 * machine: the message's BerichtIdentificatie is its berichtId, so a retry changes nothing
 * and gets the same answer. Returns the message as recorded, the platform's retour on it
 * (WMO306 on a WMO305, WMO308 on a WMO307; none on a WMO301, which the provider answers
 * with a WMO302, nor on that WMO302) and the status of the toewijzing right after it.
 */
export async function verwerken(db: Db, scope: Scope, input: IwmoBerichtInput) {
  const h = input.header;
  const soort = IMPORT[h.berichtCode];
  if (!soort) {
    throw badUserInput('bericht.header.berichtCode', NOT_IMPORTED[h.berichtCode]
      ?? 'bericht.header.berichtCode must be 414 (WMO301), 415 (WMO302), 418 (WMO305) or 420 (WMO307)');
  }
  if (scope.rol !== soort.rol) throw forbidden(`Only a ${soort.rol} sends ${soort.type}`);
  const berichtId = identifier('bericht.header.berichtIdentificatie.identificatie', h.berichtIdentificatie.identificatie);
  check('header.berichtIdentificatie.identificatie', !isPlatformBerichtId(berichtId), 'may not end in .WMO3nn: such ids are the platform\'s own');
  identifier('bericht.header.afzender', h.afzender);
  identifier('bericht.header.ontvanger', h.ontvanger);
  checkDatums(input);
  const retour = soort.type === 'WMO302';
  check('header.identificatieRetour', retour === Boolean(h.identificatieRetour), retour ? 'is required in a WMO302' : 'is only for a WMO302');
  check('header.dagtekeningRetour', retour === Boolean(h.dagtekeningRetour), retour ? 'is required in a WMO302' : 'is only for a WMO302');
  for (const s of SECTIES) {
    check(s, (s === soort.sectie) === Boolean(input[s]), s === soort.sectie ? `is required in a ${soort.type}` : `must be empty in a ${soort.type}`);
  }
  const body = input[soort.sectie]!;
  const nummer = identifier(`bericht.${soort.sectie}.toewijzingNummer`, body.toewijzingNummer);
  if (body.product) identifier(`bericht.${soort.sectie}.product.code`, body.product.code);
  const [receiveSoort, berichtInput] = content(soort.type, input, h.berichtIdentificatie.dagtekening);

  const row = await findToewijzing(db, scope, nummer);
  const gemeente = row.gemeenteCode.replace(/^GM/, '');
  const [afzender, ontvanger] = soort.type === 'WMO301' ? [gemeente, row.organisatieId] : [row.organisatieId, gemeente];
  check('header.afzender', h.afzender === afzender, `must be ${afzender}${afzender === gemeente ? ' (the gemeente)' : ' (the hoofdaanbieder of the toewijzing)'}`);
  check('header.ontvanger', h.ontvanger === ontvanger, `must be ${ontvanger}${ontvanger === gemeente ? ' (the gemeente)' : ' (the hoofdaanbieder of the toewijzing)'}`);
  matchesToewijzing(soort.sectie, body, row, receiveSoort);
  if (retour) {
    const answered = (await messagesOf(db, scope, row.id)).find((b) => b.berichtType === 'WMO301' && b.header.berichtIdentificatie.identificatie === h.identificatieRetour);
    check('header.identificatieRetour', Boolean(answered), 'is not a WMO301 of this toewijzing');
    check('header.dagtekeningRetour', answered!.header.berichtIdentificatie.dagtekening === h.dagtekeningRetour, 'is not the dagtekening of that WMO301');
  }

  const result = await receive(db, scope, receiveSoort, berichtId, row.id, berichtInput, IMPORT_VELDEN);
  const berichten = await messagesOf(db, scope, row.id);
  const recorded = berichten.find((b) => b.header.berichtIdentificatie.identificatie === berichtId);
  if (!recorded) throw new Error('A received message is missing from the export');
  return {
    bericht: recorded,
    retour: berichten.find((b) => b.header.identificatieRetour === berichtId && b.header.afzender === gemeente) ?? null,
    status: statusName(result.status),
  };
}

/** Validates the message without the toewijzing and maps it to a message of the state machine. */
function content(type: IwmoBerichtType, input: IwmoBerichtInput, dagtekening: string): [BerichtSoort, BerichtInput] {
  switch (type) {
    case 'WMO301': {
      const b = input.toegewezenProduct!;
      check('toegewezenProduct.ingangsdatum', Boolean(b.ingangsdatum), 'is required in a WMO301');
      if (b.einddatum) nietVoor('bericht.toegewezenProduct.einddatum', b.einddatum, b.ingangsdatum!, 'the ingangsdatum');
      const o = b.omvang ? omvang('bericht.toegewezenProduct.omvang', b.omvang) : null;
      if (b.redenWijziging !== undefined && b.redenWijziging !== null) {
        iwmoCode('bericht.toegewezenProduct.redenWijziging', REDEN_WIJZIGING, 'WMO002', b.redenWijziging);
        // A WMO301 states the whole toewijzing: without an einddatum it runs on.
        return ['wijzigen', { redenWijziging: b.redenWijziging, einddatum: b.einddatum ?? null, volume: o?.volume, dagtekening }];
      }
      check('toegewezenProduct.omvang', Boolean(o), 'is required in a new toewijzing');
      return ['toekennen', { ingangsdatum: b.ingangsdatum, einddatum: b.einddatum ?? null, ...o, dagtekening }];
    }
    case 'WMO302': {
      const b = input.toegewezenProduct!;
      for (const f of ['ingangsdatum', 'einddatum', 'product', 'redenWijziging', 'omvang'] as const) {
        check(`toegewezenProduct.${f}`, b[f] === undefined || b[f] === null, 'must be empty in a WMO302: it answers the WMO301 named by header.identificatieRetour');
      }
      const h = input.header;
      identifier('bericht.header.identificatieRetour', h.identificatieRetour);
      return ['bevestigen', { identificatieRetour: h.identificatieRetour, dagtekeningRetour: h.dagtekeningRetour, dagtekening }];
    }
    case 'WMO305':
      return ['start', { begindatum: input.startProduct!.begindatum, dagtekening }];
    default: {
      const b = input.stopProduct!;
      nietVoor('bericht.stopProduct.einddatum', b.einddatum, b.begindatum, 'the begindatum');
      iwmoCode('bericht.stopProduct.redenBeeindiging', REDEN_BEEINDIGING, 'WMO588', b.redenBeeindiging);
      return ['stop', { stopdatum: b.einddatum, redenBeeindiging: b.redenBeeindiging, dagtekening }];
    }
  }
}

/** Fields a message repeats must match the toewijzing. Each checked field is fixed once the toewijzing is granted, so retries still match. */
function matchesToewijzing(sectie: Sectie, body: ToegewezenProductInput | StartProductInput | StopProductInput, row: ToewijzingRow, soort: BerichtSoort) {
  const p = body.product;
  if (p) {
    iwmoCode(`bericht.${sectie}.product.categorie`, PRODUCTCATEGORIEEN, 'WMO020', p.categorie);
    check(`${sectie}.product.categorie`, p.categorie === row.productcategorie, 'is not the productcategorie of the toewijzing');
    check(`${sectie}.product.code`, p.code === row.product, 'is not the product of the toewijzing');
  }
  if ('toewijzingIngangsdatum' in body && body.toewijzingIngangsdatum && row.status !== 'verzoek') {
    check(`${sectie}.toewijzingIngangsdatum`, body.toewijzingIngangsdatum === row.ingangsdatum, 'is not the ingangsdatum of the toewijzing');
  }
  if ('redenBeeindiging' in body && row.begindatum) {
    check('stopProduct.begindatum', body.begindatum === row.begindatum, 'is not the begindatum of the toewijzing');
  }
  if (soort === 'wijzigen' && (ACTIVE_TOEWIJZING_STATUSES as readonly string[]).includes(row.status)) {
    const w = body as ToegewezenProductInput;
    check('toegewezenProduct.ingangsdatum', w.ingangsdatum === row.ingangsdatum, 'cannot change: send a new toewijzing instead');
    if (w.omvang) {
      check('toegewezenProduct.omvang.eenheid', w.omvang.eenheid === row.omvangEenheid, 'cannot change; only volume and einddatum can');
      check('toegewezenProduct.omvang.frequentie', w.omvang.frequentie === row.omvangFrequentie, 'cannot change; only volume and einddatum can');
    }
  }
}

/** By ToewijzingNummer, with the rules of receive(): the caller's gemeente; a provider only its own toewijzingen. */
async function findToewijzing(db: Db, scope: Scope, nummer: string): Promise<ToewijzingRow> {
  const rows = await db.select().from(toewijzing).where(and(berichtScope(scope), eq(toewijzing.toewijzingNummer, nummer))).limit(2);
  if (rows.length === 0) throw notFound('Toewijzing not found');
  if (rows.length > 1) throw conflict('This toewijzingNummer is not unique in the gemeente');
  return rows[0]!;
}

/** The messages of one toewijzing as the sender may see them: the rule of receive(), whatever the status. */
const messagesOf = (db: Db, scope: Scope, toewijzingId: string) =>
  iwmoBerichten(db, scope.gemeente, berichtScope(scope), { toewijzingen: [toewijzingId] });
