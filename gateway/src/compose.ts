import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS } from '../../subgraphs/list';

export function subgraphSdlPath(name: string): string {
  return fileURLToPath(new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url));
}

/** A composed supergraph and composition's hints (e.g. INCONSISTENT_DESCRIPTION). */
export interface Composition {
  supergraphSdl: string;
  hints: Array<{ code: string; message: string }>;
}

/**
 * Composes subgraphs/*\/schema.graphql into the supergraph SDL. The URLs written into
 * it are the local defaults; the gateway maps each subgraph name to its configured URL.
 * The hints do not fail composition; `npm run compose` prints them and a unit test keeps
 * the shared types' descriptions consistent.
 */
export function compose(): Composition {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: `http://localhost:${s.port}/graphql`,
      typeDefs: parse(readFileSync(subgraphSdlPath(s.name), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => ({ code: h.definition.code, message: h.message })) };
}

/** The supergraph SDL alone (see compose). */
export function composeSupergraph(): string {
  return compose().supergraphSdl;
}
