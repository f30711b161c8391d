import { runSubgraph } from '../shared/run';
import { SUBGRAPH_MODULES } from '../modules';

await runSubgraph(SUBGRAPH_MODULES['privacy']);
