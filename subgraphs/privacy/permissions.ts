import { everyone, fields, grant, type FieldAccess, type Policy, type PolicySet } from '../shared/policy';

/**
 * Who may read what in privacy. Not listed = denied. The log about a resident: the
 * resident (their own, without who the worker was) and the fg (everything, for
 * investigations). Agreements and the anonymised file: contract management, the fg and
 * the organisation concerned (rows filtered in SQL; the file needs an agreement). The
 * afhaalregister: contract management and the fg, the worker's subject the fg only.
 */
const fg = grant('allow', ['fg']);
const logLezers: FieldAccess = { fg: 'allow', inwoner: 'relation' };
const partijen = grant('relation', ['basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker', 'partner-systeem']);
const overeenkomstLezers: FieldAccess = { 'gemeente-contractmanager': 'allow', fg: 'allow', ...partijen };
/** Who fetched which file: contract management (the partners' data exchange) and the fg. */
const afhaalLezers = grant('allow', ['gemeente-contractmanager', 'fg']);

const regels: Policy = {
  Query: {
    verwerkingsactiviteiten: everyone,
    verwerkingen: fg,
    verwerkersovereenkomsten: overeenkomstLezers,
    anoniemeMaandexport: partijen,
    afhalingen: afhaalLezers,
  },
  Mutation: {
    verwerkersovereenkomstVastleggen: grant('allow', ['gemeente-contractmanager']),
    verwerkersovereenkomstBeeindigen: grant('allow', ['gemeente-contractmanager']),
  },
  Inwoner: { id: grant('relation', ['inwoner']), verwerkingen: grant('relation', ['inwoner']) },
  Organisatie: { id: everyone },
  VerwerkingenPagina: fields(['verwerkingen', 'volgende'], logLezers),
  Verwerking: {
    ...fields(['tijdstip', 'eindtijd', 'naam', 'soort', 'dienst', 'rol', 'organisatie', 'doel', 'verwerkingsactiviteit', 'velden', 'status'], logLezers),
    // Who the worker was, and the trace internals: the fg only.
    ...fields(['id', 'traceId', 'spanId', 'parentSpanId', 'gebruiker', 'betrokkene'], fg),
  },
  Verwerkingsactiviteit: fields(['uri', 'doel', 'versie', 'naam', 'grondslag', 'omschrijving'], everyone),
  Verwerkersovereenkomst: fields(['id', 'organisatie', 'doel', 'ingangsdatum', 'einddatum'], overeenkomstLezers),
  AnoniemeExport: fields(['jaar', 'maand', 'k', 'totaal', 'gegeneraliseerd', 'weggelaten', 'regels'], partijen),
  AnoniemeRegel: fields(['soort', 'omvang', 'startmaand', 'eindmaand', 'aanbieder', 'wijkOfGebied', 'niveau'], partijen),
  Afhaling: {
    ...fields(['id', 'tijdstip', 'rol', 'organisatie', 'soort', 'periode', 'sha256', 'bytes', 'traceId'], afhaalLezers),
    // Who the worker was: the fg only, as in the processing log.
    gebruiker: fg,
  },
};

export const policy: PolicySet = {
  regels,
  niveaus: {
    Query: { '*': 'openbaar', verwerkingen: 'vertrouwelijk', verwerkersovereenkomsten: 'intern', anoniemeMaandexport: 'intern', afhalingen: 'intern' },
    Mutation: 'intern',
    Inwoner: { id: 'zaakvertrouwelijk', verwerkingen: 'vertrouwelijk' },
    Organisatie: 'openbaar',
    // Who processed whose data: personal data of the resident and of the worker.
    VerwerkingenPagina: 'vertrouwelijk',
    Verwerking: 'vertrouwelijk',
    Verwerkingsactiviteit: 'openbaar',
    Verwerkersovereenkomst: 'intern',
    // Anonymised: k-anonymous after generalisation, no identifiers.
    AnoniemeExport: 'intern',
    AnoniemeRegel: 'intern',
    // Files fetched, by role and organisation; the worker's subject is personal data of the worker.
    Afhaling: { '*': 'intern', gebruiker: 'vertrouwelijk' },
  },
  betrokkenen: {
    // Reading one's own log is not logged again; the fg's inquiries are (resolvers.ts).
    Inwoner: 'geen',
    VerwerkingenPagina: 'geen',
    Verwerking: 'geen',
    // A worker, or a resident's pseudonym: no resident to log.
    Afhaling: 'geen',
  },
};
