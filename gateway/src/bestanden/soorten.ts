/**
 * The soorten of file delivery (GET /bestanden/<soort>/<periode>): one entry per soort,
 * nothing else. Delivery computes no file itself. Each entry names a GraphQL field that
 * already makes the file (another issue built it and owns it), runs a fixed operation on it
 * through the gateway as the caller (same token, role, purpose, authorisation, suppression and
 * processing log as /graphql), and hands back what the field returned; the route serialises
 * it in the entry's `formaat`, hashes it and records the fetch (route.ts).
 *
 * Adding a soort is adding one entry to BESTANDSOORTEN below:
 * - `omschrijving`: what the file is and for whom (GET /bestanden shows it);
 * - `operatie`: one operation with one root field; the list asks that field's policy which
 *   roles may fetch the soort, so no second copy of the authorisation rules exists;
 * - `formaat`: `json` (one JSON document: the field's value) or `ndjson` (one JSON value per
 *   line, for a list of messages);
 * - `inhoud(haal, maand)`: runs the operation for the month (`haal` throws on any GraphQL
 *   error, so a partial answer never becomes a file) and returns the field's value, or for
 *   `ndjson` the list, in the field's own order. Select the fields; do not compute or reorder.
 * Then add the soort to the README table ("Bestanden (file delivery)"); the integration test
 * (test/integration/bestanden.test.ts) has a case per soort.
 */
import { BERICHTCODE, type IwmoBerichtType } from '../../../subgraphs/shared/iwmo';

/** The month a periode `JJJJ-MM` stands for. */
export interface Maand {
  jaar: number;
  maand: number;
  /** First and last day, yyyy-mm-dd. */
  van: string;
  tot: string;
}

/** Runs an operation as the caller; resolves to its data, rejects on any error. */
export type Haal = (operatie: string, variables: Record<string, unknown>) => Promise<Record<string, any>>;

export type Formaat = 'json' | 'ndjson';

/** How each format is sent; the body is always UTF-8 and ends with a newline (unless empty). */
export const FORMATEN: Record<Formaat, { extensie: string; contentType: string; omschrijving: string }> = {
  json: {
    extensie: 'json',
    contentType: 'application/json; charset=utf-8',
    omschrijving: 'Eén JSON-document: de waarde van het GraphQL-veld, met de velden in de volgorde van de operatie.',
  },
  ndjson: {
    extensie: 'ndjson',
    contentType: 'application/x-ndjson; charset=utf-8',
    omschrijving: 'Eén JSON-waarde per regel (newline-delimited JSON): één bericht per regel, in de volgorde van het veld; een maand zonder berichten is een leeg bestand.',
  },
};

export type Bestandsoort =
  | { omschrijving: string; operatie: string; formaat: 'json'; inhoud: (haal: Haal, maand: Maand) => Promise<unknown> }
  | { omschrijving: string; operatie: string; formaat: 'ndjson'; inhoud: (haal: Haal, maand: Maand) => Promise<readonly unknown[]> };

/** The bytes of a file: the value, serialised and nothing else. JSON.stringify keeps the field order of the answer. */
export function serialiseer(formaat: Formaat, waarde: unknown): string {
  if (formaat === 'json') return `${JSON.stringify(waarde)}\n`;
  return (waarde as readonly unknown[]).map((v) => `${JSON.stringify(v)}\n`).join('');
}

/** Upper bound of pages in one file, so a cursor that never ends cannot hold the gateway. */
export const MAX_PAGINAS = 2_000;

/**
 * Every item of a keyset-paged field, pages concatenated in the field's order: the
 * `volgende` of one page is the `na` of the next, until it is null.
 */
export async function allePaginas<T>(pagina: (na: string | null) => Promise<{ items: readonly T[]; volgende: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let na: string | null = null;
  for (let n = 0; n < MAX_PAGINAS; n++) {
    const p = await pagina(na);
    items.push(...p.items);
    if (p.volgende === null) return items;
    if (p.volgende === na) throw new Error('The cursor did not advance');
    na = p.volgende;
  }
  throw new Error(`More than ${MAX_PAGINAS} pages`);
}

const BEDRAG = '{ valuta centen euro }';

const cakEigenBijdrage: Bestandsoort = {
  omschrijving: 'Het CAK-bestand (eigen bijdrage, abonnementstarief) van een maand: één regel per huishouden en periode met structurele ondersteuning, met de BSN; het maandtarief op de eerste regel van het huishouden (cakExport). Persoonsgegevens: de gemeente-consulent.',
  operatie: `query BestandCakEigenBijdrage($jaar: Int!, $maand: Int!) { cakExport(jaar: $jaar, maand: $maand) {
    jaar maand tarief ${BEDRAG} totaal ${BEDRAG}
    regels { huishouden inwoner { id bsn } begindatum einddatum bedrag ${BEDRAG} } } }`,
  formaat: 'json',
  inhoud: async (haal, m) => (await haal(cakEigenBijdrage.operatie, { jaar: m.jaar, maand: m.maand })).cakExport,
};

const anoniemMaandbestand: Bestandsoort = {
  omschrijving: 'Het geanonimiseerde maandbestand voor de basisondersteuning (anoniemeMaandexport): één regel per voorziening, gegeneraliseerd tot ten minste k gelijke regels. Alleen voor een organisatie met een verwerkersovereenkomst die op de eerste dag van de maand geldt.',
  operatie: `query BestandAnoniemMaandbestand($jaar: Int!, $maand: Int!) { anoniemeMaandexport(jaar: $jaar, maand: $maand) {
    jaar maand k totaal gegeneraliseerd weggelaten
    regels { soort omvang startmaand eindmaand aanbieder { id naam } wijkOfGebied niveau } } }`,
  formaat: 'json',
  inhoud: async (haal, m) => (await haal(anoniemMaandbestand.operatie, { jaar: m.jaar, maand: m.maand })).anoniemeMaandexport,
};

/** The whole iWmo message as the schema defines it: every section, so each line is a complete message. */
const IWMO_OPERATIE = `query BestandIwmoBerichten($berichtType: IwmoBerichtType!, $van: Datum!, $tot: Datum!, $na: String, $aantal: Int!) {
  iwmoBerichten(berichtType: $berichtType, van: $van, tot: $tot, na: $na, aantal: $aantal) { volgende berichten {
    berichtType
    header { berichtCode berichtIdentificatie { identificatie dagtekening } afzender ontvanger identificatieRetour dagtekeningRetour }
    inwoner { id }
    aangevraagdProduct { referentieAanbieder toewijzingIngangsdatum verwijzer { id } product { ...product } omvang { ...omvang } }
    toegewezenProduct { toewijzingNummer toewijzingsdatum ingangsdatum product { ...product } einddatum redenWijziging omvang { ...omvang } }
    startProduct { toewijzingNummer product { ...product } toewijzingIngangsdatum begindatum }
    stopProduct { toewijzingNummer product { ...product } toewijzingIngangsdatum begindatum einddatum redenBeeindiging } } } }
  fragment product on IwmoProduct { categorie code }
  fragment omvang on Omvang { volume eenheid frequentie }`;

/** The largest page the field allows. */
const IWMO_PAGINA = 500;

function iwmo(berichtType: IwmoBerichtType): Bestandsoort {
  return {
    omschrijving: `De iWmo-berichten ${berichtType} (BerichtCode ${BERICHTCODE[berichtType]}) met een dagtekening in de maand (iwmoBerichten), alle pagina's achter elkaar in de volgorde van het veld (dagtekening, identificatie): één bericht per regel. Wie welke berichten ziet, volgt het postvak: de gemeente-consulent alle, een aanbieder die van de eigen toewijzingen.`,
    operatie: IWMO_OPERATIE,
    formaat: 'ndjson',
    inhoud: (haal, m) => allePaginas(async (na) => {
      const { iwmoBerichten } = await haal(IWMO_OPERATIE, { berichtType, van: m.van, tot: m.tot, na, aantal: IWMO_PAGINA });
      return { items: iwmoBerichten.berichten, volgende: iwmoBerichten.volgende };
    }),
  };
}

/** The registry: URL name -> soort. */
export const BESTANDSOORTEN: Readonly<Record<string, Bestandsoort>> = {
  'cak-eigen-bijdrage': cakEigenBijdrage,
  'anoniem-maandbestand': anoniemMaandbestand,
  ...Object.fromEntries((Object.keys(BERICHTCODE) as IwmoBerichtType[]).map((t) => [`iwmo-${t.toLowerCase()}`, iwmo(t)])),
};
