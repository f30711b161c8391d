import { everyone, fields, grant, viaInwonerId, type FieldAccess, type Policy, type PolicySet } from '../shared/policy';

/** Who may read what in financien. Not listed = denied. */
const subsidieLezers = grant('allow', ['gemeente-contractmanager', 'gemeente-beleid', 'adviesraad']);
const wijkBudgetLezers = grant('allow', [
  'gemeente-contractmanager',
  'gemeente-beleid',
  'gemeente-consulent',
  'adviesraad',
  'vol-coordinator',
]);

/**
 * Money: contract management and policy see every lumpsum and herverdeling, a provider
 * (basis-, aanbieder- or hh-medewerker) only those of its own organisation (rows filtered
 * in SQL), the adviesraad budgets per perceel and the taakstelling; nobody else sees money.
 */
const geldLezers: FieldAccess = {
  'gemeente-contractmanager': 'allow',
  'gemeente-beleid': 'allow',
  'basis-medewerker': 'relation',
  'aanbieder-medewerker': 'relation',
  'hh-medewerker': 'relation',
};
const budgetLezers = grant('allow', ['gemeente-contractmanager', 'gemeente-beleid', 'adviesraad']);
/**
 * Money per wijk, gebied and gemeente (cijfers.ts): the municipality's BI (policy,
 * contract management) and the advisory council, like the budgets. Not the providers:
 * with two HH parties, one that knows its own spending per wijk would read the other's
 * off the total; not the roles that act for one person.
 */
const financienCijferLezers = budgetLezers;
const contractbeheer = grant('allow', ['gemeente-contractmanager']);
const consulent = grant('allow', ['gemeente-consulent']);
const partijen = grant('relation', ['basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker']);

/**
 * Kwaliteit (complaints, client experience, bezwaren): suppressed aggregates for policy,
 * contract management and the adviesraad; a provider sees its own organisation's counts
 * unsuppressed and the others suppressed (decided in kwaliteit.ts); nobody else.
 */
const kwaliteitLezers: FieldAccess = {
  ...grant('allow', ['gemeente-contractmanager', 'gemeente-beleid', 'adviesraad']),
  ...grant('relation', ['basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker']),
};
const KWALITEIT: Record<string, readonly string[]> = {
  Kwaliteit: ['van', 'tot', 'aanbieders', 'gemeente', 'bezwaren'],
  KwaliteitPeriode: ['label', 'van', 'tot', 'kwaliteit'],
  KwaliteitRegel: ['organisatie', 'eigenOrganisatie', 'klachten', 'perRoute', 'perStatus', 'afgehandeld', 'mediaanAfhandeldagen', 'bovenNorm',
    'respondenten', 'gemiddeldeScore', 'clientervaring'],
  KlachtenPerRoute: ['route', 'klachten'],
  KlachtenPerStatus: ['status', 'klachten'],
  ClientervaringRegel: ['product', 'respondenten', 'gemiddeldeScore'],
};

/** Contracts are public information about who delivers what. */
const regels: Policy = {
  Query: {
    organisaties: everyone, organisatie: everyone, contracten: everyone,
    lumpsums: geldLezers, herverdelingen: geldLezers, perceelBudgetten: budgetLezers, taakstelling: budgetLezers,
    abonnementstarieven: everyone,
    realisatie: geldLezers,
    kostprijzen: budgetLezers,
    // The eigen bijdrage per household is personal (financial) data: the municipality's consulent only.
    cakExport: consulent,
    kwaliteit: kwaliteitLezers,
    kwaliteitReeks: kwaliteitLezers,
  },
  Mutation: {
    contractRegistreren: contractbeheer,
    lotBudgetVaststellen: contractbeheer,
    herverdelingAanvragen: partijen,
    herverdelingGoedkeuren: partijen,
    herverdelingBesluiten: contractbeheer,
    besparingVastleggen: contractbeheer,
    abonnementstariefVastleggen: contractbeheer,
    kostprijsVastleggen: contractbeheer,
  },
  Realisatie: fields(['perceel', 'organisatie', 'kwartaal', 'budget', 'eenheid', 'volume', 'clienten', 'besteed', 'uitputtingProcent'], geldLezers),
  Kostprijs: fields(['jaar', 'perceel', 'eenheid', 'bedrag', 'bron'], budgetLezers),
  Telling: fields(['waarde', 'onderdrukt'], everyone),
  Abonnementstarief: fields(['jaar', 'bedrag', 'periode', 'bron'], everyone),
  CakExport: fields(['jaar', 'maand', 'tarief', 'regels', 'totaal'], consulent),
  CakRegel: fields(['huishouden', 'inwoner', 'begindatum', 'einddatum', 'bedrag'], consulent),
  Inwoner: { id: consulent },
  Organisatie: {
    ...fields(['id', 'naam', 'soort', 'contracten'], everyone),
    subsidies: subsidieLezers,
    lumpsums: geldLezers,
  },
  Lumpsum: fields(['id', 'jaar', 'perceel', 'organisatie', 'vastgesteld', 'herverdeeld', 'actueel', 'herkomst'], geldLezers),
  PerceelBudget: fields(['perceel', 'vastgesteld', 'actueel'], budgetLezers),
  Herverdeling: fields(['id', 'jaar', 'van', 'naar', 'bedrag', 'motivering', 'status', 'aangevraagdDoor', 'besluitMotivering', 'geschiedenis'], geldLezers),
  HerverdelingPartij: fields(['organisatie', 'perceel'], geldLezers),
  HerverdelingStap: fields(['soort', 'organisatie', 'op'], geldLezers),
  Taakstelling: fields(['doel', 'risicoreserve', 'totaalMaatregelen', 'maatregelen', 'subtotalen', 'gerealiseerd', 'nogTeRealiseren', 'voortgangProcent'], budgetLezers),
  Subtotaal: fields(['groep', 'bedrag'], budgetLezers),
  Maatregel: fields(['id', 'groep', 'omschrijving', 'bedrag', 'besparingen'], budgetLezers),
  Besparing: fields(['jaar', 'bedrag', 'toelichting'], budgetLezers),
  Contract: fields(['id', 'organisatie', 'perceel', 'rol', 'hoofdaanbieder', 'ingangsdatum', 'einddatum'], everyone),
  Subsidie: fields(['id', 'jaar', 'bedrag', 'doel', 'voorwaarden', 'wijk'], subsidieLezers),
  Bedrag: fields(['valuta', 'centen', 'euro'], everyone),
  Wijk: { code: everyone, subsidieTotaal: wijkBudgetLezers, financienCijfers: financienCijferLezers },
  Gebied: { naam: everyone, financienCijfers: financienCijferLezers },
  Gemeente: { code: everyone, financienCijfers: financienCijferLezers },
  FinancienCijfers: fields(['periode', 'van', 'tot', 'subsidies', 'subsidiesZonderWijk', 'perPerceel'], financienCijferLezers),
  KostenPerPerceel: fields(['perceel', 'eenheid', 'clienten', 'volume', 'besteed', 'budget'], financienCijferLezers),
  ...Object.fromEntries(Object.entries(KWALITEIT).map(([type, namen]) => [type, fields(namen, kwaliteitLezers)])),
};

const GELD = ['Realisatie', 'Kostprijs', 'Lumpsum', 'PerceelBudget', 'Herverdeling', 'HerverdelingPartij', 'HerverdelingStap',
  'Taakstelling', 'Subtotaal', 'Maatregel', 'Besparing', 'Subsidie', 'Bedrag'] as const;

export const policy: PolicySet = {
  regels,
  niveaus: {
    Query: {
      '*': 'openbaar',
      ...Object.fromEntries(['lumpsums', 'herverdelingen', 'perceelBudgetten', 'taakstelling', 'realisatie', 'kostprijzen'].map((f) => [f, 'intern' as const])),
      // A household's finances.
      cakExport: 'confidentieel',
      // Aggregates, suppressed: no betrokkene.
      kwaliteit: 'beperkt_openbaar',
      kwaliteitReeks: 'beperkt_openbaar',
    },
    Mutation: 'intern',
    ...Object.fromEntries(GELD.map((t) => [t, 'intern' as const])),
    Telling: 'beperkt_openbaar',
    Abonnementstarief: 'openbaar',
    CakExport: 'confidentieel',
    CakRegel: 'confidentieel',
    Inwoner: 'zaakvertrouwelijk',
    Organisatie: { '*': 'openbaar', subsidies: 'intern', lumpsums: 'intern' },
    Contract: 'openbaar',
    Wijk: { code: 'openbaar', subsidieTotaal: 'intern', financienCijfers: 'intern' },
    // Money per area: intern like the budgets; the client counts inside are suppressed (Telling).
    Gebied: { naam: 'openbaar', financienCijfers: 'intern' },
    Gemeente: { code: 'openbaar', financienCijfers: 'intern' },
    FinancienCijfers: 'intern',
    KostenPerPerceel: 'intern',
    ...Object.fromEntries(Object.keys(KWALITEIT).map((t) => [t, 'beperkt_openbaar' as const])),
  },
  betrokkenen: {
    Inwoner: (i) => (i as { id: string }).id,
    // The file; each of its lines names its household member.
    CakExport: 'geen',
    CakRegel: viaInwonerId,
  },
};
