import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';

export const SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

export function readSupergraph(path = SUPERGRAPH_PATH): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`Supergraph not found at ${path}: run "npm run compose".`);
  }
}

/** The schema clients see: the supergraph without federation's join and link machinery. */
export function apiSchema(sdl = readSupergraph()): GraphQLSchema {
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}
