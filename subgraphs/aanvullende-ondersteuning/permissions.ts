import { aggregateReaders, everyone, fields, type FieldAccess, type Policy } from '../shared/policy';

/** Who may read what in aanvullende ondersteuning. Not listed = denied. */
const toewijzingReaders: FieldAccess = {
  'gemeente-consulent': 'allow',
  'basis-medewerker': 'relation',
  'aanbieder-medewerker': 'relation',
  inwoner: 'relation',
};

export const policy: Policy = {
  Telling: fields(['waarde', 'onderdrukt'], everyone),
  Wijk: { code: everyone, clientenAanvullendeOndersteuning: aggregateReaders },
  Organisatie: { id: everyone, actieveToewijzingen: aggregateReaders },
  Inwoner: { id: toewijzingReaders, toewijzingen: toewijzingReaders },
  Toewijzing: fields(
    ['id', 'toewijzingNummer', 'product', 'productcategorie', 'status', 'leveringsvorm', 'omvang', 'aanbieder', 'onderaannemer', 'toewijzingsdatum', 'ingangsdatum', 'einddatum'],
    toewijzingReaders,
  ),
  Omvang: fields(['volume', 'eenheid', 'frequentie'], toewijzingReaders),
};
