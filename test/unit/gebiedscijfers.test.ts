import { describe, expect, it } from 'vitest';
import { gebiedsTabel, type GebiedsTabel, type Niveau, type WijkIndeling } from '../../subgraphs/shared/gebiedscijfers';
import type { SuppressionRule } from '../../subgraphs/shared/suppression';
import { herleidbaar, hierarchieVergelijkingen, prng } from '../support/lineaire-aanval';

const rule: SuppressionRule = { threshold: 10, rounding: 5 };

interface Hierarchie {
  wijken: WijkIndeling[];
  categorieen: string[];
  aantallen: number[][];
}

function willekeurig(seed: number): Hierarchie {
  const rnd = prng(seed);
  const G = 1 + Math.floor(rnd() * 4);
  const C = 1 + Math.floor(rnd() * 4);
  const wijken: WijkIndeling[] = [];
  for (let g = 0; g < G; g++) {
    const n = 1 + Math.floor(rnd() * 4);
    for (let w = 0; w < n; w++) wijken.push({ code: `W${g}${w}`, gebied: `G${g}` });
  }
  // Mostly small counts, so that primary and secondary suppression have work to do.
  const aantal = () => { const r = rnd(); return r < 0.25 ? 0 : r < 0.6 ? 1 + Math.floor(rnd() * 9) : 10 + Math.floor(rnd() * 40); };
  return { wijken, categorieen: Array.from({ length: C }, (_, c) => `K${c}`), aantallen: wijken.map(() => Array.from({ length: C }, aantal)) };
}

/**
 * Every value published at every level with its exact value, as variables of one linear
 * system: `${niveau}|${categorie or 'totaal'}`.
 */
function gepubliceerd(h: Hierarchie, t: GebiedsTabel, totalen: boolean) {
  const niveaus: Array<[string, Niveau, number[]]> = [];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const kolommen = (rijen: number[][]) => h.categorieen.map((_, c) => sum(rijen.map((r) => r[c]!)));
  h.wijken.forEach((w, i) => niveaus.push([`w:${w.code}`, { wijk: w.code }, h.aantallen[i]!]));
  for (const g of new Set(h.wijken.map((w) => w.gebied))) {
    niveaus.push([`g:${g}`, { gebied: g }, kolommen(h.aantallen.filter((_, i) => h.wijken[i]!.gebied === g))]);
  }
  niveaus.push(['gemeente', 'gemeente', kolommen(h.aantallen)]);
  const waarden = new Map<string, { exact: number; onderdrukt: boolean; waarde: number | null }>();
  for (const [naam, niveau, exact] of niveaus) {
    const c = t.cijfers(niveau)!;
    c.perCategorie.forEach((x, k) => waarden.set(`${naam}|${k}`, { exact: exact[k]!, ...x }));
    if (totalen) waarden.set(`${naam}|totaal`, { exact: sum(exact), ...c.totaal! });
    else expect(c.totaal).toBeNull();
  }
  return waarden;
}

describe('gebiedsTabel', { timeout: 120_000 }, () => {
  const wijken: WijkIndeling[] = [
    { code: 'A1', gebied: 'Noord' }, { code: 'A2', gebied: 'Noord' },
    { code: 'B1', gebied: 'Zuid' }, { code: 'B2', gebied: 'Zuid' },
  ];

  it('protects a small wijk cell at wijk, gebied and gemeente level', () => {
    const t = gebiedsTabel({ wijken, categorieen: ['TO', 'DB'], aantallen: [[3, 40], [30, 25], [50, 60], [45, 35]], totalen: true }, rule);
    expect(t.cijfers({ wijk: 'A1' })!.perCategorie[0]).toEqual({ waarde: null, onderdrukt: true });
    // Noord's TO (33) minus A2's TO would give A1 away, so one of them is suppressed too.
    const noordTo = t.cijfers({ gebied: 'Noord' })!.perCategorie[0]!;
    const a2To = t.cijfers({ wijk: 'A2' })!.perCategorie[0]!;
    expect(noordTo.onderdrukt || a2To.onderdrukt).toBe(true);
    // Published values are rounded; a suppressed value is never 0.
    expect(t.cijfers({ wijk: 'B1' })!.perCategorie).toEqual([{ waarde: 50, onderdrukt: false }, { waarde: 60, onderdrukt: false }]);
    expect(t.cijfers({ wijk: 'X' })).toBeUndefined();
    expect(t.cijfers({ gebied: 'X' })).toBeUndefined();
  });

  it('publishes true zeros and no totals over categories that are no partition', () => {
    const t = gebiedsTabel({ wijken, categorieen: ['TO', 'DB'], aantallen: [[0, 40], [30, 25], [50, 60], [45, 35]], totalen: false }, rule);
    expect(t.cijfers({ wijk: 'A1' })).toEqual({ perCategorie: [{ waarde: 0, onderdrukt: false }, { waarde: 40, onderdrukt: false }], totaal: null });
    expect(t.cijfers('gemeente')!.perCategorie).toEqual([{ waarde: 125, onderdrukt: false }, { waarde: 160, onderdrukt: false }]);
  });

  it('shows a provider its own category exact and unrounded, and keeps others protected against what it knows', () => {
    const aantallen = [[3, 2, 40], [31, 25, 12], [50, 60, 1], [44, 35, 20]];
    const t = gebiedsTabel({ wijken, categorieen: ['eigen', 'X', 'Y'], aantallen, totalen: true, eigen: [0] }, rule);
    expect(t.cijfers({ wijk: 'A1' })!.perCategorie[0]).toEqual({ waarde: 3, onderdrukt: false });
    expect(t.cijfers('gemeente')!.perCategorie[0]).toEqual({ waarde: 128, onderdrukt: false });
    expect(t.cijfers({ wijk: 'A1' })!.perCategorie[1]!.onderdrukt).toBe(true);
    const w = gepubliceerd({ wijken, categorieen: ['eigen', 'X', 'Y'], aantallen }, t, true);
    expect(herleidbaar(w, hierarchieVergelijkingen(wijken, 3, true))).toEqual([]);
  });

  it('publishes sums on the pattern of the counts', () => {
    const t = gebiedsTabel({ wijken, categorieen: ['HH'], aantallen: [[3], [30], [50], [45]], totalen: true }, rule);
    const uren = [[7], [60], [101], [90]];
    expect(t.sommen({ wijk: 'A1' }, uren)).toEqual({ perCategorie: [null], totaal: null });
    expect(t.sommen({ wijk: 'B1' }, uren)).toEqual({ perCategorie: [101], totaal: 101 });
    expect(t.sommen('gemeente', uren)).toEqual({ perCategorie: [258], totaal: 258 });
    expect(() => t.sommen('gemeente', [[1]])).toThrow(/one row of sums per wijk/);
  });

  it('leaves no suppressed value computable from all levels together, over random hierarchies', () => {
    let onderdrukt = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const h = willekeurig(seed);
      for (const totalen of [true, false]) {
        for (const eigen of [undefined, 0]) {
          // eigen: the first category is the caller's own (provider view).
          const t = gebiedsTabel({ ...h, totalen, eigen: eigen === undefined ? undefined : [eigen] }, rule);
          const w = gepubliceerd(h, t, totalen);
          if (eigen !== undefined) for (const [k, v] of w) if (k.endsWith('|0')) { v.onderdrukt = false; v.waarde = v.exact; }
          for (const [k, v] of w) {
            if (v.onderdrukt) { onderdrukt++; expect(v.exact, k).toBeGreaterThan(0); }
            else if (eigen === undefined || !k.endsWith('|0')) {
              // In the provider view a total includes the caller's own count: what is
              // published about the others is the total minus that.
              const anderen = eigen !== undefined && k.endsWith('|totaal') ? v.exact - w.get(k.replace('|totaal', '|0'))!.exact : v.exact;
              expect(anderen === 0 || anderen >= rule.threshold, `${seed} ${k}`).toBe(true);
            }
          }
          expect(herleidbaar(w, hierarchieVergelijkingen(h.wijken, h.categorieen.length, totalen)), `seed ${seed} totalen ${totalen} eigen ${eigen}`).toEqual([]);
        }
      }
    }
    expect(onderdrukt).toBeGreaterThan(1000);
  });
});
