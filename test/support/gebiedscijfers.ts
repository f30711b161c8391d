/**
 * Test helpers for steering figures on Wijk, Gebied and Gemeente (issue 8): fetch one
 * figure field at all three levels in one query, and check it against exact counts
 * computed independently by the test, and against the linear attacker.
 */
import { expect } from 'vitest';
import { herleidbaar, hierarchieVergelijkingen } from './lineaire-aanval';
import type { Stack } from './stack';

export type Telling = { waarde: number | null; onderdrukt: boolean };

export interface Niveaus<T> {
  gemeente: T[];
  gebieden: Map<string, T[]>;
  wijken: Map<string, T[]>;
  /** Wijk code -> gebied, in the order the API returned them. */
  indeling: Array<{ code: string; gebied: string }>;
}

/**
 * Runs `{ gemeente { <veld> gebieden { naam <veld> wijken { code gebied <veld> } } } }`
 * where <veld> is `field(args) { selection }`, and returns the figures per level.
 */
export async function haalNiveaus<T>(stack: Stack, token: string, veld: string): Promise<Niveaus<T>> {
  const res = await stack.query(`{ gemeente { x: ${veld} gebieden { naam x: ${veld} wijken { code gebied x: ${veld} } } } }`, { token });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  const g = res.body.data!.gemeente;
  const gebieden = new Map<string, T[]>();
  const wijken = new Map<string, T[]>();
  const indeling: Array<{ code: string; gebied: string }> = [];
  for (const gb of g.gebieden) {
    gebieden.set(gb.naam, gb.x);
    for (const w of gb.wijken) {
      wijken.set(w.code, w.x);
      indeling.push({ code: w.code, gebied: w.gebied });
    }
  }
  return { gemeente: g.x, gebieden, wijken, indeling };
}

/**
 * Checks one table of figures (categories, optionally with a total) at all levels:
 * every published value is the exact count rounded to `rounding`, every suppressed value
 * is a count > 0, primary suppression holds (no published value in 1..threshold-1), and no
 * suppressed value can be computed from all published values of all levels together.
 * `publiceerd(niveau)` gives the published tellingen per category (and the total last when
 * `totalen`); `exact(niveau)` the independently counted values in the same order.
 * `eigen`: a category index the caller sees exact (provider view). Returns the number of
 * suppressed values, so a test can assert that suppression was exercised.
 */
export function controleerTabel<T>(
  n: Niveaus<T>,
  opties: {
    periode: number;
    categorieen: number;
    totalen: boolean;
    publiceerd: (x: T) => Telling[];
    exact: (niveau: { wijk: string } | { gebied: string } | 'gemeente') => number[];
    threshold: number;
    rounding: number;
    eigen?: number;
  },
): number {
  const waarden = new Map<string, { onderdrukt: boolean }>();
  let onderdrukt = 0;
  const kolommen = opties.totalen ? opties.categorieen + 1 : opties.categorieen;
  const bekijk = (naam: string, niveau: { wijk: string } | { gebied: string } | 'gemeente', x: T[]) => {
    const pub = opties.publiceerd(x[opties.periode]!);
    const ex = opties.exact(niveau);
    expect(pub.length, naam).toBe(kolommen);
    expect(ex.length, naam).toBe(kolommen);
    pub.forEach((t, k) => {
      const key = `${naam}|${opties.totalen && k === opties.categorieen ? 'totaal' : k}`;
      const bekend = k === opties.eigen;
      if (t.onderdrukt) {
        expect(t.waarde, key).toBeNull();
        expect(ex[k]!, `${key}: a suppressed value is never 0`).toBeGreaterThan(0);
        expect(bekend, `${key}: the caller's own category is never suppressed`).toBe(false);
        onderdrukt++;
      } else if (bekend) {
        expect(t.waarde, key).toBe(ex[k]);
      } else {
        expect(t.waarde, key).toBe(Math.round(ex[k]! / opties.rounding) * opties.rounding);
        if (opties.eigen === undefined) expect(ex[k] === 0 || ex[k]! >= opties.threshold, `${key}: primary suppression (${ex[k]})`).toBe(true);
      }
      waarden.set(key, { onderdrukt: t.onderdrukt && !bekend });
    });
  };
  for (const w of n.indeling) bekijk(`w:${w.code}`, { wijk: w.code }, n.wijken.get(w.code)!);
  for (const [g, x] of n.gebieden) bekijk(`g:${g}`, { gebied: g }, x);
  bekijk('gemeente', 'gemeente', n.gemeente);
  expect(herleidbaar(waarden, hierarchieVergelijkingen(n.indeling, opties.categorieen, opties.totalen))).toEqual([]);
  return onderdrukt;
}

/** Sums exact values per wijk into the gebied and gemeente levels. */
export function opteller(indeling: ReadonlyArray<{ code: string; gebied: string }>, perWijk: (code: string) => number[]) {
  const som = (rijen: number[][]) => rijen.reduce((a, r) => a.map((x, k) => x + r[k]!), rijen[0]!.map(() => 0));
  return (niveau: { wijk: string } | { gebied: string } | 'gemeente'): number[] => {
    if (niveau === 'gemeente') return som(indeling.map((w) => perWijk(w.code)));
    if ('gebied' in niveau) return som(indeling.filter((w) => w.gebied === niveau.gebied).map((w) => perWijk(w.code)));
    return perWijk(niveau.wijk);
  };
}

/**
 * One published count against its exact value: published means the exact value rounded
 * (and 0 or at least the threshold); suppressed means a count above 0.
 */
export function klopt(t: Telling, exact: number, opties: { threshold: number; rounding: number }, label = '') {
  if (t.onderdrukt) {
    expect(t.waarde, label).toBeNull();
    expect(exact, `${label}: a suppressed value is never 0`).toBeGreaterThan(0);
  } else {
    expect(t.waarde, label).toBe(Math.round(exact / opties.rounding) * opties.rounding);
    expect(exact === 0 || exact >= opties.threshold, `${label}: primary suppression (${exact})`).toBe(true);
  }
}
