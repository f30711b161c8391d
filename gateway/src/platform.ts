import type { Database } from '../../db/client';
import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/list';
import { SUBGRAPH_MODULES } from '../../subgraphs/modules';
import type { Config } from '../../subgraphs/shared/config';
import { subgraphDeps } from '../../subgraphs/shared/deps';
import { closeServer, listen } from '../../subgraphs/shared/http';
import { loadClientVerifyKey, loadInternalSigningKey } from '../../subgraphs/shared/keys';
import { Lifecycle, shutdownGracefully } from '../../subgraphs/shared/lifecycle';
import type { Logger } from '../../subgraphs/shared/logger';
import { createSubgraphService, type SubgraphService, type SubgraphServiceOptions } from '../../subgraphs/shared/subgraph';
import { createGateway, type Gateway } from './server';
import { readSupergraph } from './supergraph';
import { readManifest, TRUSTED_DOCUMENTS_PATH } from './trusted-documents';

export interface Platform {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  gateway: Gateway;
  subgraphs: SubgraphService[];
  /** Shared by all seven services: one shutdown makes all of them not ready. */
  lifecycle: Lifecycle;
  /**
   * Graceful shutdown (SHUTDOWN_TIMEOUT_MS): the gateway finishes its in-flight requests
   * first (they still need the subgraphs), then the subgraphs; then `close` (the database).
   * A second call returns the first one's promise.
   */
  stop(close?: () => Promise<void>): Promise<void>;
}

export function gatewayOptions(config: Config, log: Logger, subgraphUrls: Record<SubgraphName, string>, lifecycle = new Lifecycle()) {
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
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    subgraphConnections: config.SUBGRAPH_CONNECTIONS,
    limits: {
      maxDepth: config.QUERY_MAX_DEPTH,
      maxAliases: config.QUERY_MAX_ALIASES,
      maxTokens: config.QUERY_MAX_TOKENS,
      maxDirectives: config.QUERY_MAX_DIRECTIVES,
      maxCost: config.QUERY_MAX_COST,
    },
    rateLimit: { perSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST },
    trustedDocuments: readManifest(config.TRUSTED_DOCUMENTS_FILE ?? TRUSTED_DOCUMENTS_PATH),
    production: config.NODE_ENV === 'production',
    log: log.child({ component: 'gateway' }),
    lifecycle,
    readinessTimeoutMs: config.READINESS_TIMEOUT_MS,
    metrics: config.METRICS_ENABLED,
  };
}

/**
 * Starts every subgraph in this process on one database, each on its own port (its
 * configured one, or a free one with `ephemeralPorts`). `options` is for the benchmark
 * only (see SubgraphServiceOptions).
 */
export async function startSubgraphs(
  config: Config, database: Database, log: Logger, ephemeralPorts = false, options?: SubgraphServiceOptions, lifecycle = new Lifecycle(),
): Promise<{ subgraphs: SubgraphService[]; subgraphUrls: Record<SubgraphName, string> }> {
  const deps = subgraphDeps(config, database, log, lifecycle);
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
  const lifecycle = new Lifecycle();
  const { subgraphs, subgraphUrls } = await startSubgraphs(config, database, log, ephemeralPorts, {}, lifecycle);
  const gateway = await createGateway(gatewayOptions(config, log, subgraphUrls, lifecycle));
  const host = ephemeralPorts ? '127.0.0.1' : config.GATEWAY_HOST;
  const gatewayPort = await listen(gateway.server, ephemeralPorts ? 0 : config.GATEWAY_PORT, host);
  return {
    gatewayUrl: `http://localhost:${gatewayPort}/graphql`,
    subgraphUrls,
    gateway,
    subgraphs,
    lifecycle,
    stop: (close) => shutdownGracefully(lifecycle, [gateway, ...subgraphs], { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, log, close }),
  };
}
