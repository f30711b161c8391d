import { describe, expect, it } from 'vitest';
import { HH_EENHEID, HH_FREQUENTIE, OMVANG_KLASSEN, omvangKlasse } from '../../subgraphs/privacy/anonieme-export';

describe('omvangKlasse (bands of the anonymised monthly file)', () => {
  it('bands HH minutes per week in hours: 0-2, 2-4, 4-8, 8+ (lower bound inclusive)', () => {
    const hh = (minuten: number) => omvangKlasse(minuten, HH_EENHEID, HH_FREQUENTIE);
    expect(hh(0)).toBe('0 tot 2 uur per week');
    expect(hh(119)).toBe('0 tot 2 uur per week');
    expect(hh(120)).toBe('2 tot 4 uur per week');
    expect(hh(239)).toBe('2 tot 4 uur per week');
    expect(hh(240)).toBe('4 tot 8 uur per week');
    expect(hh(479)).toBe('4 tot 8 uur per week');
    expect(hh(480)).toBe('8 uur of meer per week');
    expect(hh(10_000)).toBe('8 uur of meer per week');
  });

  it('bands toewijzingen in uren per week on the same scale as HH', () => {
    expect([1, 2, 3, 4, 7, 8, 40].map((v) => omvangKlasse(v, '04', '2'))).toEqual([
      '0 tot 2 uur per week', '2 tot 4 uur per week', '2 tot 4 uur per week', '4 tot 8 uur per week',
      '4 tot 8 uur per week', '8 uur of meer per week', '8 uur of meer per week',
    ]);
  });

  it('bands dagdelen (1-2, 3-4, 5+) and etmalen (1-2, 3+) per week', () => {
    expect([1, 2, 3, 4, 5, 9].map((v) => omvangKlasse(v, '16', '2'))).toEqual([
      '1-2 dagdelen per week', '1-2 dagdelen per week', '3-4 dagdelen per week', '3-4 dagdelen per week',
      '5 of meer dagdelen per week', '5 of meer dagdelen per week',
    ]);
    expect([1, 2, 3, 7].map((v) => omvangKlasse(v, '14', '2'))).toEqual([
      '1-2 etmalen per week', '1-2 etmalen per week', '3 of meer etmalen per week', '3 of meer etmalen per week',
    ]);
  });

  it('drops the volume of any other eenheid/frequentie, keeping unit and frequency', () => {
    expect(omvangKlasse(12, '04', '4')).toBe('uur per maand');
    expect(omvangKlasse(1, '16', '1')).toBe('dagdelen per dag');
    expect(omvangKlasse(500, '83', '6')).toBe('euro totaal');
    expect(omvangKlasse(3, '99', '9')).toBe('eenheid 99 frequentie 9');
  });

  it('has bands that do not overlap and leave no gap from 0 per eenheid/frequentie', () => {
    const per = new Map<string, typeof OMVANG_KLASSEN[number][]>();
    for (const b of OMVANG_KLASSEN) per.set(`${b.eenheid}/${b.frequentie}`, [...(per.get(`${b.eenheid}/${b.frequentie}`) ?? []), b]);
    for (const [key, bands] of per) {
      const ordered = [...bands].sort((a, b) => a.van - b.van);
      expect(ordered[0]!.van, key).toBe(0);
      for (let i = 1; i < ordered.length; i++) expect(ordered[i]!.van, key).toBe(ordered[i - 1]!.tot);
      expect(ordered[ordered.length - 1]!.tot, key).toBeNull();
    }
  });
});
