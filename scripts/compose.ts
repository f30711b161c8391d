/** npm run compose: writes schema/supergraph.graphql from the subgraph SDLs. */
import { writeFileSync } from 'node:fs';
import { compose } from '../gateway/src/compose';
import { SUPERGRAPH_PATH } from '../gateway/src/supergraph';

try {
  const { supergraphSdl, hints } = compose();
  writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  console.log(`Wrote ${SUPERGRAPH_PATH} (${supergraphSdl.length} bytes)`);
  // Hints never fail composition, but a description that differs between subgraphs is a
  // contract a partner reads differently depending on the subgraph that won.
  for (const hint of hints) console.warn(`Hint ${hint.code}: ${hint.message}`);
  console.log('The partner contract may have changed: run "npm run schema:check" (see "Schema contract" in README.md).');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
