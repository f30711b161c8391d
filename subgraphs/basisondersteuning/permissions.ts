import { aggregateReaders, everyone, fields, grant, personReaders, type Policy } from '../shared/policy';

/** Who may read what in basisondersteuning. Not listed = denied. Row filters: shared/relations.ts. */
export const policy: Policy = {
  Query: {
    wijken: everyone,
    wijk: everyone,
    inwoner: personReaders,
  },
  Wijk: {
    ...fields(['code', 'naam', 'gebied'], everyone),
    clientenBasisondersteuning: aggregateReaders,
  },
  Telling: fields(['waarde', 'onderdrukt'], everyone),
  Organisatie: { id: everyone },
  Inwoner: {
    ...fields(['id', 'voornaam', 'achternaam', 'geboortedatum', 'adres', 'wijk', 'huishoudenId'], personReaders),
    bsn: grant('allow', ['gemeente-consulent']),
    ondersteuningen: {
      'gemeente-consulent': 'allow',
      'basis-medewerker': 'relation',
      inwoner: 'relation',
    },
  },
  Adres: fields(['straat', 'huisnummer', 'postcode', 'woonplaats'], personReaders),
  Ondersteuning: fields(['id', 'soort', 'organisatie', 'startdatum', 'einddatum'], {
    'gemeente-consulent': 'allow',
    'basis-medewerker': 'relation',
    inwoner: 'relation',
  }),
};
