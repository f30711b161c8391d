import { describe, expect, it } from 'vitest';
import { describeError, scrub } from '../../subgraphs/shared/logger';

describe('scrub', () => {
  it('removes quoted values and digit runs that could be personal data', () => {
    expect(scrub('invalid input syntax for type date: "1950-13-01"')).toBe('invalid input syntax for type date: "…"');
    expect(scrub("no resident with bsn 999993653 in 'Leeuwarden'")).toBe('no resident with bsn … in "…"');
    expect(scrub('Cannot read properties of undefined (reading \'x\')')).toBe('Cannot read properties of undefined (reading "…")');
    expect(scrub('no access to inw-396cf612d82dd620 today')).toBe('no access to … today');
    expect(scrub(undefined)).toBeUndefined();
  });
});

describe('describeError', () => {
  it('keeps only the SQLSTATE of a database error, never the SQL or its parameters', () => {
    const dbError = Object.assign(new Error('Failed query: select * from inwoner where id = $1\nparams: inw-396cf612d82dd620'), {
      name: 'DrizzleQueryError',
      cause: { code: '42703' },
    });
    const wrapped = { message: 'x', originalError: dbError };
    expect(describeError(wrapped)).toEqual({ name: 'DrizzleQueryError', code: '42703' });
    expect(JSON.stringify(describeError(dbError))).not.toContain('inw-');
  });
  it('scrubs the message of other errors', () => {
    expect(describeError(new TypeError('bad value "Jan de Vries"'))).toEqual({ name: 'TypeError', code: undefined, message: 'bad value "…"' });
  });
});
