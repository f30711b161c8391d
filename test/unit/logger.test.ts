import { describe, expect, it } from 'vitest';
import { scrub } from '../../subgraphs/shared/logger';

describe('scrub', () => {
  it('removes quoted values and digit runs that could be personal data', () => {
    expect(scrub('invalid input syntax for type date: "1950-13-01"')).toBe('invalid input syntax for type date: "…"');
    expect(scrub("no resident with bsn 999993653 in 'Leeuwarden'")).toBe('no resident with bsn … in "…"');
    expect(scrub('Cannot read properties of undefined (reading \'x\')')).toBe('Cannot read properties of undefined (reading "…")');
    expect(scrub(undefined)).toBeUndefined();
  });
});
