/**
 * Input validation of every mutation, through the gateway: for each mutation one valid
 * set of arguments (on seeded or prepared rows, for a role that may call it), and cases
 * that each spoil one argument (a string too long, a date out of range or out of order,
 * a bad amount, id, code, enum value, list or BSN). Every case must be refused with
 * BAD_USER_INPUT naming the argument path the client sent, with the message of the check
 * that applies, and must leave every table of the platform unchanged, the processing log
 * included. A guard test fails when the composed supergraph has a mutation without cases,
 * or an argument type of a mutation that no case spoils.
 */
import { readFileSync } from 'node:fs';
import { Kind, parse, type InputValueDefinitionNode, type TypeNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBsns } from '../../db/seed/bsn';
import { plusDagen, today } from '../../subgraphs/shared/scalars';
import { bootStack, sql, type Stack } from '../support/stack';

let stack: Stack;

/** The roles that call the mutations (each allowed to call the mutations it is used for). */
const ROLLEN = {
  consulent: { rol: 'gemeente-consulent' },
  basis: { rol: 'basis-medewerker', organisatie: 'amaryllis' },
  regievoerder: { rol: 'basis-medewerker', organisatie: 'amaryllis', sub: 'gm0080-rv-1' },
  aanbieder: { rol: 'aanbieder-medewerker', organisatie: 'windkracht058' },
  hh: { rol: 'hh-medewerker', organisatie: 'thfl' },
  contractbeheer: { rol: 'gemeente-contractmanager' },
  beleid: { rol: 'gemeente-beleid' },
  coordinator: { rol: 'vol-coordinator', organisatie: 'vol' },
} as const;
type Als = keyof typeof ROLLEN;
const tokens = {} as Record<Als, string>;

/** Rows the valid arguments point at, found or made in beforeAll. */
const fx = {} as {
  inwoner: string; bsn: string; ondersteuning: string; ondersteuningStart: string; huishouden: string; plan: string; doel: string;
  regieInwoner: string; aangevraagd: string; geadviseerd: string; besloten: string;
  verzoek: string; toegewezen: string; toegewezenIngang: string; gestart: string; gestartBegin: string; gestartNummer: string;
  hhAanvraag: string; hhClient: string; zonderAanvraag: string; hulpvraagOpen: string; hulpvraagGematcht: string; toestemming: string;
};
/** A valid BSN (public test range) that belongs to no resident: what a client might send instead of an id. */
const BSN = testBsns(9000).next().value as string;
const vandaag = today();
const gisteren = plusDagen(vandaag, -1);
const lang = (n: number) => 'x'.repeat(n);

/** What kind of check a case trips: the message the refusal must carry. */
const MELDING = {
  tekst: /must be between \d+ and \d+ characters/,
  id: /is not a valid id/,
  bsn: /is a BSN/,
  datum: /must lie between \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d|must not be in the future/,
  volgorde: /must (not be before|be after)/,
  bedrag: /cents/,
  getal: /must be -?\d+ to \d+/,
  lijst: /must name \d+ to \d+ entries/,
  code: /must be an iWmo \w+ code/,
  /** A value of an enum type that does not exist: refused by GraphQL itself while coercing the variables. */
  enum: /^Variable "\$\w+" got invalid value .*does not exist in "\w+" enum/,
  /**
   * A date that is no date (30 February): refused by the Datum scalar of the subgraph while
   * coercing the variables, before any resolver ran; it names the variable in the message.
   */
  vorm: /^Variable "\$\w+" got invalid value .*Datum must be a date in the form YYYY-MM-DD/,
} as const;
type Soort = keyof typeof MELDING | RegExp;

type Vars = Record<string, any>;
interface Mutatie {
  als: Als;
  doc: string;
  /** Valid arguments: each case changes one of them. */
  geldig: () => Vars;
  /** [what is wrong, the field the error names, the kind of check, the change to the valid arguments]. */
  gevallen: Array<[string, string, Soort, (v: Vars) => void]>;
}

/**
 * For a value GraphQL refuses itself (an enum value that does not exist) the error names
 * no field; `veld` then says which argument the case spoils, for the coverage guard.
 */
const MUTATIES: Record<string, Mutatie> = {
  // --- aanvullende ondersteuning ---
  toewijzingToekennen: {
    als: 'consulent',
    doc: 'mutation($b: ID!, $t: ID!, $i: ToekenningInput!) { toewijzingToekennen(berichtId: $b, toewijzing: $t, input: $i) { id } }',
    geldig: () => ({ b: 'val-301-1', t: fx.verzoek, i: { ingangsdatum: '2026-02-01', einddatum: '2026-12-31', volume: 3, eenheid: '04', frequentie: '2', leveringsvorm: 'ZIN' } }),
    gevallen: [
      ['berichtId too long', 'berichtId', 'id', (v) => { v.b = lang(101); }],
      ['berichtId of the platform', 'berichtId', /reserved for messages the platform makes/, (v) => { v.b = 'val-1.WMO301'; }],
      ['toewijzing not an id', 'toewijzing', 'id', (v) => { v.t = 'tw 1'; }],
      ['ingangsdatum in year 9999', 'input.ingangsdatum', 'datum', (v) => { v.i.ingangsdatum = '9999-01-01'; }],
      ['einddatum in year 0001', 'input.einddatum', 'datum', (v) => { v.i.einddatum = '0001-01-01'; }],
      ['einddatum before ingangsdatum', 'input.einddatum', 'volgorde', (v) => { v.i.einddatum = '2026-01-31'; }],
      ['volume 0', 'input.volume', 'getal', (v) => { v.i.volume = 0; }],
      ['volume 1001', 'input.volume', 'getal', (v) => { v.i.volume = 1001; }],
      ['eenheid not in WJ756', 'input.eenheid', 'code', (v) => { v.i.eenheid = '99'; }],
      ['frequentie of 500 characters', 'input.frequentie', 'code', (v) => { v.i.frequentie = lang(500); }],
      ['leveringsvorm that does not exist', 'input.leveringsvorm', 'enum', (v) => { v.i.leveringsvorm = 'CONTANT'; }],
    ],
  },
  verzoekAfwijzen: {
    als: 'consulent',
    doc: 'mutation($b: ID!, $t: ID!, $r: String!) { verzoekAfwijzen(berichtId: $b, toewijzing: $t, reden: $r) { id } }',
    geldig: () => ({ b: 'val-319-1', t: fx.verzoek, r: 'Past in de basisondersteuning' }),
    gevallen: [
      ['reden of 2 characters', 'reden', 'tekst', (v) => { v.r = ' ab '; }],
      ['reden of 501 characters', 'reden', 'tekst', (v) => { v.r = lang(501); }],
      ['berichtId with a space', 'berichtId', 'id', (v) => { v.b = 'val 319'; }],
      ['toewijzing too long', 'toewijzing', 'id', (v) => { v.t = lang(101); }],
    ],
  },
  toewijzingWijzigen: {
    als: 'consulent',
    doc: 'mutation($b: ID!, $t: ID!, $i: WijzigingInput!) { toewijzingWijzigen(berichtId: $b, toewijzing: $t, input: $i) { id } }',
    geldig: () => ({ b: 'val-317-1', t: fx.toegewezen, i: { redenWijziging: '04', einddatum: '2027-12-31', volume: 4 } }),
    gevallen: [
      ['nothing to change', 'input', /must change einddatum or volume/, (v) => { v.i = { redenWijziging: '04' }; }],
      ['redenWijziging 01 (vervallen is not a wijziging)', 'input.redenWijziging', 'code', (v) => { v.i.redenWijziging = '01'; }],
      ['einddatum in year 9999', 'input.einddatum', 'datum', (v) => { v.i.einddatum = '9999-12-31'; }],
      ['einddatum before the ingangsdatum of the toewijzing', 'input.einddatum', 'volgorde', (v) => { v.i.einddatum = plusDagen(fx.toegewezenIngang, -1); }],
      ['volume 1001', 'input.volume', 'getal', (v) => { v.i.volume = 1001; }],
      ['berichtId too long', 'berichtId', 'id', (v) => { v.b = lang(101); }],
    ],
  },
  toewijzingLatenVervallen: {
    als: 'consulent',
    doc: 'mutation($b: ID!, $t: ID!, $r: String!) { toewijzingLatenVervallen(berichtId: $b, toewijzing: $t, reden: $r) { id } }',
    geldig: () => ({ b: 'val-vv-1', t: fx.toegewezen, r: 'Nooit gestart' }),
    gevallen: [
      ['reden of blanks', 'reden', 'tekst', (v) => { v.r = '      '; }],
      ['reden of 501 characters', 'reden', 'tekst', (v) => { v.r = lang(501); }],
      ['toewijzing with a slash', 'toewijzing', 'id', (v) => { v.t = 'tw/1'; }],
    ],
  },
  startbericht: {
    als: 'aanbieder',
    doc: 'mutation($b: ID!, $t: ID!, $d: Datum!) { startbericht(berichtId: $b, toewijzing: $t, begindatum: $d) { id } }',
    geldig: () => ({ b: 'val-305-1', t: fx.toegewezen, d: fx.toegewezenIngang }),
    gevallen: [
      ['begindatum in year 2101', 'begindatum', 'datum', (v) => { v.d = '2101-01-01'; }],
      ['begindatum before the ingangsdatum', 'begindatum', 'volgorde', (v) => { v.d = plusDagen(fx.toegewezenIngang, -1); }],
      ['berichtId too long', 'berichtId', 'id', (v) => { v.b = lang(101); }],
    ],
  },
  stopbericht: {
    als: 'aanbieder',
    doc: 'mutation($b: ID!, $t: ID!, $d: Datum!, $r: String!) { stopbericht(berichtId: $b, toewijzing: $t, stopdatum: $d, redenBeeindiging: $r) { id } }',
    geldig: () => ({ b: 'val-307-1', t: fx.gestart, d: vandaag, r: '19' }),
    gevallen: [
      ['stopdatum before the Wmo 2015', 'stopdatum', 'datum', (v) => { v.d = '2014-12-31'; }],
      ['stopdatum before the begindatum', 'stopdatum', 'volgorde', (v) => { v.d = plusDagen(fx.gestartBegin, -1); }],
      ['redenBeeindiging not in WMO588', 'redenBeeindiging', 'code', (v) => { v.r = '99'; }],
      ['toewijzing not an id', 'toewijzing', 'id', (v) => { v.t = 'tw#1'; }],
    ],
  },
  toewijzingDoorgeven: {
    als: 'aanbieder',
    doc: 'mutation($t: ID!, $o: ID!) { toewijzingDoorgeven(toewijzing: $t, onderaannemer: $o) { id } }',
    geldig: () => ({ t: fx.gestart, o: 'oa-dementie' }),
    gevallen: [
      ['onderaannemer not an id', 'onderaannemer', 'id', (v) => { v.o = 'oa dementie'; }],
      ['onderaannemer that is an hh-aanbieder', 'onderaannemer', /not an onderaannemer of the gemeente/, (v) => { v.o = 'thfl'; }],
      ['toewijzing too long', 'toewijzing', 'id', (v) => { v.t = lang(101); }],
    ],
  },
  iwmoBerichtVerwerken: {
    als: 'aanbieder',
    doc: 'mutation($m: IwmoBerichtInput!) { iwmoBerichtVerwerken(bericht: $m) { status } }',
    geldig: () => ({
      m: {
        header: { berichtCode: 420, berichtIdentificatie: { identificatie: 'val-wmo307-1', dagtekening: vandaag }, afzender: 'windkracht058', ontvanger: '0080' },
        stopProduct: { toewijzingNummer: fx.gestartNummer, begindatum: fx.gestartBegin, einddatum: vandaag, redenBeeindiging: '19' },
      },
    }),
    gevallen: [
      ['berichtCode of a retour', 'bericht.header.berichtCode', /WMO308 is the retour/, (v) => { v.m.header.berichtCode = 421; }],
      ['dagtekening in the future', 'bericht.header.berichtIdentificatie.dagtekening', 'datum', (v) => { v.m.header.berichtIdentificatie.dagtekening = plusDagen(vandaag, 1); }],
      ['identificatie too long', 'bericht.header.berichtIdentificatie.identificatie', 'id', (v) => { v.m.header.berichtIdentificatie.identificatie = lang(101); }],
      ['afzender of 10,000 characters', 'bericht.header.afzender', 'id', (v) => { v.m.header.afzender = lang(10_000); }],
      ['ontvanger with spaces', 'bericht.header.ontvanger', 'id', (v) => { v.m.header.ontvanger = 'gemeente 0080'; }],
      ['einddatum in year 9999', 'bericht.stopProduct.einddatum', 'datum', (v) => { v.m.stopProduct.einddatum = '9999-12-31'; }],
      ['toewijzingIngangsdatum in year 0001', 'bericht.stopProduct.toewijzingIngangsdatum', 'datum', (v) => { v.m.stopProduct.toewijzingIngangsdatum = '0001-01-01'; }],
      ['einddatum before begindatum', 'bericht.stopProduct.einddatum', 'volgorde', (v) => { v.m.stopProduct.einddatum = plusDagen(fx.gestartBegin, -1); }],
      ['redenBeeindiging not in WMO588', 'bericht.stopProduct.redenBeeindiging', 'code', (v) => { v.m.stopProduct.redenBeeindiging = '01'; }],
      ['product code of 500 characters', 'bericht.stopProduct.product.code', 'id', (v) => { v.m.stopProduct.product = { categorie: '02', code: lang(500) }; }],
      ['toewijzingNummer with a space', 'bericht.stopProduct.toewijzingNummer', 'id', (v) => { v.m.stopProduct.toewijzingNummer = '1 2'; }],
      ['a second section', 'bericht.startProduct', /must be empty in a WMO307/, (v) => { v.m.startProduct = { toewijzingNummer: fx.gestartNummer, begindatum: fx.gestartBegin }; }],
    ],
  },

  // --- basisondersteuning ---
  ondersteuningRegistreren: {
    als: 'basis',
    doc: 'mutation($i: OndersteuningInput!) { ondersteuningRegistreren(input: $i) { id } }',
    geldig: () => ({ i: { inwoner: fx.inwoner, soort: 'PTO', startdatum: '2026-03-01', einddatum: '2026-06-30' } }),
    gevallen: [
      ['inwoner is a BSN', 'input.inwoner', 'bsn', (v) => { v.i.inwoner = fx.bsn; }],
      ['inwoner too long', 'input.inwoner', 'id', (v) => { v.i.inwoner = lang(101); }],
      ['startdatum in year 0001', 'input.startdatum', 'datum', (v) => { v.i.startdatum = '0001-01-01'; }],
      ['einddatum in year 9999', 'input.einddatum', 'datum', (v) => { v.i.einddatum = '9999-12-31'; }],
      ['einddatum on the startdatum', 'input.einddatum', 'volgorde', (v) => { v.i.einddatum = v.i.startdatum; }],
      ['soort that does not exist', 'input.soort', 'enum', (v) => { v.i.soort = 'TO9'; }],
    ],
  },
  ondersteuningBeeindigen: {
    als: 'basis',
    doc: 'mutation($id: ID!, $e: Datum!) { ondersteuningBeeindigen(id: $id, einddatum: $e) { id } }',
    geldig: () => ({ id: fx.ondersteuning, e: '2027-03-31' }),
    gevallen: [
      ['einddatum in year 9999', 'einddatum', 'datum', (v) => { v.e = '9999-12-31'; }],
      ['einddatum on the startdatum', 'einddatum', 'volgorde', (v) => { v.e = fx.ondersteuningStart; }],
      ['id with a space', 'id', 'id', (v) => { v.id = 'ond 1'; }],
    ],
  },
  contactmomentRegistreren: {
    als: 'basis',
    doc: 'mutation($w: ID!, $s: SoortContactmoment!, $d: Datum!) { contactmomentRegistreren(inwoner: $w, soort: $s, datum: $d) { id } }',
    geldig: () => ({ w: fx.inwoner, s: 'PERSPECTIEFGESPREK', d: vandaag }),
    gevallen: [
      ['inwoner is a BSN', 'inwoner', 'bsn', (v) => { v.w = BSN; }],
      ['datum tomorrow', 'datum', 'datum', (v) => { v.d = plusDagen(vandaag, 1); }],
      ['datum in year 0001', 'datum', 'datum', (v) => { v.d = '0001-01-01'; }],
      ['datum 30 February', 'datum', 'vorm', (v) => { v.d = '2026-02-30'; }],
      ['soort that does not exist', 'soort', 'enum', (v) => { v.s = 'TELEFOON'; }],
    ],
  },
  verwijzen: {
    als: 'basis',
    doc: 'mutation($i: VerwijzingInput!) { verwijzen(input: $i) { id } }',
    geldig: () => ({ i: { inwoner: fx.inwoner, product: 'TO3', criteria: ['TO_EXPERTISE'], ingangsdatum: '2027-01-01', volume: 2, eenheid: '04', frequentie: '2' } }),
    gevallen: [
      ['inwoner is a BSN', 'input.inwoner', 'bsn', (v) => { v.i.inwoner = fx.bsn; }],
      ['no criteria', 'input.criteria', 'lijst', (v) => { v.i.criteria = []; }],
      ['21 criteria', 'input.criteria', 'lijst', (v) => { v.i.criteria = Array(21).fill('TO_EXPERTISE'); }],
      ['a DB criterion for a TO product', 'input.criteria', /uses the TO_\* criteria/, (v) => { v.i.criteria = ['DB_EXPERTISE']; }],
      ['criterion that does not exist', 'input.criteria', 'enum', (v) => { v.i.criteria = ['TO_GEVOEL']; }],
      ['product that does not exist', 'input.product', 'enum', (v) => { v.i.product = 'TO9'; }],
      ['ingangsdatum in year 9999', 'input.ingangsdatum', 'datum', (v) => { v.i.ingangsdatum = '9999-01-01'; }],
      ['volume 0', 'input.volume', 'getal', (v) => { v.i.volume = 0; }],
      ['eenheid not in WJ756', 'input.eenheid', 'code', (v) => { v.i.eenheid = '05'; }],
      ['frequentie not in WMO757', 'input.frequentie', 'code', (v) => { v.i.frequentie = '3'; }],
    ],
  },
  beschikkingAanvragen: {
    als: 'basis',
    doc: 'mutation($w: ID!) { beschikkingAanvragen(inwoner: $w) { id } }',
    geldig: () => ({ w: fx.inwoner }),
    gevallen: [
      ['inwoner is a BSN', 'inwoner', 'bsn', (v) => { v.w = fx.bsn; }],
      ['inwoner with a quote', 'inwoner', 'id', (v) => { v.w = "inw-1'"; }],
    ],
  },
  zwaarwegendAdviesGeven: {
    als: 'basis',
    doc: 'mutation($id: ID!, $a: Advies!) { zwaarwegendAdviesGeven(id: $id, advies: $a) { id } }',
    geldig: () => ({ id: fx.aangevraagd, a: 'TOEKENNEN' }),
    gevallen: [
      ['id too long', 'id', 'id', (v) => { v.id = lang(101); }],
      ['advies that does not exist', 'advies', 'enum', (v) => { v.a = 'MISSCHIEN'; }],
    ],
  },
  beschikkingBesluiten: {
    als: 'consulent',
    doc: 'mutation($id: ID!, $b: Besluit!, $g: String!, $d: Datum!) { beschikkingBesluiten(id: $id, besluit: $b, gronden: $g, datum: $d) { id } }',
    geldig: () => ({ id: fx.geadviseerd, b: 'TOEGEKEND', g: 'Getoetst aan de verordening', d: vandaag }),
    gevallen: [
      ['gronden of 9 characters', 'gronden', 'tekst', (v) => { v.g = 'Getoetst.'; }],
      ['gronden of 2001 characters', 'gronden', 'tekst', (v) => { v.g = lang(2001); }],
      ['datum tomorrow', 'datum', 'datum', (v) => { v.d = plusDagen(vandaag, 1); }],
      ['datum before the aanvraag', 'datum', 'volgorde', (v) => { v.d = gisteren; }],
      ['id with a space', 'id', 'id', (v) => { v.id = 'ba 1'; }],
      ['besluit that does not exist', 'besluit', 'enum', (v) => { v.b = 'UITGESTELD'; }],
    ],
  },
  bezwaarRegistreren: {
    als: 'consulent',
    doc: 'mutation($id: ID!, $d: Datum!) { bezwaarRegistreren(id: $id, datum: $d) { id } }',
    geldig: () => ({ id: fx.besloten, d: vandaag }),
    gevallen: [
      ['datum tomorrow', 'datum', 'datum', (v) => { v.d = plusDagen(vandaag, 1); }],
      ['datum in year 1900', 'datum', 'datum', (v) => { v.d = '1900-01-01'; }],
      ['datum before the decision', 'datum', 'volgorde', (v) => { v.d = gisteren; }],
      ['id too long', 'id', 'id', (v) => { v.id = lang(101); }],
    ],
  },
  signaalRegistreren: {
    als: 'regievoerder',
    doc: 'mutation($w: ID!, $s: SoortSignaal!, $n: Int, $d: Datum!) { signaalRegistreren(inwoner: $w, soort: $s, stap: $n, datum: $d) { id } }',
    geldig: () => ({ w: fx.regieInwoner, s: 'VEILIG_THUIS_MELDCODE', n: 2, d: vandaag }),
    gevallen: [
      ['inwoner is a BSN', 'inwoner', 'bsn', (v) => { v.w = BSN; }],
      ['stap 6 of the meldcode', 'stap', 'getal', (v) => { v.n = 6; }],
      ['stap with another soort', 'stap', /stap is only for VEILIG_THUIS_MELDCODE/, (v) => { v.s = 'VERWIJSINDEX'; }],
      ['datum tomorrow', 'datum', 'datum', (v) => { v.d = plusDagen(vandaag, 1); }],
      ['soort that does not exist', 'soort', 'enum', (v) => { v.s = 'ZORGMELDING'; }],
    ],
  },
  planOpstellen: {
    als: 'basis',
    doc: 'mutation($h: ID!, $r: ID!) { planOpstellen(huishouden: $h, regievoerder: $r) { id } }',
    geldig: () => ({ h: fx.huishouden, r: 'gm0080-rv-2' }),
    gevallen: [
      ['huishouden too long', 'huishouden', 'id', (v) => { v.h = lang(101); }],
      ['regievoerder with a space', 'regievoerder', 'id', (v) => { v.r = 'rv 1'; }],
    ],
  },
  doelToevoegen: {
    als: 'basis',
    doc: 'mutation($p: ID!, $o: String!, $d: Datum) { doelToevoegen(plan: $p, omschrijving: $o, streefdatum: $d) { id } }',
    geldig: () => ({ p: fx.plan, o: 'Zelfstandig boodschappen doen', d: '2027-06-30' }),
    gevallen: [
      ['omschrijving of 2 characters', 'omschrijving', 'tekst', (v) => { v.o = 'ok'; }],
      ['omschrijving of 301 characters', 'omschrijving', 'tekst', (v) => { v.o = lang(301); }],
      ['streefdatum yesterday', 'streefdatum', 'volgorde', (v) => { v.d = gisteren; }],
      ['streefdatum in year 9999', 'streefdatum', 'datum', (v) => { v.d = '9999-06-30'; }],
      ['plan with a space', 'plan', 'id', (v) => { v.p = 'plan 1'; }],
    ],
  },
  doelAfsluiten: {
    als: 'basis',
    doc: 'mutation($id: ID!, $s: StatusDoel!) { doelAfsluiten(id: $id, status: $s) { id } }',
    geldig: () => ({ id: fx.doel, s: 'BEREIKT' }),
    gevallen: [
      ['status OPEN', 'status', /status must be BEREIKT or VERVALLEN/, (v) => { v.s = 'OPEN'; }],
      ['status that does not exist', 'status', 'enum', (v) => { v.s = 'KLAAR'; }],
      ['id too long', 'id', 'id', (v) => { v.id = lang(101); }],
    ],
  },

  // --- financiën ---
  contractRegistreren: {
    als: 'contractbeheer',
    doc: 'mutation($i: ContractInput!) { contractRegistreren(input: $i) { id } }',
    geldig: () => ({ i: { organisatie: 'oa-nah', perceel: 'THUISONDERSTEUNING_DAGBESTEDING', rol: 'ONDERAANNEMER', hoofdaanbieder: 'windkracht058', ingangsdatum: '2027-01-01', einddatum: '2027-12-31' } }),
    gevallen: [
      ['organisatie with a space', 'input.organisatie', 'id', (v) => { v.i.organisatie = 'oa nah'; }],
      ['hoofdaanbieder too long', 'input.hoofdaanbieder', 'id', (v) => { v.i.hoofdaanbieder = lang(101); }],
      ['hoofdaanbieder is the organisatie itself', 'input.hoofdaanbieder', /must differ from input.organisatie/, (v) => { v.i.hoofdaanbieder = v.i.organisatie; }],
      ['onderaannemer without hoofdaanbieder', 'input.hoofdaanbieder', /works under a hoofdaanbieder/, (v) => { delete v.i.hoofdaanbieder; }],
      ['ingangsdatum in year 9999', 'input.ingangsdatum', 'datum', (v) => { v.i.ingangsdatum = '9999-01-01'; }],
      ['einddatum on the ingangsdatum', 'input.einddatum', 'volgorde', (v) => { v.i.einddatum = v.i.ingangsdatum; }],
      ['perceel that does not exist', 'input.perceel', 'enum', (v) => { v.i.perceel = 'JEUGDZORG'; }],
      ['rol that does not exist', 'input.rol', 'enum', (v) => { v.i.rol = 'LEVERANCIER'; }],
    ],
  },
  lotBudgetVaststellen: {
    als: 'contractbeheer',
    doc: 'mutation($j: Int!, $p: Perceel!, $t: String!) { lotBudgetVaststellen(jaar: $j, perceel: $p, totaal: $t) { id } }',
    geldig: () => ({ j: 2027, p: 'HULP_BIJ_HET_HUISHOUDEN', t: '1000001' }),
    gevallen: [
      ['jaar 2101', 'jaar', /must be a year between 2015/, (v) => { v.j = 2101; }],
      ['totaal with a decimal point', 'totaal', 'bedrag', (v) => { v.t = '12500.00'; }],
      ['totaal with three decimals', 'totaal', 'bedrag', (v) => { v.t = '12.345'; }],
      ['totaal negative', 'totaal', 'bedrag', (v) => { v.t = '-100'; }],
      ['totaal NaN', 'totaal', 'bedrag', (v) => { v.t = 'NaN'; }],
      ['totaal as an exponent', 'totaal', 'bedrag', (v) => { v.t = '1e9'; }],
      ['totaal 0', 'totaal', 'bedrag', (v) => { v.t = '0'; }],
      ['totaal above EUR 1 billion', 'totaal', 'bedrag', (v) => { v.t = '100000000001'; }],
      ['perceel that does not exist', 'perceel', 'enum', (v) => { v.p = 'JEUGDZORG'; }],
    ],
  },
  herverdelingAanvragen: {
    als: 'basis',
    doc: 'mutation($i: HerverdelingInput!) { herverdelingAanvragen(input: $i) { id } }',
    geldig: () => ({ i: { jaar: 2026, van: 'windkracht058', naar: 'amaryllis', bedrag: '2500000', motivering: 'Meer TO3-cliënten in de basis' } }),
    gevallen: [
      ['jaar 1900', 'input.jaar', /must be a year between 2015/, (v) => { v.i.jaar = 1900; }],
      ['van with a space', 'input.van', 'id', (v) => { v.i.van = 'wind kracht'; }],
      ['naar is van', 'input.naar', /must differ from input.van/, (v) => { v.i.naar = v.i.van; }],
      ['bedrag in euros with cents', 'input.bedrag', 'bedrag', (v) => { v.i.bedrag = '25000.00'; }],
      ['bedrag of 17 digits', 'input.bedrag', 'bedrag', (v) => { v.i.bedrag = '12345678901234567'; }],
      ['motivering of 9 characters', 'input.motivering', 'tekst', (v) => { v.i.motivering = 'Te weinig'; }],
      ['vanPerceel that does not exist', 'input.vanPerceel', 'enum', (v) => { v.i.vanPerceel = 'JEUGDZORG'; }],
    ],
  },
  herverdelingGoedkeuren: {
    als: 'basis',
    doc: 'mutation($id: ID!) { herverdelingGoedkeuren(id: $id) { id } }',
    geldig: () => ({ id: 'gm0080-hv-2025-1' }),
    gevallen: [
      ['id with a space', 'id', 'id', (v) => { v.id = 'hv 1'; }],
      ['id too long', 'id', 'id', (v) => { v.id = lang(101); }],
    ],
  },
  herverdelingBesluiten: {
    als: 'contractbeheer',
    doc: 'mutation($id: ID!, $b: HerverdelingBesluit!, $m: String!) { herverdelingBesluiten(id: $id, besluit: $b, motivering: $m) { id } }',
    geldig: () => ({ id: 'gm0080-hv-2025-1', b: 'AFWIJZEN', m: 'Onvoldoende onderbouwd' }),
    gevallen: [
      ['motivering of 9 characters', 'motivering', 'tekst', (v) => { v.m = 'Nee, want'; }],
      ['motivering of 2001 characters', 'motivering', 'tekst', (v) => { v.m = lang(2001); }],
      ['id too long', 'id', 'id', (v) => { v.id = lang(101); }],
      ['besluit that does not exist', 'besluit', 'enum', (v) => { v.b = 'UITSTELLEN'; }],
    ],
  },
  besparingVastleggen: {
    als: 'contractbeheer',
    doc: 'mutation($m: ID!, $j: Int!, $b: String!, $t: String!) { besparingVastleggen(maatregel: $m, jaar: $j, bedrag: $b, toelichting: $t) { jaar } }',
    geldig: () => ({ m: 'gm0080-mr-1', j: 2026, b: '12300', t: 'Jaarrapportage' }),
    gevallen: [
      ['maatregel with a space', 'maatregel', 'id', (v) => { v.m = 'mr 1'; }],
      ['jaar 2014', 'jaar', /must be a year between 2015/, (v) => { v.j = 2014; }],
      ['bedrag negative', 'bedrag', 'bedrag', (v) => { v.b = '-12300'; }],
      ['bedrag with a decimal point', 'bedrag', 'bedrag', (v) => { v.b = '123.00'; }],
      ['toelichting of 1001 characters', 'toelichting', 'tekst', (v) => { v.t = lang(1001); }],
    ],
  },
  abonnementstariefVastleggen: {
    als: 'contractbeheer',
    doc: 'mutation($j: Int!, $b: String!, $p: TariefPeriode!, $s: String!) { abonnementstariefVastleggen(jaar: $j, bedrag: $b, periode: $p, bron: $s) { jaar } }',
    geldig: () => ({ j: 2027, b: '2150', p: 'MAAND', s: 'Raadsbesluit' }),
    gevallen: [
      ['jaar 9999', 'jaar', /must be a year between 2015/, (v) => { v.j = 9999; }],
      ['bedrag 0', 'bedrag', 'bedrag', (v) => { v.b = '0'; }],
      ['bedrag above EUR 1,000 a period', 'bedrag', 'bedrag', (v) => { v.b = '100001'; }],
      ['bron of 2 characters', 'bron', 'tekst', (v) => { v.s = 'RB'; }],
      ['periode that does not exist', 'periode', 'enum', (v) => { v.p = 'JAAR'; }],
    ],
  },
  kostprijsVastleggen: {
    als: 'contractbeheer',
    doc: 'mutation($j: Int!, $p: Perceel!, $b: String!, $s: String!) { kostprijsVastleggen(jaar: $j, perceel: $p, bedrag: $b, bron: $s) { jaar } }',
    geldig: () => ({ j: 2027, p: 'BASISONDERSTEUNING', b: '1900', s: 'Kostprijsonderzoek' }),
    gevallen: [
      ['jaar 2014', 'jaar', /must be a year between 2015/, (v) => { v.j = 2014; }],
      ['bedrag above EUR 10,000 a unit', 'bedrag', 'bedrag', (v) => { v.b = '1000001'; }],
      ['bedrag as a float', 'bedrag', 'bedrag', (v) => { v.b = '19.5'; }],
      ['bron of 501 characters', 'bron', 'tekst', (v) => { v.s = lang(501); }],
      ['perceel that does not exist', 'perceel', 'enum', (v) => { v.p = 'JEUGDZORG'; }],
    ],
  },

  // --- huishoudelijke hulp ---
  hhNormjaarVastleggen: {
    als: 'beleid',
    doc: 'mutation($j: Int!, $i: HhNormjaarInput!) { hhNormjaarVastleggen(jaar: $j, input: $i) { jaar } }',
    geldig: () => ({ j: 2030, i: { standaardLooptijdMaanden: 24, langeLooptijdMaanden: 60, leeftijdLangeLooptijd: 80, vakantieweken: [30, 31], vakantieReductieProcent: 50, kopieerRegelsVan: 2026 } }),
    gevallen: [
      ['jaar 9999', 'jaar', /must be a year between 2015/, (v) => { v.j = 9999; }],
      ['standaardLooptijdMaanden 0', 'input.standaardLooptijdMaanden', 'getal', (v) => { v.i.standaardLooptijdMaanden = 0; }],
      ['langeLooptijdMaanden shorter than the standard', 'input.langeLooptijdMaanden', 'getal', (v) => { v.i.langeLooptijdMaanden = 12; }],
      ['leeftijdLangeLooptijd 121', 'input.leeftijdLangeLooptijd', 'getal', (v) => { v.i.leeftijdLangeLooptijd = 121; }],
      ['vakantieReductieProcent 101', 'input.vakantieReductieProcent', 'getal', (v) => { v.i.vakantieReductieProcent = 101; }],
      ['vakantieweek 54', 'input.vakantieweken.1', 'getal', (v) => { v.i.vakantieweken = [30, 54]; }],
      ['21 vakantieweken', 'input.vakantieweken', 'lijst', (v) => { v.i.vakantieweken = Array.from({ length: 21 }, (_, k) => k + 1); }],
      ['kopieerRegelsVan a later year', 'input.kopieerRegelsVan', 'getal', (v) => { v.i.kopieerRegelsVan = 2031; }],
      // Refused after the normjaar row is written: the transaction takes that write back.
      ['kopieerRegelsVan into a year with norm lines', 'input.kopieerRegelsVan', /already has norm lines/, (v) => { v.j = 2026; v.i.kopieerRegelsVan = 2025; }],
    ],
  },
  hhNormregelVastleggen: {
    als: 'beleid',
    doc: 'mutation($j: Int!, $i: HhNormregelInput!) { hhNormregelVastleggen(jaar: $j, input: $i) { activiteit } }',
    geldig: () => ({ j: 2026, i: { activiteit: 'RAMEN_LAPPEN', omschrijving: 'Ramen lappen binnen', minutenPerWeek: 15, extraMinutenPerPersoon: 0, schoonmaak: true } }),
    gevallen: [
      ['jaar without a normjaar', 'jaar', /has no normjaar yet/, (v) => { v.j = 2035; }],
      ['activiteit in lower case', 'input.activiteit', /must be 2 to 50 capitals/, (v) => { v.i.activiteit = 'ramen lappen'; }],
      ['activiteit of 51 characters', 'input.activiteit', /must be 2 to 50 capitals/, (v) => { v.i.activiteit = 'R'.repeat(51); }],
      ['omschrijving of 201 characters', 'input.omschrijving', 'tekst', (v) => { v.i.omschrijving = lang(201); }],
      ['minutenPerWeek 1201', 'input.minutenPerWeek', 'getal', (v) => { v.i.minutenPerWeek = 1201; }],
      ['extraMinutenPerPersoon negative', 'input.extraMinutenPerPersoon', 'getal', (v) => { v.i.extraMinutenPerPersoon = -1; }],
    ],
  },
  hhAanvraagIndienen: {
    als: 'consulent',
    doc: 'mutation($w: ID!, $a: ID) { hhAanvraagIndienen(inwoner: $w, voorkeurAanbieder: $a) { id } }',
    geldig: () => ({ w: fx.zonderAanvraag, a: 'miep' }),
    gevallen: [
      ['inwoner is a BSN', 'inwoner', 'bsn', (v) => { v.w = BSN; }],
      ['voorkeurAanbieder with a space', 'voorkeurAanbieder', 'id', (v) => { v.a = 'm i e p'; }],
      ['voorkeurAanbieder that is no hh-aanbieder', 'voorkeurAanbieder', /not an hh-aanbieder with a running contract/, (v) => { v.a = 'windkracht058'; }],
    ],
  },
  hhWachtrijVerdelen: {
    als: 'consulent',
    doc: 'mutation($n: Int) { hhWachtrijVerdelen(aantal: $n) { id } }',
    geldig: () => ({ n: 10 }),
    gevallen: [
      ['aantal 0', 'aantal', 'getal', (v) => { v.n = 0; }],
      ['aantal 1001', 'aantal', 'getal', (v) => { v.n = 1001; }],
    ],
  },
  hhAanvraagIntrekken: {
    als: 'consulent',
    doc: 'mutation($id: ID!) { hhAanvraagIntrekken(id: $id) { id } }',
    geldig: () => ({ id: fx.hhAanvraag }),
    gevallen: [
      ['id with a space', 'id', 'id', (v) => { v.id = 'hha 1'; }],
    ],
  },
  hhIndicatieVaststellen: {
    als: 'hh',
    doc: 'mutation($a: ID!, $i: HhIndicatieInput!) { hhIndicatieVaststellen(aanvraag: $a, input: $i) { id } }',
    geldig: () => ({ a: fx.hhAanvraag, i: { startdatum: plusDagen(vandaag, 7), huishoudgrootte: 2, taken: [{ activiteit: 'ZWAAR_POETSEN', mate: 'VOLLEDIG' }], chronischZiek: false, vasteHulp: 'gm0080-hulp-thfl-1' } }),
    gevallen: [
      ['startdatum two years ahead', 'input.startdatum', 'datum', (v) => { v.i.startdatum = plusDagen(vandaag, 730); }],
      ['huishoudgrootte 13', 'input.huishoudgrootte', 'getal', (v) => { v.i.huishoudgrootte = 13; }],
      ['no taken', 'input.taken', 'lijst', (v) => { v.i.taken = []; }],
      ['51 taken', 'input.taken', 'lijst', (v) => { v.i.taken = Array(51).fill({ activiteit: 'ZWAAR_POETSEN', mate: 'VOLLEDIG' }); }],
      ['activiteit not in the normtabel', 'input.taken.0.activiteit', /is not in the normtabel/, (v) => { v.i.taken = [{ activiteit: lang(300), mate: 'VOLLEDIG' }]; }],
      ['mate that does not exist', 'input.taken.0.mate', 'enum', (v) => { v.i.taken = [{ activiteit: 'ZWAAR_POETSEN', mate: 'HALF' }]; }],
      ['vasteHulp with a space', 'input.vasteHulp', 'id', (v) => { v.i.vasteHulp = 'hulp 1'; }],
      ['vasteHulp of another provider', 'input.vasteHulp', /no hulp with this id at the provider/, (v) => { v.i.vasteHulp = 'gm0080-hulp-miep-1'; }],
      ['aanvraag too long', 'aanvraag', 'id', (v) => { v.a = lang(101); }],
    ],
  },
  hhKoppelen: {
    als: 'hh',
    doc: 'mutation($w: ID!, $h: ID!, $p: Datum!) { hhKoppelen(inwoner: $w, hulp: $h, per: $p) { id } }',
    geldig: () => ({ w: fx.hhClient, h: 'gm0080-hulp-thfl-2', p: vandaag }),
    gevallen: [
      ['inwoner is a BSN', 'inwoner', 'bsn', (v) => { v.w = BSN; }],
      ['per yesterday', 'per', 'datum', (v) => { v.p = gisteren; }],
      ['hulp with a space', 'hulp', 'id', (v) => { v.h = 'hulp 2'; }],
      ['hulp of another provider', 'hulp', /no hulp with this id at the provider/, (v) => { v.h = 'gm0080-hulp-miep-1'; }],
    ],
  },
  hhCapaciteitVastleggen: {
    als: 'contractbeheer',
    doc: 'mutation($a: ID!, $n: Int!) { hhCapaciteitVastleggen(aanbieder: $a, maxClienten: $n) { maxClienten } }',
    geldig: () => ({ a: 'miep', n: 2000 }),
    gevallen: [
      ['maxClienten negative', 'maxClienten', 'getal', (v) => { v.n = -1; }],
      ['maxClienten 100001', 'maxClienten', 'getal', (v) => { v.n = 100_001; }],
      ['aanbieder with a space', 'aanbieder', 'id', (v) => { v.a = 'm iep'; }],
      ['aanbieder that is no hh-aanbieder', 'aanbieder', /not an hh-aanbieder of the gemeente/, (v) => { v.a = 'amaryllis'; }],
    ],
  },
  hhPersoneelOverdragen: {
    als: 'contractbeheer',
    doc: 'mutation($v: ID!, $n: ID!, $h: [ID!]!, $p: Datum!, $b: [ID!]) { hhPersoneelOverdragen(van: $v, naar: $n, hulpen: $h, per: $p, blijvenBijAanbieder: $b) { id } }',
    geldig: () => ({ v: 'thfl', n: 'miep', h: ['gm0080-hulp-thfl-4'], p: vandaag, b: [] }),
    gevallen: [
      ['per tomorrow', 'per', 'datum', (v) => { v.p = plusDagen(vandaag, 1); }],
      ['no hulpen', 'hulpen', 'lijst', (v) => { v.h = []; }],
      ['501 hulpen', 'hulpen', 'lijst', (v) => { v.h = Array.from({ length: 501 }, (_, k) => `h-${k}`); }],
      ['a hulp twice', 'hulpen', /names a helper twice/, (v) => { v.h = ['gm0080-hulp-thfl-4', 'gm0080-hulp-thfl-4']; }],
      ['second hulp not an id', 'hulpen.1', 'id', (v) => { v.h = ['gm0080-hulp-thfl-4', 'hulp 3']; }],
      ['blijvenBijAanbieder with a BSN', 'blijvenBijAanbieder.0', 'bsn', (v) => { v.b = [BSN]; }],
      ['naar is van', 'naar', /naar must differ from van/, (v) => { v.n = 'thfl'; }],
      ['van with a space', 'van', 'id', (v) => { v.v = 't h f l'; }],
    ],
  },
  hhClientenPlaatsen: {
    als: 'consulent',
    doc: 'mutation($v: ID!, $p: Datum!) { hhClientenPlaatsen(van: $v, per: $p) { id } }',
    geldig: () => ({ v: 'hh-gestopt', p: vandaag }),
    gevallen: [
      ['per two years ahead', 'per', 'datum', (v) => { v.p = plusDagen(vandaag, 730); }],
      ['per in year 0001', 'per', 'datum', (v) => { v.p = '0001-01-01'; }],
      ['van too long', 'van', 'id', (v) => { v.v = lang(101); }],
    ],
  },

  // --- privacy ---
  verwerkersovereenkomstVastleggen: {
    als: 'contractbeheer',
    doc: 'mutation($o: ID!, $d: OvereenkomstDoel!, $i: Datum!, $e: Datum) { verwerkersovereenkomstVastleggen(organisatie: $o, doel: $d, ingangsdatum: $i, einddatum: $e) { id } }',
    geldig: () => ({ o: 'thfl', d: 'ANONIEME_MAANDEXPORT', i: '2027-01-01', e: '2028-12-31' }),
    gevallen: [
      ['organisatie with a space', 'organisatie', 'id', (v) => { v.o = 't hfl'; }],
      ['ingangsdatum in year 9999', 'ingangsdatum', 'datum', (v) => { v.i = '9999-01-01'; }],
      ['einddatum in year 0001', 'einddatum', 'datum', (v) => { v.e = '0001-01-01'; }],
      ['einddatum before ingangsdatum', 'einddatum', 'volgorde', (v) => { v.e = '2026-12-31'; }],
      ['doel that does not exist', 'doel', 'enum', (v) => { v.d = 'VERKOOP'; }],
    ],
  },
  verwerkersovereenkomstBeeindigen: {
    als: 'contractbeheer',
    doc: 'mutation($id: ID!, $e: Datum!) { verwerkersovereenkomstBeeindigen(id: $id, einddatum: $e) { id } }',
    geldig: () => ({ id: 'gm0080-vo-1', e: '2027-12-31' }),
    gevallen: [
      ['einddatum in year 9999', 'einddatum', 'datum', (v) => { v.e = '9999-12-31'; }],
      ['einddatum before the ingangsdatum', 'einddatum', 'volgorde', (v) => { v.e = '2015-01-01'; }],
      ['id with a space', 'id', 'id', (v) => { v.id = 'vo 1'; }],
    ],
  },

  // --- sociale basis ---
  hulpvraagRegistreren: {
    als: 'coordinator',
    doc: 'mutation($i: HulpvraagInput!) { hulpvraagRegistreren(input: $i) { id } }',
    geldig: () => ({ i: { wijk: 'WK008020', soort: 'BOODSCHAPPEN', inwoner: fx.inwoner, toestemming: true } }),
    gevallen: [
      ['inwoner is a BSN', 'input.inwoner', 'bsn', (v) => { v.i.inwoner = fx.bsn; }],
      ['inwoner without consent', 'input.inwoner', /only be recorded with their consent/, (v) => { v.i.toestemming = false; }],
      ['wijk too long', 'input.wijk', 'id', (v) => { v.i.wijk = lang(101); }],
      ['soort that does not exist', 'input.soort', 'enum', (v) => { v.i.soort = 'KLUSSEN_IN_HUIS'; }],
    ],
  },
  hulpvraagMatchen: {
    als: 'coordinator',
    doc: 'mutation($id: ID!, $v: ID!) { hulpvraagMatchen(id: $id, vrijwilliger: $v) { id } }',
    geldig: () => ({ id: fx.hulpvraagOpen, v: 'gm0080-vw-1' }),
    gevallen: [
      ['vrijwilliger with a space', 'vrijwilliger', 'id', (v) => { v.v = 'vw 1'; }],
      ['id too long', 'id', 'id', (v) => { v.id = lang(101); }],
    ],
  },
  hulpvraagAfronden: {
    als: 'coordinator',
    doc: 'mutation($id: ID!) { hulpvraagAfronden(id: $id) { id } }',
    geldig: () => ({ id: fx.hulpvraagGematcht }),
    gevallen: [['id with a space', 'id', 'id', (v) => { v.id = 'hv 1'; }]],
  },
  hulpvraagTerugzetten: {
    als: 'coordinator',
    doc: 'mutation($id: ID!, $r: String!) { hulpvraagTerugzetten(id: $id, reden: $r) { id } }',
    geldig: () => ({ id: fx.hulpvraagGematcht, r: 'Vrijwilliger verhuisd' }),
    gevallen: [
      ['reden of 2 characters', 'reden', 'tekst', (v) => { v.r = 'ok'; }],
      ['reden of 501 characters', 'reden', 'tekst', (v) => { v.r = lang(501); }],
      ['id too long', 'id', 'id', (v) => { v.id = lang(101); }],
    ],
  },
  hulpvraagOpschalen: {
    als: 'coordinator',
    doc: 'mutation($id: ID!, $r: String!) { hulpvraagOpschalen(id: $id, reden: $r) { id } }',
    geldig: () => ({ id: fx.hulpvraagOpen, r: 'Professional nodig' }),
    gevallen: [
      ['reden of blanks', 'reden', 'tekst', (v) => { v.r = '     '; }],
      ['id with a space', 'id', 'id', (v) => { v.id = 'hv 2'; }],
    ],
  },
  toestemmingVastleggen: {
    als: 'coordinator',
    doc: 'mutation($w: ID!, $o: ID) { toestemmingVastleggen(inwoner: $w, organisatie: $o) { id } }',
    geldig: () => ({ w: fx.inwoner, o: 'vol' }),
    gevallen: [
      ['inwoner is a BSN', 'inwoner', 'bsn', (v) => { v.w = fx.bsn; }],
      ['inwoner too long', 'inwoner', 'id', (v) => { v.w = lang(101); }],
      ['organisatie other than the own', 'organisatie', /for its own organisation only/, (v) => { v.o = 'solidair-friesland'; }],
    ],
  },
  toestemmingIntrekken: {
    als: 'coordinator',
    doc: 'mutation($id: ID!) { toestemmingIntrekken(id: $id) { id } }',
    geldig: () => ({ id: fx.toestemming }),
    gevallen: [['id with a space', 'id', 'id', (v) => { v.id = 'ts 1'; }]],
  },
};

// ---------------------------------------------------------------------------------------
// Fixtures

const one = async <T = Record<string, string>>(q: ReturnType<typeof sql>): Promise<T> => {
  const [row] = await stack.rows<T>(q);
  if (!row) throw new Error(`fixture row missing: ${JSON.stringify(q)}`.slice(0, 400));
  return row;
};

async function ok(als: Als, doc: string, variables: Vars): Promise<Record<string, any>> {
  const res = await stack.query(doc, { token: tokens[als], variables });
  if (res.body.errors) throw new Error(`fixture: ${JSON.stringify(res.body.errors)}`);
  return res.body.data!;
}

/** A fingerprint of every table of the platform: md5 over its rows, per table. */
let fingerprintSql: ReturnType<typeof sql>;
const fingerprint = async () => (await stack.rows<Record<string, string>>(fingerprintSql))[0]!;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 300 });
  for (const [als, claims] of Object.entries(ROLLEN)) tokens[als as Als] = await stack.token(claims as never);

  const tables = await stack.rows<{ t: string }>(sql`select format('%I.%I', table_schema, table_name) as t from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema in ('basisondersteuning', 'aanvullende_ondersteuning', 'financien', 'huishoudelijke_hulp', 'privacy', 'sociale_basis')
    order by 1`);
  expect(tables.length).toBeGreaterThan(40);
  fingerprintSql = sql.raw(`select ${tables.map(({ t }) => `(select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${t} x) as "${t}"`).join(', ')}`);

  // Residents in the basisondersteuning of Amaryllis without a toewijzing or aanvraag: a few fresh ones.
  const basis = await stack.rows<{ id: string; bsn: string; huishouden: string }>(sql`select i.id, i.bsn, i.huishouden_id as huishouden
    from basisondersteuning.inwoner i where i.gemeente_code = 'GM0080' and i.bsn is not null
      and exists (select 1 from basisondersteuning.ondersteuning o where o.inwoner_id = i.id and o.organisatie_id = 'amaryllis' and o.einddatum is null)
      and not exists (select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id)
      and not exists (select 1 from basisondersteuning.beschikking_aanvraag a where a.inwoner_id = i.id)
    order by i.id limit 5`);
  expect(basis.length).toBe(5);
  const [r0, r1, r2, r3, r4] = basis as [typeof basis[0], typeof basis[0], typeof basis[0], typeof basis[0], typeof basis[0]];
  Object.assign(fx, { inwoner: r0.id, bsn: r0.bsn, huishouden: r0.huishouden });
  const ond = await one<{ id: string; startdatum: string }>(sql`select id, startdatum::text from basisondersteuning.ondersteuning
    where organisatie_id = 'amaryllis' and einddatum is null and inwoner_id = ${r0.id} order by id limit 1`);
  Object.assign(fx, { ondersteuning: ond.id, ondersteuningStart: ond.startdatum });

  // The beschikking flow at three steps: aangevraagd, geadviseerd, besloten.
  const aanvragen = [];
  for (const r of [r1, r2, r3]) {
    aanvragen.push((await ok('basis', 'mutation($w: ID!) { beschikkingAanvragen(inwoner: $w) { id } }', { w: r.id })).beschikkingAanvragen.id as string);
  }
  for (const id of aanvragen.slice(1)) await ok('basis', 'mutation($id: ID!) { zwaarwegendAdviesGeven(id: $id, advies: TOEKENNEN) { id } }', { id });
  await ok('consulent', `mutation($id: ID!, $d: Datum!) { beschikkingBesluiten(id: $id, besluit: TOEGEKEND, gronden: "Getoetst aan de verordening", datum: $d) { id } }`, { id: aanvragen[2], d: vandaag });
  Object.assign(fx, { aangevraagd: aanvragen[0], geadviseerd: aanvragen[1], besloten: aanvragen[2] });

  // A verzoek om toewijzing (from a verwijzing), and the seeded toewijzingen of Windkracht058.
  const vw = await ok('basis', 'mutation($w: ID!) { verwijzen(input: { inwoner: $w, product: TO4, criteria: [TO_EXPERTISE], ingangsdatum: "2026-02-01", volume: 2, eenheid: "04", frequentie: "2" }) { toewijzingId } }', { w: r4.id });
  fx.verzoek = vw.verwijzen.toewijzingId;
  const toegewezen = await one<{ id: string; ingangsdatum: string }>(sql`select id, ingangsdatum::text from aanvullende_ondersteuning.toewijzing
    where gemeente_code = 'GM0080' and status = 'toegewezen' and organisatie_id = 'windkracht058' order by id limit 1`);
  const gestart = await one<{ id: string; begindatum: string; nummer: string }>(sql`select id, begindatum::text, toewijzing_nummer as nummer from aanvullende_ondersteuning.toewijzing
    where gemeente_code = 'GM0080' and status = 'gestart' and organisatie_id = 'windkracht058' order by id limit 1`);
  Object.assign(fx, { toegewezen: toegewezen.id, toegewezenIngang: toegewezen.ingangsdatum, gestart: gestart.id, gestartBegin: gestart.begindatum, gestartNummer: gestart.nummer });

  // The household plan of regievoerder gm0080-rv-1 and an open goal in it.
  const regie = await one<{ inwoner: string; plan: string; doel: string }>(sql`select i.id as inwoner, p.id as plan, d.id as doel from basisondersteuning.plan p
    join basisondersteuning.inwoner i on i.huishouden_id = p.huishouden_id join basisondersteuning.doel d on d.plan_id = p.id and d.status = 'OPEN'
    where p.regievoerder_id = 'gm0080-rv-1' order by i.id, d.id limit 1`);
  Object.assign(fx, { regieInwoner: regie.inwoner, plan: regie.plan, doel: regie.doel });

  // Huishoudelijke hulp: THFL's assigned aanvraag, a client of THFL, a resident without any aanvraag.
  fx.hhAanvraag = (await one<{ id: string }>(sql`select id from huishoudelijke_hulp.aanvraag where status = 'TOEGEWEZEN' and aanbieder_id = 'thfl' limit 1`)).id;
  fx.hhClient = (await one<{ id: string }>(sql`select inwoner_id as id from huishoudelijke_hulp.indicatie where organisatie_id = 'thfl'
    and startdatum <= ${vandaag}::date and (einddatum is null or einddatum >= ${vandaag}::date) order by inwoner_id limit 1`)).id;
  fx.zonderAanvraag = (await one<{ id: string }>(sql`select id from basisondersteuning.inwoner i where gemeente_code = 'GM0080'
    and not exists (select 1 from huishoudelijke_hulp.aanvraag a where a.inwoner_id = i.id) order by id limit 1`)).id;

  // Sociale basis: an open and a matched hulpvraag of V-O-L, and a consent to V-O-L.
  fx.hulpvraagOpen = (await one<{ id: string }>(sql`select id from sociale_basis.hulpvraag where organisatie_id = 'vol' and status = 'OPEN' order by id limit 1`)).id;
  fx.hulpvraagGematcht = (await one<{ id: string }>(sql`select id from sociale_basis.hulpvraag where organisatie_id = 'vol' and status = 'GEMATCHT' order by id limit 1`)).id;
  fx.toestemming = (await one<{ id: string }>(sql`select id from sociale_basis.toestemming where organisatie_id = 'vol' and ingetrokken_op is null order by id limit 1`)).id;
});
afterAll(() => stack?.stop());

// ---------------------------------------------------------------------------------------

const GEVALLEN = Object.entries(MUTATIES).flatMap(([naam, m]) => m.gevallen.map(([wat, veld, soort, wijzig]) => ({ naam, m, wat, veld, soort, wijzig })));

describe('every mutation refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
  it.each(GEVALLEN)('$naam: $wat', async ({ m, veld, soort, wijzig }) => {
    const variables = structuredClone(m.geldig());
    wijzig(variables);
    const before = await fingerprint();
    const res = await stack.query(m.doc, { token: tokens[m.als], variables });
    const after = await fingerprint();

    expect(res.body.errors, JSON.stringify(res.body)).toHaveLength(1);
    const error = res.body.errors![0]!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(typeof soort === 'string' ? MELDING[soort] : soort);
    if (soort === 'enum') {
      // Refused by GraphQL at the gateway while coercing the variables: the whole request fails.
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
    } else if (soort === 'vorm') {
      // Refused by the subgraph's scalar before its resolver ran; a scalar cannot know the argument's path.
      expect(res.status).toBe(200);
      expect(error.extensions?.field).toBeUndefined();
      expect(res.body.data).toBeNull();
    } else {
      expect(res.status).toBe(200);
      expect(error.extensions?.field).toBe(veld);
      expect(res.body.data).toBeNull();
    }
    // Never the value itself: a refused BSN or text is not echoed.
    for (const value of [fx.bsn, BSN, lang(101)]) expect(error.message).not.toContain(value);
    // Nothing written: every table the same, the processing log included.
    expect(after).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------
// Guard: a mutation (or an argument type of one) without cases fails here.

const supergraph = parse(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'));
const inputTypes = new Map(supergraph.definitions.flatMap((d) => (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ? [[d.name.value, d.fields ?? []] as const] : [])));
const mutationFields = supergraph.definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Mutation' ? d.fields ?? [] : []));
const named = (t: TypeNode): string => (t.kind === Kind.NAMED_TYPE ? t.name.value : named(t.type));

/** The scalar and enum types of a mutation's arguments, input objects followed (Boolean aside: true or false is always valid). */
function argumentTypes(args: readonly InputValueDefinitionNode[], seen = new Set<string>()): Set<string> {
  const types = new Set<string>();
  for (const arg of args) {
    const type = named(arg.type);
    const fields = inputTypes.get(type);
    if (fields) {
      if (!seen.has(type)) for (const t of argumentTypes(fields, new Set([...seen, type]))) types.add(t);
    } else if (type !== 'Boolean') types.add(type);
  }
  return types;
}

/** The type of the argument a path names (`input.taken.0.activiteit` -> String). */
function typeOf(args: readonly InputValueDefinitionNode[], path: string): string | undefined {
  let fields: readonly InputValueDefinitionNode[] | undefined = args;
  let type: string | undefined;
  for (const part of path.split('.').filter((p) => !/^\d+$/.test(p))) {
    const def = fields?.find((f) => f.name.value === part);
    if (!def) return undefined;
    type = named(def.type);
    fields = inputTypes.get(type);
  }
  return type;
}

describe('coverage of the validation table', () => {
  it('has cases for every mutation of the supergraph, and none for a mutation that does not exist', () => {
    const inSchema = mutationFields.map((f) => f.name.value).sort();
    expect(inSchema.length).toBeGreaterThan(40);
    expect(Object.keys(MUTATIES).sort()).toEqual(inSchema);
  });

  it('spoils every type of argument of every mutation (text, id, date, number, each enum) at least once', () => {
    const missing: string[] = [];
    for (const field of mutationFields) {
      const m = MUTATIES[field.name.value];
      if (!m) continue;
      const args = field.arguments ?? [];
      const covered = new Set(m.gevallen.map(([wat, veld]) => {
        const type = typeOf(args, veld);
        if (!type) missing.push(`${field.name.value}: case "${wat}" names ${veld}, which is no argument`);
        return type;
      }));
      for (const type of argumentTypes(args)) if (!covered.has(type)) missing.push(`${field.name.value}: no case with a bad ${type}`);
    }
    expect(missing).toEqual([]);
  });

  it('has a case with a value GraphQL refuses for every enum a mutation takes', () => {
    const enums = new Set(supergraph.definitions.flatMap((d) => (d.kind === Kind.ENUM_TYPE_DEFINITION ? [d.name.value] : [])));
    const taken = new Set(mutationFields.flatMap((f) => [...argumentTypes(f.arguments ?? [])].filter((t) => enums.has(t))));
    const tested = new Set(mutationFields.flatMap((f) => (MUTATIES[f.name.value]?.gevallen ?? [])
      .filter(([, , soort]) => soort === 'enum').map(([, veld]) => typeOf(f.arguments ?? [], veld))));
    expect([...taken].filter((e) => !tested.has(e))).toEqual([]);
  });
});
