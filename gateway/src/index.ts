/** The gateway as its own process (docker-compose, production): reads env, listens. */
import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/list';
import { loadConfigOrExit } from '../../subgraphs/shared/config';
import { listen } from '../../subgraphs/shared/http';
import { exitOnSignals, Lifecycle, shutdownGracefully } from '../../subgraphs/shared/lifecycle';
import { createLogger } from '../../subgraphs/shared/logger';
import { gatewayOptions } from './platform';
import { createGateway } from './server';

const config = loadConfigOrExit();
const log = createLogger('gateway', config.LOG_LEVEL);
const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, config.subgraphs[s.name].url])) as Record<SubgraphName, string>;
const lifecycle = new Lifecycle();
const gateway = await createGateway(gatewayOptions(config, log, urls, lifecycle));
const port = await listen(gateway.server, config.GATEWAY_PORT, config.GATEWAY_HOST);
log.info({ port, subgraphs: urls }, `gateway listening on http://localhost:${port}/graphql`);
exitOnSignals(() => shutdownGracefully(lifecycle, [gateway], { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, log }), log);
