import { aggregateReaders, everyone, fields, grant, viaInwonerId, type FieldAccess, type Policy, type PolicySet } from '../shared/policy';

/** Who may read what in aanvullende ondersteuning. Not listed = denied. */
const toewijzingReaders: FieldAccess = {
  'gemeente-consulent': 'allow',
  'basis-medewerker': 'relation',
  'aanbieder-medewerker': 'relation',
  inwoner: 'relation',
};

const gemeente = grant('allow', ['gemeente-consulent']);
const aanbieder: FieldAccess = { 'aanbieder-medewerker': 'relation' };
/**
 * iWmo import: the resolver decides per message type (WMO301 the consulent, WMO302/305/307 a
 * provider of the toewijzing). partner-systeem stays denied until trusted documents exist.
 */
const iwmoAfzenders: FieldAccess = { 'gemeente-consulent': 'allow', 'aanbieder-medewerker': 'relation' };

const regels: Policy = {
  Query: { wachttijden: aggregateReaders, iwmoBerichten: toewijzingReaders },
  Wachttijd: fields(['groep', 'gestart', 'mediaanDagen', 'p90Dagen', 'bovenNorm', 'openBovenNorm'], aggregateReaders),
  Mutation: {
    toewijzingToekennen: gemeente,
    verzoekAfwijzen: gemeente,
    toewijzingWijzigen: gemeente,
    toewijzingLatenVervallen: gemeente,
    startbericht: aanbieder,
    stopbericht: aanbieder,
    toewijzingDoorgeven: aanbieder,
    iwmoBerichtVerwerken: iwmoAfzenders,
  },
  Telling: fields(['waarde', 'onderdrukt'], everyone),
  Wijk: { code: everyone, clientenAanvullendeOndersteuning: aggregateReaders },
  Organisatie: { id: everyone, actieveToewijzingen: aggregateReaders },
  Inwoner: { id: toewijzingReaders, toewijzingen: toewijzingReaders },
  Toewijzing: fields(
    ['id', 'toewijzingNummer', 'product', 'productcategorie', 'status', 'leveringsvorm', 'omvang', 'aanbieder', 'onderaannemer', 'toewijzingsdatum', 'ingangsdatum', 'einddatum', 'begindatum', 'stopdatum', 'redenBeeindiging', 'startTeLaat', 'iwmoBerichten'],
    toewijzingReaders,
  ),
  Omvang: fields(['volume', 'eenheid', 'frequentie'], toewijzingReaders),
  // iWmo export: readable exactly like the toewijzing it comes from (rows filtered in SQL).
  IwmoBerichtenPagina: fields(['berichten', 'volgende'], toewijzingReaders),
  IwmoBericht: fields(['berichtType', 'header', 'inwoner', 'aangevraagdProduct', 'toegewezenProduct', 'startProduct', 'stopProduct'], toewijzingReaders),
  IwmoHeader: fields(['berichtCode', 'berichtIdentificatie', 'afzender', 'ontvanger', 'identificatieRetour', 'dagtekeningRetour'], toewijzingReaders),
  IwmoBerichtIdentificatie: fields(['identificatie', 'dagtekening'], toewijzingReaders),
  IwmoProduct: fields(['categorie', 'code'], toewijzingReaders),
  IwmoAangevraagdProduct: fields(['referentieAanbieder', 'toewijzingIngangsdatum', 'verwijzer', 'product', 'omvang'], toewijzingReaders),
  IwmoToegewezenProduct: fields(['toewijzingNummer', 'toewijzingsdatum', 'ingangsdatum', 'product', 'einddatum', 'redenWijziging', 'omvang'], toewijzingReaders),
  IwmoStartProduct: fields(['toewijzingNummer', 'product', 'toewijzingIngangsdatum', 'begindatum'], toewijzingReaders),
  IwmoStopProduct: fields(['toewijzingNummer', 'product', 'toewijzingIngangsdatum', 'begindatum', 'einddatum', 'redenBeeindiging'], toewijzingReaders),
  IwmoVerwerking: fields(['bericht', 'retour', 'status'], iwmoAfzenders),
};

const IWMO_ONDERDELEN = ['IwmoHeader', 'IwmoBerichtIdentificatie', 'IwmoProduct', 'IwmoAangevraagdProduct', 'IwmoToegewezenProduct', 'IwmoStartProduct', 'IwmoStopProduct'] as const;

export const policy: PolicySet = {
  regels,
  niveaus: {
    Query: { '*': 'zaakvertrouwelijk', wachttijden: 'beperkt_openbaar' },
    Wachttijd: 'beperkt_openbaar',
    Mutation: 'zaakvertrouwelijk',
    Telling: 'beperkt_openbaar',
    Wijk: { code: 'openbaar', clientenAanvullendeOndersteuning: 'beperkt_openbaar' },
    Organisatie: { id: 'openbaar', actieveToewijzingen: 'beperkt_openbaar' },
    Inwoner: 'zaakvertrouwelijk',
    Toewijzing: 'zaakvertrouwelijk',
    Omvang: 'zaakvertrouwelijk',
    IwmoBerichtenPagina: 'zaakvertrouwelijk',
    IwmoBericht: 'zaakvertrouwelijk',
    IwmoVerwerking: 'zaakvertrouwelijk',
    ...Object.fromEntries(IWMO_ONDERDELEN.map((t) => [t, 'zaakvertrouwelijk' as const])),
  },
  betrokkenen: {
    Inwoner: (i) => (i as { id: string }).id,
    Toewijzing: viaInwonerId,
    Omvang: 'ouder',
    IwmoBericht: (b) => (b as { inwoner: { id: string } }).inwoner.id,
    // Containers of messages: each message in them names its own resident.
    IwmoBerichtenPagina: 'geen',
    IwmoVerwerking: 'geen',
    ...Object.fromEntries(IWMO_ONDERDELEN.map((t) => [t, 'ouder' as const])),
  },
  wijzigingen: {
    iwmoBerichtVerwerken: (r) => {
      const id = (r as { bericht?: { inwoner?: { id?: string } } | null }).bericht?.inwoner?.id;
      return id ? [id] : [];
    },
  },
};
