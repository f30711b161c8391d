import { describe, expect, it } from 'vitest';
import {
  onderdrukLijst,
  onderdrukTabel,
  type OnderdrukteTabel,
  type OnderdrukteTelling,
  type TabelOpties,
} from '../../subgraphs/shared/onderdrukking';
import { suppress, type SuppressionRule } from '../../subgraphs/shared/suppression';
import { herleidbaar, prng, type Vergelijking } from '../support/lineaire-aanval';

const rule: SuppressionRule = { threshold: 10, rounding: 5 };

// ---------------------------------------------------------------------------------
// Test helpers, written independently of the module: the extended table, its lines, a
// differencing attacker and an exact linear-algebra audit.

/** Shorthand for a result: P / S for suppressed (by reason), the published value otherwise. */
const kort = (t: OnderdrukteTelling | null) => (t === null ? '-' : t.onderdrukt ? (t.reden === 'PRIMAIR' ? 'P' : 'S') : t.waarde);
const raster = (r: OnderdrukteTabel) => ({
  cellen: r.cellen.map((rij) => rij.map(kort)),
  rijTotalen: r.rijTotalen?.map(kort) ?? null,
  kolomTotalen: r.kolomTotalen?.map(kort) ?? null,
  totaal: kort(r.totaal),
});

/** One entry of the extended table: exact value, what was published (undefined when the margin is not published). */
interface Entry { exact: number; pub: OnderdrukteTelling | undefined }

/** The extended (R+1) x (C+1) table: row R holds column totals, column C row totals. */
function extended(cellen: number[][], res: OnderdrukteTabel): Entry[][] {
  const R = cellen.length;
  const C = cellen[0]?.length ?? 0;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rows: Entry[][] = [];
  for (let i = 0; i < R; i++) {
    rows.push([
      ...cellen[i]!.map((v, j) => ({ exact: v, pub: res.cellen[i]![j] })),
      { exact: sum(cellen[i]!), pub: res.rijTotalen?.[i] },
    ]);
  }
  const kol = Array.from({ length: C }, (_, j) => sum(cellen.map((r) => r[j]!)));
  rows.push([...kol.map((v, j) => ({ exact: v, pub: res.kolomTotalen?.[j] })), { exact: sum(kol), pub: res.totaal ?? undefined }]);
  return rows;
}

/** A relation "parts add up to total" over entries of the extended table, as [i, j] pairs. */
interface Line { parts: Array<[number, number]>; total: [number, number] }

/** Every row and column of the extended table (whether or not its entries are published). */
function allLines(R: number, C: number): Line[] {
  const lines: Line[] = [];
  for (let i = 0; i <= R; i++) lines.push({ parts: Array.from({ length: C }, (_, j) => [i, j]), total: [i, C] });
  for (let j = 0; j <= C; j++) lines.push({ parts: Array.from({ length: R }, (_, i) => [i, j]), total: [R, j] });
  return lines;
}

/** The lines whose entries are all published (suppressed or not): the caller's published lines. */
function publishedLines(ext: Entry[][]): Line[] {
  const R = ext.length - 1;
  const C = ext[0]!.length - 1;
  return allLines(R, C).filter((l) => [...l.parts, l.total].every(([i, j]) => ext[i]![j]!.pub !== undefined));
}

/**
 * The simple attacker: for every published line with exactly one unknown entry, compute it
 * as total - sum of published parts (or as the sum of the parts when the total is the
 * unknown), and repeat with what was recovered until nothing new is found.
 */
function differencingAttack(ext: Entry[][]): Map<string, number> {
  const recovered = new Map<string, number>();
  const known = ([i, j]: [number, number]) => {
    const p = ext[i]![j]!.pub!;
    return p.onderdrukt ? recovered.get(`${i},${j}`) : p.waarde!;
  };
  const lines = publishedLines(ext);
  let changed = true;
  while (changed) {
    changed = false;
    for (const l of lines) {
      const unknown = [...l.parts, l.total].filter((e) => known(e) === undefined);
      if (unknown.length !== 1) continue;
      const [u] = unknown as [[number, number]];
      const partsKnown = l.parts.filter((e) => e !== u).reduce((a, e) => a + known(e)!, 0);
      recovered.set(`${u[0]},${u[1]}`, u === l.total ? partsKnown : known(l.total)! - partsKnown);
      changed = true;
    }
  }
  return recovered;
}

/**
 * The strongest linear attacker: unknowns are the suppressed entries and the unpublished
 * margins; every row and column of the extended table is an equation. A suppressed entry
 * can be computed exactly iff its unit vector lies in the row space of the equations.
 * Returns the suppressed entries that can be computed. Gaussian elimination in floats is
 * exact here: the coefficients are -1, 0, 1 and the matrix is totally unimodular.
 */
function linearlyRecoverable(ext: Entry[][]): string[] {
  const R = ext.length - 1;
  const C = ext[0]!.length - 1;
  const waarden = new Map<string, { onderdrukt: boolean }>();
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      const p = ext[i]![j]!.pub;
      waarden.set(`${i},${j}`, { onderdrukt: p === undefined || p.onderdrukt });
    }
  }
  const eqs: Vergelijking[] = allLines(R, C).map((l) => [
    ...l.parts.map(([i, j]): [string, number] => [`${i},${j}`, 1]),
    [`${l.total[0]},${l.total[1]}`, -1],
  ]);
  // An unpublished margin being computable is no leak.
  return herleidbaar(waarden, eqs).filter((k) => {
    const [i, j] = k.split(',').map(Number) as [number, number];
    return ext[i]![j]!.pub !== undefined;
  });
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

// ---------------------------------------------------------------------------------

describe('onderdrukLijst', () => {
  const items = [
    { sleutel: 'Binnenstad', aantal: 25 },
    { sleutel: 'Heechterp', aantal: 4 },
    { sleutel: 'Huizum', aantal: 12 },
    { sleutel: 'Camminghaburen', aantal: 40 },
  ];

  it('suppresses a second cell next to one small cell, so total minus the rest does not give it away', () => {
    const r = onderdrukLijst(items, rule, { totaal: true });
    expect(r.items).toEqual([
      { sleutel: 'Binnenstad', telling: { waarde: 25, onderdrukt: false, reden: null } },
      { sleutel: 'Heechterp', telling: { waarde: null, onderdrukt: true, reden: 'PRIMAIR' } },
      // the smallest other entry of the line (12 < 25 < 40 < total 81)
      { sleutel: 'Huizum', telling: { waarde: null, onderdrukt: true, reden: 'SECUNDAIR' } },
      { sleutel: 'Camminghaburen', telling: { waarde: 40, onderdrukt: false, reden: null } },
    ]);
    // 81 rounded from the exact total, although the published cells add up to 65
    expect(r.totaal).toEqual({ waarde: 80, onderdrukt: false, reden: null });
  });

  it('is what the simple attacker beats when only primary suppression is applied', () => {
    // Sanity check of the attacker: plain suppress() per item and an exact total leak Heechterp.
    const plain = { threshold: 10, rounding: 1 };
    const naive: OnderdrukteTabel = {
      cellen: items.map((i) => [{ ...suppress(i.aantal, plain), reden: null }]),
      rijTotalen: null,
      kolomTotalen: [{ ...suppress(81, plain), reden: null }],
      totaal: null,
    };
    const ext = extended(items.map((i) => [i.aantal]), naive);
    expect(differencingAttack(ext)).toEqual(new Map([['1,0', 4]]));
    expect(linearlyRecoverable(ext)).toEqual(['1,0']);
    // ... and does not with this module, even without rounding.
    const safe = onderdrukLijst(items, plain);
    const ext2 = extended(items.map((i) => [i.aantal]), { cellen: safe.items.map((i) => [i.telling]), rijTotalen: null, kolomTotalen: [safe.totaal!], totaal: null });
    expect(differencingAttack(ext2).size).toBe(0);
    expect(linearlyRecoverable(ext2)).toEqual([]);
  });

  it('breaks ties by position and publishes a list without total with primary suppression only', () => {
    const r = onderdrukLijst([{ sleutel: 'a', aantal: 4 }, { sleutel: 'b', aantal: 12 }, { sleutel: 'c', aantal: 12 }], rule);
    expect(r.items.map((i) => kort(i.telling))).toEqual(['P', 'S', 10]);
    expect(r.totaal).toEqual({ waarde: 30, onderdrukt: false, reden: null });
    const zonder = onderdrukLijst([{ sleutel: 'a', aantal: 4 }, { sleutel: 'b', aantal: 12 }], rule, { totaal: false });
    expect(zonder.items.map((i) => kort(i.telling))).toEqual(['P', 10]);
    expect(zonder.totaal).toBeNull();
  });

  it('suppresses a total below the threshold together with its small items, and publishes zeros', () => {
    const r = onderdrukLijst([{ sleutel: 'a', aantal: 3 }, { sleutel: 'b', aantal: 0 }, { sleutel: 'c', aantal: 0 }], rule);
    expect(r.items.map((i) => kort(i.telling))).toEqual(['P', 0, 0]);
    expect(r.totaal).toEqual({ waarde: null, onderdrukt: true, reden: 'PRIMAIR' });
    expect(onderdrukLijst([], rule)).toEqual({ items: [], totaal: { waarde: 0, onderdrukt: false, reden: null } });
  });

  it('refuses duplicate keys and bad counts', () => {
    expect(() => onderdrukLijst([{ sleutel: 'a', aantal: 1 }, { sleutel: 'a', aantal: 2 }], rule)).toThrow(/duplicate/);
    expect(() => onderdrukLijst([{ sleutel: 'a', aantal: -1 }], rule)).toThrow();
    expect(() => onderdrukLijst([{ sleutel: 'a', aantal: 1.5 }], rule)).toThrow();
  });
});

describe('onderdrukTabel: hand-worked examples', () => {
  it('publishes everything, rounded, when all cells are large', () => {
    const r = onderdrukTabel([[12, 23, 31], [48, 50, 17]], rule);
    expect(raster(r)).toEqual({
      cellen: [[10, 25, 30], [50, 50, 15]],
      rijTotalen: [65, 115], // 66 and 115 exactly
      kolomTotalen: [60, 75, 50], // 60, 73, 48
      totaal: 180, // 181; the rounded cells add up to 180, the rounded row totals to 180 too, but need not
    });
    expect([...r.cellen.flat(), ...r.rijTotalen!, ...r.kolomTotalen!, r.totaal!].every((t) => t.reden === null)).toBe(true);
  });

  it('cascades: a row complement needs a column complement, which needs another row', () => {
    //   3  80  12 |  95        P  80  S | 95
    //  40  50  70 | 160   ->  40  50 70 | 160
    //  14  60  30 | 104        S  60  S | 105
    //  57 190 112 | 359       55 190 110 | 360
    const cellen = [[3, 80, 12], [40, 50, 70], [14, 60, 30]];
    const r = onderdrukTabel(cellen, rule);
    // row 0 has one suppressed cell: its smallest other entry, 12, goes; column 0 then has
    // one (3): 14 goes; column 2 has one (12): 30 goes; row 2 now holds two. Stable.
    expect(raster(r)).toEqual({
      cellen: [['P', 80, 'S'], [40, 50, 70], ['S', 60, 'S']],
      rijTotalen: [95, 160, 105],
      kolomTotalen: [55, 190, 110],
      totaal: 360,
    });
    const ext = extended(cellen, { ...r });
    expect(differencingAttack(ext).size).toBe(0);
    expect(linearlyRecoverable(ext)).toEqual([]);
  });

  it('suppresses a row total below the threshold and protects it in the line of row totals', () => {
    //   2  3  0 |   5        P  P  0 | P
    //  30 40 25 |  95   ->  30 40 25 | 95
    //  20 15 35 |  70        S  S 35 | S
    //  52 58 60 | 170       50 60 60 | 170
    const cellen = [[2, 3, 0], [30, 40, 25], [20, 15, 35]];
    const r = onderdrukTabel(cellen, rule);
    expect(raster(r)).toEqual({
      cellen: [['P', 'P', 0], [30, 40, 25], ['S', 'S', 35]],
      rijTotalen: ['P', 95, 'S'], // 70 is the smallest other row total (95, 70; grand total 170)
      kolomTotalen: [50, 60, 60],
      totaal: 170,
    });
    expect(linearlyRecoverable(extended(cellen, r))).toEqual([]);
  });

  it('protects a cell that only a combination of lines would reveal', () => {
    // Two blocks of small cells joined by the small cell (0, 2). Every line already has 0 or
    // at least 2 suppressed cells, yet with only these suppressed,
    //   (0,2) = row0 - (col0 + col1 - row1)   (each as "total minus published cells").
    const cellen = [
      [4, 5, 6, 80, 90],
      [7, 8, 70, 60, 75],
      [85, 65, 2, 3, 55],
      [95, 45, 5, 9, 35],
    ];
    const primair = (v: number) => v > 0 && v < 10;
    const exact = (v: number): OnderdrukteTelling => ({ waarde: v, onderdrukt: false, reden: null });
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const onlyPrimary: OnderdrukteTabel = {
      cellen: cellen.map((rij) => rij.map((v) => (primair(v) ? { waarde: null, onderdrukt: true, reden: 'PRIMAIR' } : exact(v)))),
      rijTotalen: cellen.map((rij) => exact(sum(rij))),
      kolomTotalen: cellen[0]!.map((_, j) => exact(sum(cellen.map((r) => r[j]!)))),
      totaal: exact(sum(cellen.flat())),
    };
    const extNaive = extended(cellen, onlyPrimary);
    expect(differencingAttack(extNaive).size).toBe(0); // the simple attacker is stuck ...
    expect(linearlyRecoverable(extNaive)).toEqual(['0,2']); // ... a combination is not
    // "total minus published cells" of a row or column
    const row = (i: number) => sum(cellen[i]!.filter(primair));
    const column = (j: number) => sum(cellen.map((r) => r[j]!).filter(primair));
    expect(row(0) - (column(0) + column(1) - row(1))).toBe(6);

    // The module adds the cheapest protecting complement: (3, 1) = 45 closes the cycle
    // (0,2) - (3,2) - (3,1) - (0,1) (cheaper than (1,2) = 70 or (0,3) = 80).
    const r = onderdrukTabel(cellen, rule);
    expect(raster(r).cellen).toEqual([
      ['P', 'P', 'P', 80, 90],
      ['P', 'P', 70, 60, 75],
      [85, 65, 'P', 'P', 55],
      [95, 'S', 'P', 'P', 35],
    ]);
    expect(linearlyRecoverable(extended(cellen, r))).toEqual([]);
  });

  it('covers the relation "all cells add up to the grand total" when only the grand total is published', () => {
    const cellen = [[3, 50], [60, 70]];
    const r = onderdrukTabel(cellen, rule, { rijTotalen: false, kolomTotalen: false, totaal: true });
    expect(raster(r)).toEqual({ cellen: [['P', 'S'], [60, 70]], rijTotalen: null, kolomTotalen: null, totaal: 185 });
    // No margins published at all: nothing to difference against, primary suppression only.
    const bare = onderdrukTabel(cellen, rule, { rijTotalen: false, kolomTotalen: false, totaal: false });
    expect(raster(bare)).toEqual({ cellen: [['P', 50], [60, 70]], rijTotalen: null, kolomTotalen: null, totaal: '-' });
  });

  it('publishes all margins by default and handles a single row', () => {
    const r = onderdrukTabel([[3, 50, 60]], rule);
    // row: 3 -> 50 goes; columns 0 and 1 (cell = column total) suppress their totals;
    // the line of column totals then holds two.
    expect(raster(r)).toEqual({ cellen: [['P', 'S', 60]], rijTotalen: [115], kolomTotalen: ['P', 'S', 60], totaal: 115 });
    expect(linearlyRecoverable(extended([[3, 50, 60]], r))).toEqual([]);
  });

  it('follows the configured threshold and rounding', () => {
    expect(raster(onderdrukTabel([[7, 12]], { threshold: 5, rounding: 1 }, { kolomTotalen: false }))).toEqual({
      cellen: [[7, 12]], rijTotalen: [19], kolomTotalen: null, totaal: 19,
    });
    // 20 is small; the row then holds one suppressed cell, so 149 (smaller than the total 169) goes too.
    expect(raster(onderdrukTabel([[149, 20]], { threshold: 50, rounding: 100 }, { kolomTotalen: false, totaal: false }))).toEqual({
      cellen: [['S', 'P']], rijTotalen: [200], kolomTotalen: null, totaal: '-',
    });
  });

  it('validates its input and does not mutate it', () => {
    expect(() => onderdrukTabel([[1, 2], [3]], rule)).toThrow(/row 1/);
    expect(() => onderdrukTabel([[1, -2]], rule)).toThrow(/non-negative integer/);
    expect(() => onderdrukTabel([[1, 2.5]], rule)).toThrow(/non-negative integer/);
    expect(() => onderdrukTabel([[1, Number.NaN]], rule)).toThrow();
    expect(() => onderdrukTabel([[1, '2' as unknown as number]], rule)).toThrow();
    expect(() => onderdrukTabel([[1]], { threshold: 10, rounding: 0 })).toThrow(/rounding/);
    expect(() => onderdrukTabel([[1]], { threshold: -1, rounding: 5 })).toThrow(/threshold/);
    const cellen = deepFreeze([[3, 80], [40, 50]]);
    expect(() => onderdrukTabel(cellen, deepFreeze({ ...rule }), deepFreeze({}))).not.toThrow();
    expect(cellen).toEqual([[3, 80], [40, 50]]);
    expect(onderdrukTabel([], rule)).toEqual({ cellen: [], rijTotalen: [], kolomTotalen: [], totaal: { waarde: 0, onderdrukt: false, reden: null } });
  });
});

// Property tests over many random tables: seconds on a quiet machine, more on a busy one.
describe('onderdrukTabel: properties over random tables', { timeout: 120_000 }, () => {
  const random = prng(20260501);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const cases: Array<{ cellen: number[][]; rule: SuppressionRule; opties: TabelOpties }> = [];
  for (let n = 0; n < 600; n++) {
    const threshold = [3, 5, 10][int(0, 2)]!;
    const rounding = [1, 5, 10][int(0, 2)]!;
    const big = n % 10 === 0;
    const R = int(1, big ? 8 : 5);
    const C = int(1, big ? 8 : 5);
    const pZero = random() * 0.4;
    const pSmall = random() * 0.5;
    const cellen = Array.from({ length: R }, () => Array.from({ length: C }, () => {
      const u = random();
      return u < pZero ? 0 : u < pZero + pSmall ? int(1, threshold - 1) : int(threshold, threshold + 60);
    }));
    const opties = n % 3 === 0 ? {} : { rijTotalen: random() < 0.75, kolomTotalen: random() < 0.75, totaal: random() < 0.75 };
    cases.push({ cellen, rule: { threshold, rounding }, opties });
  }

  it('publishes only values >= threshold or real zeros, rounded from the exact value to the base', () => {
    for (const { cellen, rule: r, opties } of cases) {
      const ext = extended(cellen, onderdrukTabel(cellen, r, opties));
      for (const { exact, pub } of ext.flat()) {
        if (pub === undefined) continue;
        if (pub.onderdrukt) {
          expect(pub.waarde).toBeNull();
          expect(exact).toBeGreaterThan(0); // a suppressed value is never a real zero
          expect(pub.reden).toBe(exact < r.threshold ? 'PRIMAIR' : 'SECUNDAIR');
        } else {
          expect(exact === 0 || exact >= r.threshold).toBe(true);
          expect(pub.reden).toBeNull();
          expect(pub.waarde! % r.rounding).toBe(0);
          expect(pub.waarde).toBe(Math.round(exact / r.rounding) * r.rounding);
        }
      }
    }
  });

  it('leaves no published line with exactly one suppressed entry', () => {
    let checked = 0;
    for (const { cellen, rule: r, opties } of cases) {
      const ext = extended(cellen, onderdrukTabel(cellen, r, opties));
      for (const l of publishedLines(ext)) {
        const suppressed = [...l.parts, l.total].filter(([i, j]) => ext[i]![j]!.pub!.onderdrukt).length;
        expect(suppressed).not.toBe(1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('is deterministic and does not mutate its input', () => {
    for (const { cellen, rule: r, opties } of cases) {
      const copy = structuredClone(cellen);
      const a = onderdrukTabel(deepFreeze(cellen), r, opties);
      const b = onderdrukTabel(copy, { ...r }, { ...opties });
      expect(b).toEqual(a);
      expect(copy).toEqual(cellen);
      const R = cellen.length;
      const C = cellen[0]!.length;
      expect(a.cellen.map((rij) => rij.length)).toEqual(new Array(R).fill(C));
      expect(a.rijTotalen?.length ?? null).toBe(opties.rijTotalen ?? true ? R : null);
      expect(a.kolomTotalen?.length ?? null).toBe(opties.kolomTotalen ?? true ? C : null);
      expect(a.totaal === null).toBe(!(opties.totaal ?? true));
    }
  });

  it('never lets the differencing attacker isolate a suppressed value, nor any linear combination of lines', () => {
    let suppressedSeen = 0;
    let secondarySeen = 0;
    for (const { cellen, rule: r, opties } of cases) {
      for (const rounding of [1, r.rounding]) {
        const res = onderdrukTabel(cellen, { ...r, rounding }, opties);
        const ext = extended(cellen, res);
        expect(differencingAttack(ext)).toEqual(new Map());
        expect(linearlyRecoverable(ext)).toEqual([]);
        const flat = ext.flat().map((e) => e.pub).filter((p) => p !== undefined);
        suppressedSeen += flat.filter((p) => p.onderdrukt).length;
        secondarySeen += flat.filter((p) => p.reden === 'SECUNDAIR').length;
      }
    }
    // the property is not vacuous
    expect(suppressedSeen).toBeGreaterThan(1000);
    expect(secondarySeen).toBeGreaterThan(500);
  });

  it('never suppresses more than needed on a table without small cells', () => {
    for (const { cellen, rule: r, opties } of cases) {
      if (cellen.flat().some((v) => v > 0 && v < r.threshold)) continue;
      const res = onderdrukTabel(cellen, r, opties);
      const all = [...res.cellen.flat(), ...(res.rijTotalen ?? []), ...(res.kolomTotalen ?? []), ...(res.totaal ? [res.totaal] : [])];
      expect(all.some((t) => t.onderdrukt)).toBe(false);
    }
  });
});

describe('verplicht: margins a linked table suppressed', () => {
  it('suppresses the forced row totals and grand total (never a 0) and keeps every suppressed value unrecoverable', () => {
    const cellen = [[20, 30], [15, 25], [0, 0], [12, 40]];
    const vrij = onderdrukTabel(cellen, rule);
    expect([...vrij.rijTotalen!, vrij.totaal!].some((t) => t.onderdrukt)).toBe(false);
    const res = onderdrukTabel(cellen, rule, { verplicht: { rijTotalen: [0, 2, 9, -1], totaal: true } });
    expect(res.rijTotalen![0]).toMatchObject({ waarde: null, onderdrukt: true, reden: 'SECUNDAIR' });
    // A true 0 stays published; indices outside the table are ignored.
    expect(res.rijTotalen![2]).toMatchObject({ waarde: 0, onderdrukt: false });
    expect(res.totaal).toMatchObject({ onderdrukt: true, reden: 'SECUNDAIR' });
    const ext = extended(cellen, res);
    expect(differencingAttack(ext)).toEqual(new Map());
    expect(linearlyRecoverable(ext)).toEqual([]);
  });
});
