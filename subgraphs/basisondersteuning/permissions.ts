import { aggregateReaders, everyone, fields, grant, personReaders, type FieldAccess, type Policy } from '../shared/policy';

/**
 * Identity and contact details also reach the sociale basis, but only with the
 * resident's consent (vol-coordinator) and, for a volunteer, only while matched to the
 * resident's hulpvraag (relations.ts). Birth date, BSN and support stay out of reach.
 */
const contactReaders: FieldAccess = { ...personReaders, 'vol-coordinator': 'relation', vrijwilliger: 'relation' };

/** Who may read what in basisondersteuning. Not listed = denied. Row filters: shared/relations.ts. */
/** The household plan: the consulent, the basisondersteuning (regievoerder) and the resident. */
const planReaders: FieldAccess = { 'gemeente-consulent': 'allow', 'basis-medewerker': 'relation', inwoner: 'relation' };

/** Highly sensitive signals: the gemeente and, through SQL, only the household's regievoerder. */
const signaalReaders: FieldAccess = { 'gemeente-consulent': 'allow', 'basis-medewerker': 'relation' };
const basisMedewerker = grant('allow', ['basis-medewerker']);

export const policy: Policy = {
  Mutation: {
    ondersteuningRegistreren: basisMedewerker,
    ondersteuningBeeindigen: basisMedewerker,
    contactmomentRegistreren: basisMedewerker,
    verwijzen: basisMedewerker,
    beschikkingAanvragen: { 'basis-medewerker': 'relation', inwoner: 'relation' },
    zwaarwegendAdviesGeven: { 'basis-medewerker': 'relation' },
    beschikkingBesluiten: grant('allow', ['gemeente-consulent']),
    bezwaarRegistreren: { 'gemeente-consulent': 'allow', inwoner: 'relation' },
    signaalRegistreren: { 'basis-medewerker': 'relation' },
    planOpstellen: { 'basis-medewerker': 'relation' },
    doelToevoegen: { 'basis-medewerker': 'relation' },
    doelAfsluiten: { 'basis-medewerker': 'relation' },
  },
  Contactmoment: fields(['id', 'soort', 'datum', 'organisatie'], planReaders),
  LopendeBeschikking: fields(['id', 'product', 'einddatum', 'perspectiefgesprekUiterlijk', 'perspectiefgesprekGevoerd'], planReaders),
  TeVoerenPerspectiefgesprek: fields(['inwoner', 'beschikking', 'uiterlijk'], { 'gemeente-consulent': 'allow', 'basis-medewerker': 'relation' }),
  Verwijzing: fields(['id', 'product', 'criteria', 'toewijzingId', 'op'], planReaders),
  BeschikkingAanvraag: fields(['id', 'status', 'aangevraagdOp', 'advies', 'adviesOp', 'besluit', 'besluitGronden', 'besluitDatum', 'bezwaarOp'], planReaders),
  Signaal: fields(['id', 'soort', 'stap', 'datum'], signaalReaders),
  Huishouden: fields(['id', 'leden', 'plan'], planReaders),
  Plan: fields(['id', 'regievoerder', 'opgesteldOp', 'doelen', 'afgesprokenOndersteuning'], planReaders),
  Regievoerder: fields(['id', 'naam', 'organisatie'], planReaders),
  Doel: fields(['id', 'omschrijving', 'status', 'streefdatum'], planReaders),
  Query: {
    wijken: everyone,
    wijk: everyone,
    inwoner: contactReaders,
    perspectiefgesprekkenTeVoeren: { 'gemeente-consulent': 'allow', 'basis-medewerker': 'relation' },
  },
  Wijk: {
    ...fields(['code', 'naam', 'gebied'], everyone),
    clientenBasisondersteuning: aggregateReaders,
  },
  Telling: fields(['waarde', 'onderdrukt'], everyone),
  Organisatie: { id: everyone },
  Inwoner: {
    ...fields(['id', 'voornaam', 'achternaam', 'adres'], contactReaders),
    ...fields(['geboortedatum', 'wijk', 'huishoudenId'], personReaders),
    huishouden: planReaders,
    ...fields(['contactmomenten', 'lopendeBeschikkingen', 'verwijzingen', 'beschikkingAanvragen'], planReaders),
    signalen: signaalReaders,
    bsn: grant('allow', ['gemeente-consulent']),
    ondersteuningen: {
      'gemeente-consulent': 'allow',
      'basis-medewerker': 'relation',
      inwoner: 'relation',
    },
  },
  Adres: fields(['straat', 'huisnummer', 'postcode', 'woonplaats'], contactReaders),
  Ondersteuning: fields(['id', 'soort', 'organisatie', 'startdatum', 'einddatum'], {
    'gemeente-consulent': 'allow',
    'basis-medewerker': 'relation',
    inwoner: 'relation',
  }),
};
