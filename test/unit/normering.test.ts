import { describe, expect, it } from 'vitest';
import { bereken, einddatumNa, isoWeeksInYear, leeftijdOp, voorbeeldNormjaar, type Normregel } from '../../subgraphs/huishoudelijke-hulp/normering';
import { kies } from '../../subgraphs/huishoudelijke-hulp/toegang';

const REGELS: Normregel[] = [
  { activiteit: 'POETSEN', omschrijving: 'Poetsen', minutenPerWeek: 90, extraMinutenPerPersoon: 15, schoonmaak: true },
  { activiteit: 'WAS', omschrijving: 'Was', minutenPerWeek: 61, extraMinutenPerPersoon: 0, schoonmaak: false },
];

describe('HH normering', () => {
  it('computes minutes per task, rounding a partial task up to whole minutes', () => {
    const b = bereken(voorbeeldNormjaar(2025), REGELS, {
      huishoudgrootte: 3, leeftijd: 40, chronischZiek: false,
      taken: [{ activiteit: 'POETSEN', mate: 'VOLLEDIG' }, { activiteit: 'WAS', mate: 'GEDEELTELIJK' }],
    });
    // 90 + 2 x 15 = 120; ceil(61 / 2) = 31; holiday: 120 - 60 = 60 + 31 = 91; 2025 has 52 weeks, 5 of them holiday.
    expect(b.regels.map((r) => r.minuten)).toEqual([120, 31]);
    expect(b).toMatchObject({ minutenPerWeek: 151, vakantieMinutenPerWeek: 91, minutenPerJaar: 47 * 151 + 5 * 91, looptijdMaanden: 36, looptijdReden: 'STANDAARD' });
  });

  it('gives the long looptijd from the age limit or for a chronic condition', () => {
    const input = { huishoudgrootte: 1, taken: [{ activiteit: 'WAS', mate: 'VOLLEDIG' as const }] };
    expect(bereken(voorbeeldNormjaar(2026), REGELS, { ...input, leeftijd: 80, chronischZiek: false }).looptijdReden).toBe('LEEFTIJD');
    expect(bereken(voorbeeldNormjaar(2026), REGELS, { ...input, leeftijd: 79, chronischZiek: false }).looptijdReden).toBe('STANDAARD');
    expect(bereken(voorbeeldNormjaar(2026), REGELS, { ...input, leeftijd: 50, chronischZiek: true })).toMatchObject({ looptijdReden: 'CHRONISCH', looptijdMaanden: 60 });
  });

  it('knows ISO week-years, ages and the end of a looptijd', () => {
    expect([2020, 2024, 2025, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 52, 52, 53, 53]);
    expect(leeftijdOp('1946-11-02', '2026-11-01')).toBe(79);
    expect(leeftijdOp('1946-11-01', '2026-11-01')).toBe(80);
    expect(einddatumNa('2026-11-01', 60)).toBe('2031-10-31');
    expect(einddatumNa('2024-01-31', 1)).toBe('2024-02-29');
    expect(einddatumNa('2024-02-29', 12)).toBe('2025-02-28');
    expect(einddatumNa('2026-03-31', 1)).toBe('2026-04-30');
    expect(einddatumNa('2026-01-01', 12)).toBe('2026-12-31');
    expect(einddatumNa('2026-03-01', 36)).toBe('2029-02-28');
  });
});

describe('joint intake assignment rules', () => {
  const aanbieders = () => [
    { id: 'miep', maxClienten: 10, bezet: 9 },
    { id: 'thfl', maxClienten: 10, bezet: 5 },
  ];
  it('follows the resident\'s choice, and waits when the chosen provider is full', () => {
    expect(kies(aanbieders(), 'miep', 'thfl')).toEqual({ aanbieder: 'miep', reden: 'KEUZE_INWONER' });
    expect(kies([{ id: 'miep', maxClienten: 9, bezet: 9 }, { id: 'thfl', maxClienten: 10, bezet: 0 }], 'miep', null)).toBeNull();
  });
  it('keeps continuity without a choice, else takes the provider with the most room', () => {
    expect(kies(aanbieders(), null, 'miep')).toEqual({ aanbieder: 'miep', reden: 'CONTINUITEIT' });
    expect(kies([{ id: 'miep', maxClienten: 9, bezet: 9 }, { id: 'thfl', maxClienten: 10, bezet: 9 }], null, 'miep')).toEqual({ aanbieder: 'thfl', reden: 'CAPACITEIT' });
    expect(kies(aanbieders(), null, null)).toEqual({ aanbieder: 'thfl', reden: 'CAPACITEIT' });
    expect(kies([{ id: 'b', maxClienten: 5, bezet: 0 }, { id: 'a', maxClienten: 5, bezet: 0 }], null, null)).toEqual({ aanbieder: 'a', reden: 'CAPACITEIT' });
    expect(kies([{ id: 'a', maxClienten: 5, bezet: 5 }], null, null)).toBeNull();
  });
});

describe('equal parts to the cent', () => {
  it('always sums to the total, with parts differing by at most one cent, the extra cents first', async () => {
    const { gelijkeDelen } = await import('../../subgraphs/financien/begroting');
    expect(gelijkeDelen(1_000_001n, 2)).toEqual([500_001n, 500_000n]);
    expect(gelijkeDelen(10n, 3)).toEqual([4n, 3n, 3n]);
    for (const [totaal, n] of [[1n, 5], [0n, 2], [987_654_321_123n, 5], [4n, 5], [99n, 1]] as const) {
      const delen = gelijkeDelen(totaal, n);
      expect(delen.reduce((a, b) => a + b, 0n)).toBe(totaal);
      expect(delen[0]! - delen[n - 1]!).toBeLessThanOrEqual(1n);
    }
  });
});

describe('eigen bijdrage periods', () => {
  it('merges overlapping and touching intervals per household, deterministically', async () => {
    const { periodes } = await import('../../subgraphs/financien/eigen-bijdrage');
    const p = periodes([
      { huishoudenId: 'h2', inwonerId: 'b', start: '2025-06-10', eind: '2025-06-30' },
      { huishoudenId: 'h1', inwonerId: 'z', start: '2025-06-01', eind: '2025-06-10' },
      { huishoudenId: 'h1', inwonerId: 'a', start: '2025-06-11', eind: '2025-06-15' },
      { huishoudenId: 'h1', inwonerId: 'c', start: '2025-06-20', eind: '2025-06-30' },
      { huishoudenId: 'h2', inwonerId: 'a', start: '2025-06-01', eind: '2025-06-12' },
    ]);
    expect(p).toEqual([
      { huishoudenId: 'h1', inwonerId: 'a', start: '2025-06-01', eind: '2025-06-15' },
      { huishoudenId: 'h1', inwonerId: 'c', start: '2025-06-20', eind: '2025-06-30' },
      { huishoudenId: 'h2', inwonerId: 'a', start: '2025-06-01', eind: '2025-06-30' },
    ]);
  });
});
