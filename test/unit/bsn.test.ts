import { describe, expect, it } from 'vitest';
import { isValidBsn, testBsns, TEST_BSN_FIRST, TEST_BSN_LAST } from '../../db/seed/bsn';

describe('BSN elfproef', () => {
  it.each(['123456782', '000009921', '999993653', '999992077', '999990408', '999999990', '999900006'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });
  it.each(['123456789', '999993654', '000000000', '000000012', '000000024', '12345678', '1234567820', 'abcdefghi', ''])('rejects %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });
  it('generates only valid numbers inside the public test range, ascending and unique', () => {
    const gen = testBsns();
    const first = Array.from({ length: 500 }, () => gen.next().value as string);
    expect(first.every(isValidBsn)).toBe(true);
    expect(first.every((b) => Number(b) >= TEST_BSN_FIRST && Number(b) <= TEST_BSN_LAST)).toBe(true);
    expect(new Set(first).size).toBe(500);
    expect([...first].sort()).toEqual(first);
    expect(first[0]).toBe('999900006');
  });
  it('skips ahead so two seeds can take disjoint slices', () => {
    const a = testBsns(0);
    for (let i = 0; i < 10; i++) a.next();
    expect(testBsns(10).next().value).toBe(a.next().value);
  });
});
