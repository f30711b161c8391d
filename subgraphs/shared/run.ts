import { loadConfigOrExit } from './config';
import { openConfiguredDatabase, subgraphDeps } from './deps';
import { listen } from './http';
import { exitOnSignals, Lifecycle, shutdownGracefully } from './lifecycle';
import { createLogger } from './logger';
import type { SubgraphModule } from './subgraph';
import { createSubgraphService } from './subgraph';

/**
 * Runs one subgraph as its own process (docker-compose, production). It expects the
 * database to be migrated already (the compose `init` service does that). With the
 * embedded database use `npm start`, which hosts all services in one process.
 */
export async function runSubgraph(module: SubgraphModule<unknown>): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger(module.name, config.LOG_LEVEL);
  const database = await openConfiguredDatabase(config, log);
  const lifecycle = new Lifecycle();
  const service = await createSubgraphService(module, subgraphDeps(config, database, log, lifecycle));
  const port = await listen(service.server, config.subgraphs[module.name].port, config.SUBGRAPH_HOST);
  log.info({ port }, `subgraph ${module.name} listening`);
  exitOnSignals(
    () => shutdownGracefully(lifecycle, [service], { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, log, close: () => database.close() }),
    log,
  );
}
