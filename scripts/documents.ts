/**
 * Trusted documents (gateway/src/trusted-documents.ts): the operations partner systems may run.
 *
 *   npm run documents -- list
 *   npm run documents -- register --bestand <op.graphql> --door "<name, department>" --doel "<why>"
 *   npm run documents -- check
 *
 * `register` is the municipality's act of approving an operation: it checks the operation
 * against the current API schema (one named operation, valid), and appends it to
 * schema/trusted-documents.json with its sha256 id; the change is then reviewed and
 * merged like code. `check` validates every registered operation against the schema, so a
 * schema change that would break a partner's registered operation fails (CI runs it via
 * test/unit/trusted-documents.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'graphql';
import { apiSchema } from '../gateway/src/supergraph';
import { checkOperation, documentHash, readManifest, TRUSTED_DOCUMENTS_PATH, type TrustedOperation } from '../gateway/src/trusted-documents';

const USAGE = 'Usage: npm run documents -- list | check | register --bestand <op.graphql> --door "<who>" --doel "<why>"';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
const manifest = readManifest(TRUSTED_DOCUMENTS_PATH);

if (command === 'list') {
  for (const op of manifest.operations) console.log(`sha256:${op.id}  ${op.type.padEnd(8)} ${op.name}  (${op.geregistreerdOp}, ${op.geregistreerdDoor}: ${op.doel})`);
  console.log(`${manifest.operations.length} registered operation(s) in ${TRUSTED_DOCUMENTS_PATH}`);
} else if (command === 'check') {
  const schema = apiSchema();
  let failed = 0;
  for (const op of manifest.operations) {
    const problems = checkOperation(schema, op.body);
    if (problems.length > 0) {
      failed++;
      console.error(`${op.name} (sha256:${op.id}):\n  - ${problems.join('\n  - ')}`);
    }
  }
  console.log(`${manifest.operations.length - failed} of ${manifest.operations.length} registered operation(s) valid against the current schema`);
  if (failed > 0) process.exit(1);
} else if (command === 'register') {
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: { bestand: { type: 'string' }, door: { type: 'string' }, doel: { type: 'string' } } }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.bestand || !values.door?.trim() || !values.doel?.trim()) fail('register needs --bestand, --door and --doel.');
  let body: string;
  try {
    body = readFileSync(values.bestand, 'utf8').trim();
  } catch {
    fail(`Cannot read ${values.bestand}.`);
  }
  const problems = checkOperation(apiSchema(), body);
  if (problems.length > 0) fail(`Not registered, the operation is not valid against the current schema:\n  - ${problems.join('\n  - ')}`);
  const definition = parse(body).definitions.find((d) => d.kind === 'OperationDefinition')!;
  const id = documentHash(body);
  if (manifest.operations.some((op) => op.id === id)) {
    console.log(`Already registered: sha256:${id}`);
    process.exit(0);
  }
  const name = definition.name!.value;
  if (manifest.operations.some((op) => op.name === name)) fail(`An operation named ${name} is registered already; give the new one its own name.`);
  const operation: TrustedOperation = {
    id,
    name,
    type: definition.operation as 'query' | 'mutation',
    body,
    geregistreerdDoor: values.door.trim(),
    geregistreerdOp: new Date().toISOString().slice(0, 10),
    doel: values.doel.trim(),
  };
  manifest.operations.push(operation);
  writeFileSync(TRUSTED_DOCUMENTS_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`Registered ${name} as sha256:${id} in ${TRUSTED_DOCUMENTS_PATH}; commit the file to put it in force.`);
} else {
  fail(command ? `Unknown command "${command}".` : 'Missing command.');
}
