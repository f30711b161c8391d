import type { Rol } from './roles';

/**
 * Confidentiality levels: the ZGW vertrouwelijkheidaanduiding (vng-api-common), lowest
 * first. Every field of every subgraph has one (permissions.ts), every role a maximum;
 * a role never reads a field above its maximum, whatever a policy row says.
 */
export const NIVEAUS = [
  'openbaar',
  'beperkt_openbaar',
  'intern',
  'zaakvertrouwelijk',
  'vertrouwelijk',
  'confidentieel',
  'geheim',
  'zeer_geheim',
] as const;

export type Niveau = (typeof NIVEAUS)[number];

export const rang = (niveau: Niveau): number => NIVEAUS.indexOf(niveau);

/**
 * What we put at each level (the vocabulary of permissions.ts):
 * - openbaar: reference data (wijken, kamers, organisaties, contracten, norm table);
 * - beperkt_openbaar: suppressed aggregates;
 * - intern: money, capacity, staff transfers in numbers;
 * - zaakvertrouwelijk: a resident's case (toewijzing, indicatie, hulpvraag, messages);
 * - vertrouwelijk: identity and contact details, who processed whose data;
 * - confidentieel: the household plan and goals, a household's finances (CAK);
 * - geheim: the BSN, Veilig Thuis and Verwijsindex signals.
 */
export const MAX_NIVEAU: Record<Rol, Niveau> = {
  'gemeente-consulent': 'geheim',
  // The regievoerder reads signals of the households it directs (the BSN stays denied by policy).
  'basis-medewerker': 'geheim',
  'aanbieder-medewerker': 'vertrouwelijk',
  'hh-medewerker': 'vertrouwelijk',
  'vol-coordinator': 'vertrouwelijk',
  vrijwilliger: 'vertrouwelijk',
  inwoner: 'confidentieel',
  fg: 'vertrouwelijk',
  'gemeente-beleid': 'intern',
  'gemeente-contractmanager': 'intern',
  adviesraad: 'intern',
  'partner-systeem': 'intern',
};

/** From this level on a field is personal data of a resident: reading it is logged. */
export const PERSOONSGEGEVEN: Niveau = 'zaakvertrouwelijk';
