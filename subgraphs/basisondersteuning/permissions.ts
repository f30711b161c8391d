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

export const policy: Policy = {
  Mutation: {
    ondersteuningRegistreren: grant('allow', ['basis-medewerker']),
    ondersteuningBeeindigen: grant('allow', ['basis-medewerker']),
  },
  Huishouden: fields(['id', 'leden', 'plan'], planReaders),
  Plan: fields(['id', 'regievoerder', 'opgesteldOp', 'doelen'], planReaders),
  Regievoerder: fields(['id', 'naam', 'organisatie'], planReaders),
  Doel: fields(['id', 'omschrijving', 'status', 'streefdatum'], planReaders),
  Query: {
    wijken: everyone,
    wijk: everyone,
    inwoner: contactReaders,
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
