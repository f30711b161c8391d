/**
 * Starts one subgraph by name: `npm run start:subgraph -- financien`
 * (docker-compose runs each subgraph this way).
 */
import { SUBGRAPHS, isSubgraphName } from './list';
import { SUBGRAPH_MODULES } from './modules';
import { runSubgraph } from './shared/run';

const name = process.argv[2] ?? process.env.SUBGRAPH ?? '';
if (!isSubgraphName(name)) {
  console.error(`Unknown subgraph "${name}". Choose one of: ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
  process.exit(1);
}
await runSubgraph(SUBGRAPH_MODULES[name]);
