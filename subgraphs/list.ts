/**
 * The one list of subgraphs. Composition, the gateway, docker-compose (checked by a
 * test) and the test harness all read it; adding a subgraph starts here.
 */
export const SUBGRAPHS = [
  { name: 'sociale-basis', port: 4001, dbSchema: 'sociale_basis' },
  { name: 'basisondersteuning', port: 4002, dbSchema: 'basisondersteuning' },
  { name: 'aanvullende-ondersteuning', port: 4003, dbSchema: 'aanvullende_ondersteuning' },
  { name: 'huishoudelijke-hulp', port: 4004, dbSchema: 'huishoudelijke_hulp' },
  { name: 'financien', port: 4005, dbSchema: 'financien' },
  { name: 'privacy', port: 4006, dbSchema: 'privacy' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const GATEWAY_PORT = 4000;

export function isSubgraphName(value: string): value is SubgraphName {
  return SUBGRAPHS.some((s) => s.name === value);
}

/** Env var that overrides a subgraph's port, e.g. SOCIALE_BASIS_PORT. */
export function portEnvVar(name: SubgraphName): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_PORT`;
}

/** Env var that overrides the URL the gateway uses for a subgraph, e.g. SOCIALE_BASIS_URL. */
export function urlEnvVar(name: SubgraphName): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_URL`;
}
