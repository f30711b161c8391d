/**
 * Writes the API schema of the supergraph (what a client sees: no join__ or link
 * directives, no @inaccessible fields) to generated/schema.graphql, for GraphQL Code
 * Generator, which cannot read a supergraph. `npm run codegen` runs this first.
 * Works offline from schema/supergraph.graphql; a partner without this repository points
 * codegen at the gateway's introspection instead (README, "Clients").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph, printSchema } from '@apollo/federation-internals';
import { readSupergraph } from '../../gateway/src/supergraph';

const out = fileURLToPath(new URL('./generated/schema.graphql', import.meta.url));
mkdirSync(fileURLToPath(new URL('./generated/', import.meta.url)), { recursive: true });
writeFileSync(out, `${printSchema(Supergraph.build(readSupergraph()).apiSchema())}\n`);
console.log(`Wrote ${out}`);
