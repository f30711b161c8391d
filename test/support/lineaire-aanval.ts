/**
 * An exact linear attacker on published figures, independent of the suppression code:
 * variables are published values (suppressed or not), equations are "parts add up to a
 * total". Used by unit tests on random tables and by integration tests on seed data.
 * Variable names for a wijk / gebied / gemeente hierarchy: `w:<code>|<k>`, `g:<gebied>|<k>`,
 * `gemeente|<k>`, with k a category index or `totaal`.
 */

/** Coefficients of one equation (sum of coefficient x variable = 0). */
export type Vergelijking = Array<[variabele: string, coefficient: number]>;

/** Every "parts add up to total" relation of the hierarchy, as lists of [variable, coefficient]. */
export function hierarchieVergelijkingen(wijken: ReadonlyArray<{ code: string; gebied: string }>, categorieen: number, totalen: boolean): Vergelijking[] {
  const eqs: Vergelijking[] = [];
  const gebieden = [...new Set(wijken.map((w) => w.gebied))];
  const ks = Array.from({ length: categorieen }, (_, k) => String(k));
  const rijen = [...wijken.map((w) => `w:${w.code}`), ...gebieden.map((g) => `g:${g}`), 'gemeente'];
  if (totalen) for (const r of rijen) eqs.push([...ks.map((k): [string, number] => [`${r}|${k}`, 1]), [`${r}|totaal`, -1]]);
  const kol = totalen ? [...ks, 'totaal'] : ks;
  for (const k of kol) {
    for (const g of gebieden) {
      eqs.push([...wijken.filter((w) => w.gebied === g).map((w): [string, number] => [`w:${w.code}|${k}`, 1]), [`g:${g}|${k}`, -1]]);
    }
    eqs.push([...gebieden.map((g): [string, number] => [`g:${g}|${k}`, 1]), [`gemeente|${k}`, -1]]);
  }
  return eqs;
}

/**
 * The strongest linear attacker: unknowns are the suppressed values, every relation an
 * equation; a suppressed value can be computed iff its unit vector is in the row space.
 * Coefficients are -1, 0, 1, so floats with a tolerance are exact enough.
 */
export function herleidbaar(waarden: ReadonlyMap<string, { onderdrukt: boolean }>, eqs: readonly Vergelijking[]): string[] {
  const unknowns = [...waarden].filter(([, v]) => v.onderdrukt).map(([k]) => k);
  const col = new Map(unknowns.map((u, i) => [u, i]));
  const n = unknowns.length;
  const M = eqs.map((eq) => {
    const row = new Array<number>(n).fill(0);
    for (const [v, c] of eq) { const k = col.get(v); if (k !== undefined) row[k] = row[k]! + c; }
    return row;
  }).filter((r) => r.some((x) => x !== 0));
  const pivots: Array<[number, number]> = [];
  let r = 0;
  for (let c = 0; c < n && r < M.length; c++) {
    const p = M.findIndex((row, k) => k >= r && Math.abs(row[c]!) > 1e-9);
    if (p < 0) continue;
    [M[r], M[p]] = [M[p]!, M[r]!];
    const piv = M[r]![c]!;
    M[r] = M[r]!.map((x) => x / piv);
    for (let k = 0; k < M.length; k++) {
      if (k === r || Math.abs(M[k]![c]!) < 1e-9) continue;
      const f = M[k]![c]!;
      M[k] = M[k]!.map((x, q) => x - f * M[r]![q]!);
    }
    pivots.push([r, c]);
    r++;
  }
  return unknowns.filter((_, k) => {
    const v = new Array<number>(n).fill(0);
    v[k] = 1;
    for (const [pr, pc] of pivots) {
      const f = v[pc]!;
      if (Math.abs(f) > 1e-9) for (let q = 0; q < n; q++) v[q] = v[q]! - f * M[pr]![q]!;
    }
    return v.every((x) => Math.abs(x) < 1e-9);
  });
}


/** Deterministic PRNG (mulberry32), for random tables in tests. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
