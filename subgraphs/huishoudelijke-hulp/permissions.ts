import { aggregateReaders, everyone, fields, type FieldAccess, type Policy } from '../shared/policy';

/** Who may read what in huishoudelijke hulp. Not listed = denied. */
const indicatieReaders: FieldAccess = {
  'gemeente-consulent': 'allow',
  'basis-medewerker': 'relation',
  'hh-medewerker': 'relation',
  inwoner: 'relation',
};

export const policy: Policy = {
  Telling: fields(['waarde', 'onderdrukt'], everyone),
  Wijk: { code: everyone, clientenHuishoudelijkeHulp: aggregateReaders },
  Organisatie: { id: everyone, hhClienten: aggregateReaders },
  Inwoner: { id: indicatieReaders, huishoudelijkeHulp: indicatieReaders },
  HhIndicatie: fields(['id', 'minutenPerWeek', 'aanbieder', 'startdatum', 'einddatum'], indicatieReaders),
};
