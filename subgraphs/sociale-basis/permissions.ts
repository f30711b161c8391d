import type { SubgraphContext } from '../shared/context';
import type { Loaders } from './loaders';
import { feedNiveaus, feedRegels } from '../shared/wijzigingen';
import { aggregateReaders, everyone, fields, grant, monitorReaders, viaInwonerId, type FieldAccess, type Policy, type PolicySet } from '../shared/policy';

/**
 * Who may read what in the sociale basis. Not listed = denied. Public: kamers, rooster,
 * partners. Personal: hulpvragen, volunteers and consents, to V-O-L roles and the resident;
 * a resident's identity behind a hulpvraag only with consent (relations.ts).
 */
const coordinator: FieldAccess = { 'vol-coordinator': 'allow' };
const hulpvraagLezers: FieldAccess = { 'vol-coordinator': 'allow', vrijwilliger: 'relation', inwoner: 'relation', 'basis-medewerker': 'relation' };
const vrijwilligerLezers: FieldAccess = { 'vol-coordinator': 'allow', vrijwilliger: 'relation' };
const toestemmingLezers: FieldAccess = { 'vol-coordinator': 'relation', inwoner: 'relation' };

const regels: Policy = {
  Query: {
    buurtkamers: everyone,
    hulpvragen: { 'vol-coordinator': 'allow', vrijwilliger: 'relation', 'basis-medewerker': 'relation' },
    vrijwilligers: vrijwilligerLezers,
    // The change feed shows when each hulpvraag moved: its history, which only the coordinator reads.
    hulpvraagWijzigingen: coordinator,
  },
  ...feedRegels('Hulpvraag', 'hulpvraag', coordinator),
  Mutation: {
    hulpvraagRegistreren: coordinator,
    hulpvraagMatchen: coordinator,
    hulpvraagAfronden: vrijwilligerLezers,
    hulpvraagTerugzetten: vrijwilligerLezers,
    hulpvraagOpschalen: coordinator,
    toestemmingVastleggen: { 'vol-coordinator': 'allow', inwoner: 'relation' },
    toestemmingIntrekken: toestemmingLezers,
  },
  Telling: fields(['waarde', 'onderdrukt'], everyone),
  Wijk: {
    ...fields(['code', 'gebied', 'buurtkamers', 'weekprogramma'], everyone),
    openHulpvragen: aggregateReaders,
    socialeBasisCijfers: monitorReaders,
  },
  // Steering figures (issue 8): suppressed counts only, never a resident.
  Gebied: { naam: everyone, socialeBasisCijfers: monitorReaders },
  Gemeente: { code: everyone, socialeBasisCijfers: monitorReaders },
  SocialeBasisCijfers: fields(['periode', 'van', 'tot', 'deelnemers', 'anoniemGematcht', 'nieuweHulpvragen', 'nieuwPerSoort', 'openAanHetEinde'], monitorReaders),
  HulpvragenPerSoort: fields(['soort', 'hulpvragen'], monitorReaders),
  Organisatie: fields(['id', 'samenwerkingen'], everyone),
  Inwoner: {
    id: { ...hulpvraagLezers, 'basis-medewerker': 'relation' },
    hulpvragen: grant('relation', ['inwoner']),
    toestemmingen: toestemmingLezers,
  },
  Buurtkamer: fields(['id', 'naam', 'gebied', 'plaats', 'adres', 'hoofdlocatie', 'wijk', 'partners', 'rooster'], everyone),
  Samenwerking: fields(['organisatie', 'kamer', 'rol', 'sinds', 'tot'], everyone),
  RoosterItem: fields(['id', 'weekdag', 'begintijd', 'eindtijd', 'soort', 'omschrijving', 'gastheer'], everyone),
  Activiteit: fields(['datum', 'begintijd', 'eindtijd', 'soort', 'omschrijving', 'kamer', 'gastheer'], everyone),
  Vrijwilliger: fields(['id', 'voornaam', 'achternaam', 'vaardigheden', 'beschikbaarheid', 'kamer', 'organisatie', 'actief'], vrijwilligerLezers),
  Hulpvraag: {
    ...fields(['id', 'soort', 'status', 'wijk', 'aangemaaktOp', 'inwoner'], hulpvraagLezers),
    vrijwilliger: vrijwilligerLezers,
    geschiedenis: coordinator,
  },
  HulpvraagGebeurtenis: fields(['van', 'naar', 'reden', 'op'], coordinator),
  Toestemming: fields(['id', 'inwoner', 'organisatie', 'doel', 'gegevenOp', 'ingetrokkenOp'], toestemmingLezers),
};

export const policy: PolicySet = {
  regels,
  niveaus: {
    Query: { '*': 'openbaar', hulpvragen: 'zaakvertrouwelijk', vrijwilligers: 'vertrouwelijk', hulpvraagWijzigingen: 'zaakvertrouwelijk' },
    Mutation: { '*': 'zaakvertrouwelijk' },
    Telling: 'beperkt_openbaar',
    Wijk: { '*': 'openbaar', openHulpvragen: 'beperkt_openbaar', socialeBasisCijfers: 'beperkt_openbaar' },
    Gebied: { '*': 'openbaar', socialeBasisCijfers: 'beperkt_openbaar' },
    Gemeente: { '*': 'openbaar', socialeBasisCijfers: 'beperkt_openbaar' },
    SocialeBasisCijfers: 'beperkt_openbaar',
    HulpvragenPerSoort: 'beperkt_openbaar',
    Organisatie: 'openbaar',
    Buurtkamer: 'openbaar',
    Samenwerking: 'openbaar',
    RoosterItem: 'openbaar',
    Activiteit: 'openbaar',
    Inwoner: 'zaakvertrouwelijk',
    // Volunteers' own details: personal data, but not of a resident.
    Vrijwilliger: 'vertrouwelijk',
    Hulpvraag: 'zaakvertrouwelijk',
    HulpvraagGebeurtenis: 'zaakvertrouwelijk',
    Toestemming: 'zaakvertrouwelijk',
    ...feedNiveaus('Hulpvraag'),
  },
  betrokkenen: {
    Inwoner: (i) => (i as { id: string }).id,
    // Only when the caller may see who asked: an anonymous hulpvraag names nobody.
    Hulpvraag: async (h, ctx: SubgraphContext<Loaders>) => {
      const { id, inwonerId } = h as { id: string; inwonerId: string | null };
      return inwonerId && (await ctx.loaders.inwonerZichtbaar.load(id)) ? inwonerId : null;
    },
    HulpvraagGebeurtenis: 'ouder',
    Toestemming: viaInwonerId,
    Vrijwilliger: 'geen',
  },
};
