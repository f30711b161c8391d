/**
 * The flagship operations of the benchmark (issue 9), each with the role it is sent as.
 * They are what the platform's users do most and what costs most: a resident's dossier
 * across the pillars (a regievoerder), the wijk dashboard (policy), a provider's client
 * list, a toewijzing message, and one light query for the HTTP overhead alone.
 */
import type { SubgraphName } from '../../subgraphs/list';
import type { Rol } from '../../subgraphs/shared/roles';
import type { Fixtures } from './fixtures';

export type QueryName = 'dossier' | 'dashboard' | 'clients' | 'mutation' | 'light';

/** The claims of the client token a query is sent with. */
export interface Claims {
  rol: Rol;
  organisatie?: string;
  sub?: string;
}

export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
}

export interface BenchQuery {
  name: QueryName;
  description: string;
  /** Part of the targets of issue 9 (the light query is for comparison only). */
  flagship: boolean;
  claims(f: Fixtures): Claims;
  /**
   * The one subgraph that answers the whole operation, if there is one: the `direct`
   * target sends it there. The bench checks the claim: the direct answer must equal the
   * gateway's.
   */
  subgraph?: SubgraphName;
  /** The body of the n-th request; a mutation varies it (a new message id each time). */
  body(f: Fixtures, n: number, run: string): GraphQLBody;
  /** Whether the answer holds what the query is for: a message if not (an empty answer is not a fast one). */
  check(data: any): string | null;
  /** Answers differ per request (mutations): not compared across targets. */
  varies?: boolean;
}

const telling = '{ waarde onderdrukt }';
/** One quarter of figures: the dashboard shows the latest closed period next to today's counts. */
const KWARTAAL = 'van: "2025-01-01", tot: "2025-03-31"';

const DOSSIER = `query Dossier($id: ID!) { inwoner(id: $id) {
  id voornaam achternaam geboortedatum adres { straat huisnummer postcode woonplaats }
  wijk { code naam buurtkamers { naam } }
  huishouden { id leden { id voornaam } plan { regievoerder { naam } doelen { omschrijving status streefdatum } } }
  ondersteuningen { soort startdatum einddatum } contactmomenten { soort datum } signalen { soort stap datum }
  toewijzingen { id product status ingangsdatum einddatum omvang { volume eenheid frequentie } aanbieder { naam } onderaannemer { naam } }
  huishoudelijkeHulp { minutenPerWeek startdatum einddatum aanbieder { naam } } } }`;

const DASHBOARD = `query Dashboard { wijken {
  code naam gebied
  clientenBasisondersteuning ${telling} clientenAanvullendeOndersteuning ${telling} clientenHuishoudelijkeHulp ${telling}
  openHulpvragen ${telling} buurtkamers { naam } subsidieTotaal(jaar: 2025) { euro }
  basisondersteuningCijfers(${KWARTAAL}) { periode clienten ${telling} }
  aanvullendeOndersteuningCijfers(${KWARTAAL}) { periode clienten ${telling} }
  huishoudelijkeHulpCijfers(${KWARTAAL}) { periode clienten ${telling} urenPerWeek }
  socialeBasisCijfers(${KWARTAAL}) { periode deelnemers ${telling} nieuweHulpvragen ${telling} }
  financienCijfers(${KWARTAAL}) { periode perPerceel { perceel clienten ${telling} besteed { euro } } } } }`;

/** The provider's inbox of toewijzingen (WMO301), first page: its clients with name and address. */
const CLIENTS = `query Clienten { iwmoBerichten(berichtType: WMO301, van: "2000-01-01", tot: "2099-12-31", aantal: 100) { volgende berichten {
  inwoner { id voornaam achternaam adres { straat huisnummer postcode woonplaats } wijk { naam } }
  toegewezenProduct { toewijzingNummer ingangsdatum einddatum product { categorie code } omvang { volume eenheid frequentie } } } } }`;

/** WMO301 wijziging by the gemeente: the volume restated, so thousands of them leave the data as seeded. */
const MUTATION = `mutation Wijziging($berichtId: ID!, $toewijzing: ID!, $volume: Int!) {
  toewijzingWijzigen(berichtId: $berichtId, toewijzing: $toewijzing, input: { redenWijziging: "04", volume: $volume }) {
    id status omvang { volume eenheid frequentie } } }`;

const nonEmpty = (xs: unknown) => Array.isArray(xs) && xs.length > 0;
const firstProblem = (checks: Array<[boolean, string]>) => checks.find(([ok]) => !ok)?.[1] ?? null;

export const QUERIES: BenchQuery[] = [
  {
    name: 'dossier',
    description: 'one resident across the pillars, as the regievoerder of the household (basis-medewerker, sub = regievoerder)',
    flagship: true,
    claims: (f) => ({ rol: 'basis-medewerker', organisatie: 'amaryllis', sub: f.dossier!.regievoerder }),
    body: (f) => ({ query: DOSSIER, variables: { id: f.dossier!.inwoner } }),
    check: (d) => {
      const i = d?.inwoner;
      return firstProblem([
        [Boolean(i?.voornaam), 'inwoner is missing'],
        [nonEmpty(i?.ondersteuningen) && Boolean(i?.huishouden?.plan), 'no basis support or plan (basisondersteuning)'],
        [nonEmpty(i?.toewijzingen) && Boolean(i.toewijzingen[0].aanbieder?.naam), 'no toewijzing with aanbieder (aanvullende-ondersteuning, financien)'],
        [nonEmpty(i?.huishoudelijkeHulp), 'no household help (huishoudelijke-hulp)'],
        [Array.isArray(i?.wijk?.buurtkamers), 'no buurtkamers list (sociale-basis)'],
      ]);
    },
  },
  {
    name: 'dashboard',
    description: "all wijken with each pillar's counts of today and one quarter of figures (gemeente-beleid)",
    flagship: true,
    claims: () => ({ rol: 'gemeente-beleid' }),
    body: () => ({ query: DASHBOARD }),
    check: (d) => firstProblem([
      [nonEmpty(d?.wijken), 'no wijken'],
      [(d?.wijken ?? []).every((w: any) => w.clientenHuishoudelijkeHulp && w.subsidieTotaal && w.financienCijfers?.length === 1 && w.socialeBasisCijfers?.length === 1), 'a wijk lacks a pillar'],
    ]),
  },
  {
    name: 'clients',
    description: 'a provider\'s client list: its WMO301 inbox, first page of 100, with name and address (aanbieder-medewerker, Windkracht058)',
    flagship: true,
    claims: () => ({ rol: 'aanbieder-medewerker', organisatie: 'windkracht058' }),
    body: () => ({ query: CLIENTS }),
    check: (d) => firstProblem([
      [nonEmpty(d?.iwmoBerichten?.berichten), 'empty inbox'],
      [(d?.iwmoBerichten?.berichten ?? []).some((b: any) => b.inwoner?.voornaam), 'no client name (basisondersteuning)'],
    ]),
  },
  {
    name: 'mutation',
    description: 'toewijzingWijzigen (WMO301 wijziging) with a new berichtId each time, over 500 running toewijzingen (gemeente-consulent)',
    flagship: true,
    claims: () => ({ rol: 'gemeente-consulent' }),
    subgraph: 'aanvullende-ondersteuning',
    varies: true,
    body: (f, n, run) => {
      const t = f.toewijzingen[n % f.toewijzingen.length]!;
      return { query: MUTATION, variables: { berichtId: `bench-${run}-${n}`, toewijzing: t.id, volume: t.volume } };
    },
    check: (d) => (d?.toewijzingWijzigen?.id ? null : 'no toewijzing returned'),
  },
  {
    name: 'light',
    description: '`wijken { code naam }`: HTTP and gateway overhead alone (gemeente-beleid)',
    flagship: false,
    claims: () => ({ rol: 'gemeente-beleid' }),
    subgraph: 'basisondersteuning',
    body: () => ({ query: '{ wijken { code naam } }' }),
    check: (d) => (nonEmpty(d?.wijken) ? null : 'no wijken'),
  },
];

/** Why a query cannot run on this seed (too small), or null. */
export function unavailable(q: BenchQuery, f: Fixtures): string | null {
  if (q.name === 'dossier' && !f.dossier) return 'no resident with data in every pillar at this scale (seed more residents)';
  if (q.name === 'mutation' && f.toewijzingen.length === 0) return 'no running toewijzing at this scale';
  return null;
}
