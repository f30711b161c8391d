import { aggregateReaders, everyone, fields, grant, type Policy } from '../shared/policy';

/** Who may read what in the sociale basis. Not listed = denied. */
const eigenHulpvragen = grant('relation', ['inwoner']);

export const policy: Policy = {
  Query: { buurtkamers: everyone },
  Telling: fields(['waarde', 'onderdrukt'], everyone),
  Wijk: {
    code: everyone,
    buurtkamers: everyone,
    openHulpvragen: aggregateReaders,
  },
  Inwoner: {
    id: eigenHulpvragen,
    hulpvragen: eigenHulpvragen,
  },
  Buurtkamer: fields(['id', 'naam', 'gebied', 'plaats', 'adres', 'hoofdlocatie', 'wijk'], everyone),
  Hulpvraag: fields(['id', 'soort', 'status', 'wijk'], eigenHulpvragen),
};
