/**
 * npm run schema:check                 compare the composed supergraph with schema/released.graphql
 * npm run schema:release [-- --note "One sentence for partners."]   cut a release (schema/CHANGELOG.md)
 * npm run schema:release -- --initial  (re)cut version 1 while no later version exists
 *
 * A thin wrapper around scripts/schema-contract.ts. Exit code 1 when the contract is broken
 * (or a release is refused), 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { composeSupergraph } from '../gateway/src/compose';
import { CONTRACT_FILES, checkFiles, formatReport, release } from './schema-contract';

const USAGE = 'Usage: npm run schema:check | npm run schema:release [-- --note "..."] [--initial]';

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(options: { release?: boolean; initial?: boolean; note?: string }): Promise<number> {
  // The check reads schema/supergraph.graphql; a file older than the subgraph SDLs would
  // compare the wrong schema, so say so instead of passing.
  if (readFileSync(CONTRACT_FILES.supergraph, 'utf8') !== composeSupergraph()) {
    console.error('schema/supergraph.graphql is not what the subgraph SDLs compose to: run "npm run compose" first.');
    return 1;
  }
  if (!options.release) {
    const result = await checkFiles();
    console.log(formatReport(result));
    return result.ok ? 0 : 1;
  }
  const today = new Date().toISOString().slice(0, 10);
  const outcome = await release(CONTRACT_FILES, { today, note: options.note, initial: options.initial });
  if (outcome.status === 'refused') {
    console.error(`Release refused:\n${outcome.report}`);
    return 1;
  }
  if (outcome.status === 'unchanged') console.log('Nothing to release: schema/released.graphql is the current contract.');
  else if (outcome.version === 1) console.log('Released version 1, the initial contract: schema/released.graphql and schema/CHANGELOG.md written.');
  else console.log(`Released version ${outcome.version} (${outcome.changes.length} change(s)): schema/released.graphql and schema/CHANGELOG.md updated.`);
  return 0;
}

let values: { release?: boolean; initial?: boolean; note?: string } = {};
try {
  ({ values } = parseArgs({ options: { release: { type: 'boolean' }, initial: { type: 'boolean' }, note: { type: 'string' } } }));
} catch (error) {
  usage((error as Error).message);
}
if ((values.initial || values.note) && !values.release) usage('--initial and --note go with --release.');

try {
  process.exitCode = await main(values);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
