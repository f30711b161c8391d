import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

export function readSupergraph(path = SUPERGRAPH_PATH): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`Supergraph not found at ${path}: run "npm run compose".`);
  }
}
