/** npm run compose: writes schema/supergraph.graphql from the subgraph SDLs. */
import { writeFileSync } from 'node:fs';
import { composeSupergraph } from '../gateway/src/compose';
import { SUPERGRAPH_PATH } from '../gateway/src/supergraph';

try {
  const sdl = composeSupergraph();
  writeFileSync(SUPERGRAPH_PATH, sdl);
  console.log(`Wrote ${SUPERGRAPH_PATH} (${sdl.length} bytes)`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
