/**
 * The shared input checks at their edges: the first and last day and year the platform
 * takes, amounts in whole cents, list bounds, and a BSN sent as a resident id. Every
 * refusal is BAD_USER_INPUT naming the field and never repeating the value.
 */
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { plusDagen, today } from '../../subgraphs/shared/scalars';
import { centen, checkJaar, datum, datumBinnen, inwonerIdentifier, lijst, MAX_CENTEN, nietInDeToekomst, nietVoor } from '../../subgraphs/shared/validate';

/** The extensions of the BAD_USER_INPUT `run` throws, and its message. */
function refusal(run: () => unknown): { field: unknown; code: unknown; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const e = error as GraphQLError;
    return { field: e.extensions.field, code: e.extensions.code, message: e.message };
  }
  throw new Error('expected a refusal');
}

describe('datum', () => {
  it('takes the first and last day of the platform’s years and refuses the days around them', () => {
    expect(datum('d', '2015-01-01')).toBe('2015-01-01');
    expect(datum('d', '2100-12-31')).toBe('2100-12-31');
    for (const bad of ['2014-12-31', '2101-01-01', '0001-01-01', '9999-12-31']) {
      expect(refusal(() => datum('input.d', bad))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.d' });
    }
  });

  it('narrows to a window, never wider than the platform’s years', () => {
    expect(refusal(() => datum('d', '2020-01-01', { min: '2010-01-01', max: '2019-12-31' })).message).toBe('d must lie between 2015-01-01 and 2019-12-31');
    const t = today();
    expect(datumBinnen('per', t, 0, 90)).toBe(t);
    expect(refusal(() => datumBinnen('per', plusDagen(t, -1), 0, 90)).field).toBe('per');
    expect(refusal(() => datumBinnen('per', plusDagen(t, 91), 0, 90)).field).toBe('per');
  });

  it('orders two dates, strictly when asked, and keeps dates of events out of the future', () => {
    expect(nietVoor('e', '2026-01-01', '2026-01-01', 's')).toBe('2026-01-01');
    expect(refusal(() => nietVoor('e', '2026-01-01', '2026-01-01', 's', { strikt: true })).message).toBe('e must be after s');
    expect(refusal(() => nietVoor('e', '2025-12-31', '2026-01-01', 's')).message).toBe('e must not be before s');
    expect(nietInDeToekomst('d', today())).toBe(today());
    expect(refusal(() => nietInDeToekomst('d', plusDagen(today(), 1))).message).toBe('d must not be in the future');
  });
});

describe('checkJaar', () => {
  it('takes 2015 to 2100', () => {
    expect(checkJaar(2015)).toBe(2015);
    expect(checkJaar(2100)).toBe(2100);
    expect(refusal(() => checkJaar(2014, 'input.jaar')).field).toBe('input.jaar');
    expect(refusal(() => checkJaar(2101)).field).toBe('jaar');
    expect(refusal(() => checkJaar(2025.5)).field).toBe('jaar');
  });
});

describe('centen', () => {
  it('takes whole cents up to the bound', () => {
    expect(centen('b', '1')).toBe(1n);
    expect(centen('b', '0', { positive: false })).toBe(0n);
    expect(centen('b', String(MAX_CENTEN))).toBe(MAX_CENTEN);
    expect(centen('b', '100000', { max: 100_000n })).toBe(100_000n);
  });

  it.each(['', ' 1', '1 ', '+1', '-1', '-0', '1.00', '12.345', '1,00', '1e6', 'NaN', 'Infinity', '0x10', '12345678901234567'])('refuses %j', (value) => {
    expect(refusal(() => centen('input.bedrag', value))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bedrag' });
  });

  it('refuses 0 unless allowed, and more than the bound', () => {
    expect(refusal(() => centen('b', '0')).message).toBe('b must be more than 0 cents');
    expect(refusal(() => centen('b', String(MAX_CENTEN + 1n))).field).toBe('b');
    expect(refusal(() => centen('b', '100001', { max: 100_000n })).message).toBe('b must be at most 100000 cents');
  });
});

describe('lijst', () => {
  it('bounds the number of entries, a missing list counting as empty', () => {
    expect(lijst('l', [1, 2], 1, 2)).toEqual([1, 2]);
    expect(lijst('l', null, 0, 2)).toEqual([]);
    expect(refusal(() => lijst('hulpen', [], 1, 2)).message).toBe('hulpen must name 1 to 2 entries');
    expect(refusal(() => lijst('hulpen', [1, 2, 3], 1, 2)).field).toBe('hulpen');
  });
});

describe('inwonerIdentifier', () => {
  it('takes a pseudonymous id and refuses a BSN without repeating it', () => {
    expect(inwonerIdentifier('inwoner', 'inw-f224a9fc89362079')).toBe('inw-f224a9fc89362079');
    for (const bsn of ['999993653', ' 999993653 ']) {
      const r = refusal(() => inwonerIdentifier('input.inwoner', bsn));
      expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.inwoner' });
      expect(r.message).toMatch(/is a BSN/);
      expect(r.message).not.toContain('999993653');
    }
    // Nine digits failing the elfproef are no BSN, and no valid id shape is refused for it.
    expect(inwonerIdentifier('inwoner', '123456789')).toBe('123456789');
  });
});
