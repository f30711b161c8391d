/**
 * The monitoring (BI) queries whose cost must not grow with the data (issue 8): read by
 * `npm run measure:monitoring` (latency and SQL statements per subgraph at 10,000 and
 * 100,000 residents) and by test/integration/monitoring-statements.test.ts (the same
 * number of statements per subgraph on a small and a larger seed).
 *
 * Plain data: append an entry for every new figure set. The token is made from `rol`
 * (and `organisatie` for a role that acts for one) with stack.token; the role must be
 * allowed to read every field asked (each subgraph's permissions.ts), because the test
 * requires an answer without errors.
 */
import type { Rol } from '../subgraphs/shared/roles';

export interface MonitoringQuery {
  /** Unique, short: the row label in the report and the test name. */
  naam: string;
  rol: Rol;
  /** Organisation id in the seed, for roles that act for one (e.g. 'windkracht058'). */
  organisatie?: string;
  query: string;
  variables?: Record<string, unknown>;
}

const TELLING = '{ waarde onderdrukt }';
const KWALITEIT_REGEL = `organisatie { id } eigenOrganisatie klachten ${TELLING} perRoute { route klachten ${TELLING} }
  perStatus { status klachten ${TELLING} } afgehandeld ${TELLING} mediaanAfhandeldagen bovenNorm ${TELLING}
  respondenten ${TELLING} gemiddeldeScore clientervaring { product respondenten ${TELLING} gemiddeldeScore }`;
const KWALITEIT = `van tot aanbieders { ${KWALITEIT_REGEL} } gemeente { ${KWALITEIT_REGEL} } bezwaren ${TELLING}`;
const KLANTSTROOM = `periode van tot instroom ${TELLING} uitstroom ${TELLING}
  uitstroomPerReden { code omschrijving aantal ${TELLING} }
  doorstroomNaarAanvullend ${TELLING} doorstroomNaarBasis ${TELLING}
  verschuiving { groep inBasis ${TELLING} inAanvullend ${TELLING} aandeelBasisProcent verwachtAandeelBasisProcent }`;
const LANDSCHAP = `wijk { code } organisatie { id } rol clienten ${TELLING}`;

/** The figure fields of every pillar, as one selection for Gemeente, Gebied and Wijk. */
const STUURCIJFERS = (args: string) => `
  basisondersteuningCijfers(${args}) { periode clienten ${TELLING} perSoort { soort clienten ${TELLING} } }
  aanvullendeOndersteuningCijfers(${args}) { periode clienten ${TELLING} perProduct { product clienten ${TELLING} }
    perAanbieder { organisatie { id } rol eigenOrganisatie clienten ${TELLING} } }
  socialeBasisCijfers(${args}) { periode deelnemers ${TELLING} anoniemGematcht ${TELLING} nieuweHulpvragen ${TELLING}
    nieuwPerSoort { soort hulpvragen ${TELLING} } openAanHetEinde ${TELLING} }
  huishoudelijkeHulpCijfers(${args}) { periode clienten ${TELLING} urenPerWeek perAanbieder { aanbieder { id } eigenOrganisatie clienten ${TELLING} urenPerWeek } }`;
const FINANCIEN = (args: string) => `financienCijfers(${args}) { periode subsidies { centen } perPerceel { perceel clienten ${TELLING} volume besteed { centen } budget { centen } } }`;
/** Gemeente, every gebied and every wijk, each with `velden`. */
const ALLE_NIVEAUS = (velden: string) => `{ gemeente { code ${velden} gebieden { naam ${velden} wijken { code ${velden} } } } }`;

export const MONITORING_QUERIES: MonitoringQuery[] = [
  {
    naam: 'stuurcijfers 4 pijlers, alle niveaus, 2025 per kwartaal',
    rol: 'gemeente-beleid',
    query: ALLE_NIVEAUS(STUURCIJFERS('van: "2025-01-01", tot: "2025-12-31", per: KWARTAAL')),
  },
  {
    naam: 'stuurcijfers 4 pijlers, alle niveaus, 24 maanden',
    rol: 'gemeente-beleid',
    query: ALLE_NIVEAUS(STUURCIJFERS('van: "2024-01-01", tot: "2025-12-31", per: MAAND')),
  },
  {
    naam: 'financienCijfers, alle niveaus, 2025 per kwartaal',
    rol: 'gemeente-beleid',
    query: ALLE_NIVEAUS(FINANCIEN('van: "2025-01-01", tot: "2025-12-31", per: KWARTAAL')),
  },
  {
    naam: 'stuurcijfers als aanbieder (windkracht058), 2025',
    rol: 'aanbieder-medewerker',
    organisatie: 'windkracht058',
    // A provider reads the per-organisation tables (clients in total and per product are not for providers).
    query: ALLE_NIVEAUS(`aanvullendeOndersteuningCijfers(van: "2025-01-01", tot: "2025-12-31") { periode perAanbieder { organisatie { id } rol eigenOrganisatie clienten ${TELLING} } }
      huishoudelijkeHulpCijfers(van: "2025-01-01", tot: "2025-12-31") { periode clienten ${TELLING} urenPerWeek perAanbieder { aanbieder { id } eigenOrganisatie clienten ${TELLING} urenPerWeek } }`),
  },
  {
    naam: 'wijken (alle wijken, 5 subgraphs)',
    rol: 'gemeente-beleid',
    query: `{ wijken { code naam gebied clientenBasisondersteuning ${TELLING} clientenAanvullendeOndersteuning ${TELLING}
      clientenHuishoudelijkeHulp ${TELLING} openHulpvragen ${TELLING} subsidieTotaal(jaar: 2025) { centen euro } } }`,
  },
  {
    naam: 'kwaliteit (2024-2025)',
    rol: 'gemeente-beleid',
    query: `query($van: Datum!, $tot: Datum!) { kwaliteit(van: $van, tot: $tot) { ${KWALITEIT} } }`,
    variables: { van: '2024-01-01', tot: '2025-12-31' },
  },
  {
    naam: 'kwaliteitReeks (8 kwartalen)',
    rol: 'gemeente-beleid',
    query: `query($van: Datum!, $tot: Datum!, $per: Tijdvak!) { kwaliteitReeks(van: $van, tot: $tot, per: $per) { label van tot kwaliteit { ${KWALITEIT} } } }`,
    variables: { van: '2024-01-01', tot: '2025-12-31', per: 'KWARTAAL' },
  },
  {
    naam: 'klantstromen (24 maanden)',
    rol: 'gemeente-beleid',
    query: `query($van: Datum!, $tot: Datum!, $per: Tijdvak!) { klantstromen(van: $van, tot: $tot, per: $per) { ${KLANTSTROOM} } }`,
    variables: { van: '2024-01-01', tot: '2025-12-31', per: 'MAAND' },
  },
  {
    naam: 'aanbiederslandschap (2025-Q3)',
    rol: 'gemeente-beleid',
    query: `query($jaar: Int!, $kwartaal: Int!) { aanbiederslandschap(jaar: $jaar, kwartaal: $kwartaal) { ${LANDSCHAP} } }`,
    variables: { jaar: 2025, kwartaal: 3 },
  },
  {
    naam: 'omvangPerProduct (2025-H1)',
    rol: 'gemeente-beleid',
    query: `query($van: Datum!, $tot: Datum!) { omvangPerProduct(van: $van, tot: $tot) { product eenheid frequentie organisatie { id } clienten ${TELLING} volume } }`,
    variables: { van: '2025-01-01', tot: '2025-06-30' },
  },
  {
    naam: 'wachttijden per wijk (2021-2025)',
    rol: 'gemeente-beleid',
    query: `query($van: Datum!, $tot: Datum!) { wachttijden(van: $van, tot: $tot, per: WIJK) { groep gestart ${TELLING} mediaanDagen p90Dagen bovenNorm ${TELLING} openBovenNorm ${TELLING} } }`,
    variables: { van: '2021-01-01', tot: '2025-12-31' },
  },
  {
    naam: 'aanbiederslandschap als aanbieder (windkracht058)',
    rol: 'aanbieder-medewerker',
    organisatie: 'windkracht058',
    query: `query($jaar: Int!, $kwartaal: Int!) { aanbiederslandschap(jaar: $jaar, kwartaal: $kwartaal) { ${LANDSCHAP} } }`,
    variables: { jaar: 2025, kwartaal: 3 },
  },
];
