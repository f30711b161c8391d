import { aggregateReaders, everyone, fields, grant, type FieldAccess, type Policy } from '../shared/policy';

/** Who may read what in aanvullende ondersteuning. Not listed = denied. */
const toewijzingReaders: FieldAccess = {
  'gemeente-consulent': 'allow',
  'basis-medewerker': 'relation',
  'aanbieder-medewerker': 'relation',
  inwoner: 'relation',
};

const gemeente = grant('allow', ['gemeente-consulent']);
const aanbieder: FieldAccess = { 'aanbieder-medewerker': 'relation' };

export const policy: Policy = {
  Query: { wachttijden: aggregateReaders },
  Wachttijd: fields(['groep', 'gestart', 'mediaanDagen', 'p90Dagen', 'bovenNorm', 'openBovenNorm'], aggregateReaders),
  Mutation: {
    toewijzingToekennen: gemeente,
    verzoekAfwijzen: gemeente,
    toewijzingWijzigen: gemeente,
    toewijzingLatenVervallen: gemeente,
    startbericht: aanbieder,
    stopbericht: aanbieder,
    toewijzingDoorgeven: aanbieder,
  },
  Telling: fields(['waarde', 'onderdrukt'], everyone),
  Wijk: { code: everyone, clientenAanvullendeOndersteuning: aggregateReaders },
  Organisatie: { id: everyone, actieveToewijzingen: aggregateReaders },
  Inwoner: { id: toewijzingReaders, toewijzingen: toewijzingReaders },
  Toewijzing: fields(
    ['id', 'toewijzingNummer', 'product', 'productcategorie', 'status', 'leveringsvorm', 'omvang', 'aanbieder', 'onderaannemer', 'toewijzingsdatum', 'ingangsdatum', 'einddatum', 'begindatum', 'stopdatum', 'redenBeeindiging', 'startTeLaat'],
    toewijzingReaders,
  ),
  Omvang: fields(['volume', 'eenheid', 'frequentie'], toewijzingReaders),
};
