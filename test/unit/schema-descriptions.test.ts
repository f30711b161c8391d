import { describe, expect, it } from 'vitest';
import { compose } from '../../gateway/src/compose';
import { readSupergraph } from '../../gateway/src/supergraph';
import { apiSchemaSdl, undocumented } from '../../scripts/schema-contract';

// Composition takes seconds on a loaded 2-core machine.
describe('the partner contract describes itself', { timeout: 60_000 }, () => {
  const api = apiSchemaSdl(readSupergraph());

  it('is the API schema: no federation machinery', () => {
    expect(api).not.toMatch(/join__|link__|_entities|_service|@key|@external/);
    expect(api).toMatch(/^type Query \{/m);
  });

  it('has a description on every type, field, argument, enum value, input field and scalar (add one in subgraphs/<name>/schema.graphql)', () => {
    expect(undocumented(api)).toEqual([]);
  });

  it('gives shared types one description: composition reports no differing descriptions between subgraphs', () => {
    const inconsistent = compose().hints.filter((h) => h.code === 'INCONSISTENT_DESCRIPTION').map((h) => h.message);
    expect(inconsistent).toEqual([]);
  });

  it('names every kind of element that lacks a description', () => {
    const sdl = `
      """A documented type."""
      type Query {
        a(x: Int): Int
        """Documented, with an undocumented argument."""
        b("""Documented."""y: Int, z: Int): Int
      }
      input I { f: Int }
      enum E { ONE """Documented.""" TWO }
      scalar S
      union U = Query
      interface N { g: Int }
    `;
    expect(undocumented(sdl)).toEqual(['Query.a', 'Query.a(x:)', 'Query.b(z:)', 'I', 'I.f', 'E', 'E.ONE', 'S', 'U', 'N', 'N.g']);
  });
});
