import { describe, expect, it } from 'vitest';
import { suppress } from '../../subgraphs/shared/suppression';

const rule = { threshold: 10, rounding: 5 };

describe('small-cell suppression', () => {
  it.each([0, 1, 9])('suppresses %i: no value, marked as suppressed, never 0', (n) => {
    expect(suppress(n, rule)).toEqual({ waarde: null, onderdrukt: true });
  });
  it.each([[10, 10], [12, 10], [13, 15], [17, 15], [18, 20], [3201, 3200]])('rounds %i to %i', (n, expected) => {
    expect(suppress(n, rule)).toEqual({ waarde: expected, onderdrukt: false });
  });
  it('follows the configured threshold and rounding', () => {
    expect(suppress(7, { threshold: 5, rounding: 1 })).toEqual({ waarde: 7, onderdrukt: false });
    expect(suppress(149, { threshold: 50, rounding: 100 })).toEqual({ waarde: 100, onderdrukt: false });
  });
  it('refuses what is not a count', () => {
    expect(() => suppress(-1, rule)).toThrow();
    expect(() => suppress(2.5, rule)).toThrow();
  });
});
