import { feedNiveaus, feedRegels } from '../shared/wijzigingen';
import { aggregateReaders, everyone, gemeenteMonitorReaders, LEVERANCIERS, monitorReaders, fields, grant, viaInwonerId, type FieldAccess, type Policy, type PolicySet } from '../shared/policy';

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

/**
 * Steering figures (klantstromen, aanbiederslandschap, omvang): the municipality's policy and
 * contract management and the advisory council (suppressed), and providers (their own
 * organisation's cells exact, the rest suppressed; decided in klantstromen.ts). No role that
 * acts for one person or for the sociale basis, and not the consulent, partner systems or fg.
 */
const stuurinformatie: FieldAccess = grant('allow', ['gemeente-beleid', 'gemeente-contractmanager', 'adviesraad', 'aanbieder-medewerker']);

/** Waiting times: the municipality (consulent, policy, contract management) and the advisory council. */
const wachttijdLezers: FieldAccess = grant('allow', ['gemeente-consulent', 'gemeente-beleid', 'gemeente-contractmanager', 'adviesraad']);
/** Today's clients per wijk: as before, but not the providers (they would subtract their own). */
const zonderLeveranciers: FieldAccess = Object.fromEntries(Object.entries(aggregateReaders).filter(([rol]) => !LEVERANCIERS.includes(rol as never)));

const regels: Policy = {
  Query: {
    // Waiting times per provider have no own-organisation view yet: not for providers.
    wachttijden: wachttijdLezers,
    iwmoBerichten: toewijzingReaders,
    klantstromen: stuurinformatie,
    aanbiederslandschap: stuurinformatie,
    omvangPerProduct: stuurinformatie,
    // The change feed: whoever reads toewijzingen, of the toewijzingen it may read (in SQL).
    toewijzingWijzigingen: toewijzingReaders,
  },
  ...feedRegels('Toewijzing', 'toewijzing', toewijzingReaders),
  Wachttijd: fields(['groep', 'gestart', 'mediaanDagen', 'p90Dagen', 'bovenNorm', 'openBovenNorm'], wachttijdLezers),
  Klantstroom: fields(['periode', 'van', 'tot', 'instroom', 'uitstroom', 'uitstroomPerReden', 'doorstroomNaarAanvullend', 'doorstroomNaarBasis', 'verschuiving'], stuurinformatie),
  UitstroomPerReden: fields(['code', 'omschrijving', 'aantal'], stuurinformatie),
  Verschuiving: fields(['groep', 'inBasis', 'inAanvullend', 'aandeelBasisProcent', 'verwachtAandeelBasisProcent'], stuurinformatie),
  AanbiederInWijk: fields(['wijk', 'organisatie', 'rol', 'clienten'], stuurinformatie),
  OmvangPerProduct: fields(['product', 'eenheid', 'frequentie', 'organisatie', 'clienten', 'volume'], stuurinformatie),
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
  Wijk: { code: everyone, clientenAanvullendeOndersteuning: zonderLeveranciers, aanvullendeOndersteuningCijfers: monitorReaders },
  Gebied: { naam: everyone, aanvullendeOndersteuningCijfers: monitorReaders },
  Gemeente: { code: everyone, aanvullendeOndersteuningCijfers: monitorReaders },
  AanvullendeOndersteuningCijfers: { ...fields(['periode', 'van', 'tot', 'perAanbieder'], monitorReaders), ...fields(['clienten', 'perProduct'], gemeenteMonitorReaders) },
  ClientenPerProduct: fields(['product', 'clienten'], gemeenteMonitorReaders),
  ClientenPerAanbieder: fields(['organisatie', 'rol', 'eigenOrganisatie', 'clienten'], monitorReaders),
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
    Query: { '*': 'zaakvertrouwelijk', wachttijden: 'beperkt_openbaar', klantstromen: 'beperkt_openbaar', aanbiederslandschap: 'beperkt_openbaar', omvangPerProduct: 'beperkt_openbaar' },
    Wachttijd: 'beperkt_openbaar',
    // Suppressed aggregates without a resident: no betrokkene.
    Klantstroom: 'beperkt_openbaar',
    UitstroomPerReden: 'beperkt_openbaar',
    Verschuiving: 'beperkt_openbaar',
    AanbiederInWijk: 'beperkt_openbaar',
    OmvangPerProduct: 'beperkt_openbaar',
    Mutation: 'zaakvertrouwelijk',
    Telling: 'beperkt_openbaar',
    Wijk: { code: 'openbaar', clientenAanvullendeOndersteuning: 'beperkt_openbaar', aanvullendeOndersteuningCijfers: 'beperkt_openbaar' },
    Gebied: { naam: 'openbaar', aanvullendeOndersteuningCijfers: 'beperkt_openbaar' },
    Gemeente: { code: 'openbaar', aanvullendeOndersteuningCijfers: 'beperkt_openbaar' },
    AanvullendeOndersteuningCijfers: 'beperkt_openbaar',
    ClientenPerProduct: 'beperkt_openbaar',
    ClientenPerAanbieder: 'beperkt_openbaar',
    Organisatie: { id: 'openbaar', actieveToewijzingen: 'beperkt_openbaar' },
    Inwoner: 'zaakvertrouwelijk',
    Toewijzing: 'zaakvertrouwelijk',
    Omvang: 'zaakvertrouwelijk',
    IwmoBerichtenPagina: 'zaakvertrouwelijk',
    IwmoBericht: 'zaakvertrouwelijk',
    IwmoVerwerking: 'zaakvertrouwelijk',
    ...Object.fromEntries(IWMO_ONDERDELEN.map((t) => [t, 'zaakvertrouwelijk' as const])),
    ...feedNiveaus('Toewijzing'),
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
