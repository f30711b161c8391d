import type { Database } from '../../db/client';
import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/list';
import { SUBGRAPH_MODULES } from '../../subgraphs/modules';
import type { Config } from '../../subgraphs/shared/config';
import { subgraphDeps } from '../../subgraphs/shared/deps';
import { closeServer, listen } from '../../subgraphs/shared/http';
import { loadClientVerifyKey, loadInternalSigningKey } from '../../subgraphs/shared/keys';
import type { Logger } from '../../subgraphs/shared/logger';
import { createSubgraphService, type SubgraphService, type SubgraphServiceOptions } from '../../subgraphs/shared/subgraph';
import { createGateway, type Gateway } from './server';
import { readSupergraph } from './supergraph';

export interface Platform {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  gateway: Gateway;
  subgraphs: SubgraphService[];
  stop(): Promise<void>;
}

export function gatewayOptions(config: Config, log: Logger, subgraphUrls: Record<SubgraphName, string>) {
  return {
    supergraphSdl: readSupergraph(),
    subgraphUrls,
    clientKey: loadClientVerifyKey(config),
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    internalSigningKey: loadInternalSigningKey(config),
    internalTokenTtlSeconds: config.INTERNAL_TOKEN_TTL_SECONDS,
    defaultGemeente: config.DEFAULT_GEMEENTE,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    production: config.NODE_ENV === 'production',
    log: log.child({ component: 'gateway' }),
  };
}

/**
 * Starts every subgraph in this process on one database, each on its own port (its
 * configured one, or a free one with `ephemeralPorts`). `options` is for the benchmark
 * only (see SubgraphServiceOptions).
 */
export async function startSubgraphs(
  config: Config, database: Database, log: Logger, ephemeralPorts = false, options?: SubgraphServiceOptions,
): Promise<{ subgraphs: SubgraphService[]; subgraphUrls: Record<SubgraphName, string> }> {
  const deps = subgraphDeps(config, database, log);
  const subgraphs: SubgraphService[] = [];
  const subgraphUrls = {} as Record<SubgraphName, string>;
  for (const s of SUBGRAPHS) {
    const service = await createSubgraphService(SUBGRAPH_MODULES[s.name], deps, options);
    const port = await listen(service.server, ephemeralPorts ? 0 : config.subgraphs[s.name].port, config.SUBGRAPH_HOST);
    subgraphUrls[s.name] = `http://127.0.0.1:${port}/graphql`;
    subgraphs.push(service);
  }
  return { subgraphs, subgraphUrls };
}

/** Stops subgraph services started by startSubgraphs. */
export async function stopSubgraphs(subgraphs: SubgraphService[]): Promise<void> {
  for (const s of subgraphs) {
    await closeServer(s.server);
    await s.apollo.stop();
  }
}

/**
 * Starts the five subgraphs and the gateway in one process on one database: the
 * embedded PGlite database can have only one owner, and tests boot the stack this way.
 * With `ephemeralPorts` every service listens on a free port (tests run in parallel).
 */
export async function startPlatform(config: Config, database: Database, log: Logger, ephemeralPorts = false): Promise<Platform> {
  const { subgraphs, subgraphUrls } = await startSubgraphs(config, database, log, ephemeralPorts);
  const gateway = await createGateway(gatewayOptions(config, log, subgraphUrls));
  const host = ephemeralPorts ? '127.0.0.1' : config.GATEWAY_HOST;
  const gatewayPort = await listen(gateway.server, ephemeralPorts ? 0 : config.GATEWAY_PORT, host);
  return {
    gatewayUrl: `http://localhost:${gatewayPort}/graphql`,
    subgraphUrls,
    gateway,
    subgraphs,
    stop: async () => {
      await closeServer(gateway.server);
      await gateway.stop();
      await stopSubgraphs(subgraphs);
    },
  };
}
