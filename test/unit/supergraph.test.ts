import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../gateway/src/compose';
import { SUPERGRAPH_PATH } from '../../gateway/src/supergraph';
import { SUBGRAPHS } from '../../subgraphs/list';

// Composition takes seconds on a loaded 2-core machine (more with other unit files alongside).
describe('schema/supergraph.graphql', { timeout: 60_000 }, () => {
  it('is what the subgraph SDLs compose to (run "npm run compose" when this fails)', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph());
  });
  it('joins exactly the subgraphs of the list', () => {
    const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
    const joined = [...sdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]);
    expect(joined.sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
  });
});
