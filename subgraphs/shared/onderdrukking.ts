/**
 * Primary and secondary small-cell suppression for a published table of counts
 * (rows x columns, e.g. wijken x producten) and its margins, so that a suppressed
 * count cannot be recovered from the published totals (domain.md, "Publishing
 * aggregates"). Pure: no I/O, inputs are not mutated, the output is deterministic.
 *
 * The table is treated as an extended (R+1) x (C+1) table: the cells, a column of row
 * totals, a row of column totals and the grand total in the corner. The module
 * computes every margin itself as the exact sum of the cells. Each row and each column
 * of that extended table is a "line": its parts add up to its total.
 *
 * Rules, in order:
 *
 * 1. Primary (reden PRIMAIR): a published cell or margin with 0 < count < threshold.
 *
 * 2. Zeros. A true 0 is published as 0 and never suppressed, neither primarily nor as
 *    a complement. Reasons: a 0 says something about nobody; suppressing zeros wipes
 *    out sparse tables (most wijk x aanbieder combinations are empty) and forces many
 *    secondary suppressions; and because zeros are published, a suppressed 0 would not
 *    protect anything (an attacker knows a suppressed entry is then never 0, so a
 *    "complement" that is really 0 gives the primary cell away). Therefore a suppressed
 *    value is never 0 and a published 0 is always a real 0. Consequences, accepted and
 *    documented: (a) a published 0 can still tell something about a group, e.g. a row
 *    [3, 0, 0] shows that the suppressed cell equals the suppressed row total (all
 *    clients of that wijk have that product) without showing the number; (b) an attacker
 *    knows every suppressed entry is >= 1. Note the difference with suppress() in
 *    ./suppression.ts, which also suppresses a single 0 on its own.
 *
 * 3. Secondary (reden SECUNDAIR), the line rule: every published line (each row with
 *    its published row total, each column with its published column total, the column
 *    totals against the grand total, the row totals against the grand total) must not
 *    hold exactly one suppressed entry; a suppressed margin counts as an entry of its
 *    line. Where it does, the smallest other published entry of that line with a value
 *    above 0 is suppressed as well (ties: the first by position, parts before the total).
 *    Lines are swept in a fixed order (rows top to bottom, columns left to right, the
 *    line of column totals, the line of row totals) until a full sweep changes nothing.
 *
 * 4. Secondary, combined lines. The line rule alone is not enough: lines can be
 *    combined (added and subtracted), and a suppressed entry that connects two
 *    separately protected groups can then be computed exactly (for example row 0 minus
 *    rows 1 and column sums of a 2x2 block). An entry is recoverable from the published
 *    totals exactly when it lies on no cycle of unknown entries (it is a "bridge" in the
 *    bipartite graph of extended rows and columns whose edges are the suppressed and the
 *    unpublished entries). After the line rule is stable, the first such suppressed
 *    entry (row-major) is put on a cycle by suppressing the cheapest chain of published
 *    non-zero entries (least total count, Dijkstra with fixed tie-breaks), then the line
 *    rule and this check run again until no suppressed entry is recoverable. Margins the
 *    caller does not publish (opties false) are unknowns to the attacker and take part
 *    in such cycles; the relations they hide (e.g. "all cells add up to the published
 *    grand total", or "row totals and column totals have the same sum") are covered by
 *    this check.
 *
 * 5. Rounding: each published value (cell or margin) is rounded to a multiple of
 *    rule.rounding with Math.round, as suppress() does; a margin is rounded from its
 *    exact value, not summed from rounded cells, so published cells need not add up to
 *    the published total.
 *
 * What this guarantees: no suppressed value can be computed exactly from the published
 * values of this table by linear combinations of its lines (differencing). What it does
 * not guarantee, so mind it when publishing:
 * - A protection interval. Bounds narrow the range of a suppressed value: e.g. without
 *   rounding, two suppressed cells of one line adding up to 2 are both 1 (zeros are
 *   published, so each is >= 1). Rounding (base 5) blurs such sums.
 * - The reden field is for audit and tests only. Do not publish it: knowing that a cell
 *   is SECUNDAIR tells that it is >= threshold, and a PRIMAIR cell plus a SECUNDAIR cell
 *   adding up to threshold + 1 then pins the PRIMAIR cell to 1. The GraphQL type
 *   Telling exposes only waarde and onderdrukt.
 * - Other publications. The protection covers this table and the margins asked for in
 *   opties. Publish margins only from this result (not through suppress() or a separate
 *   query), do not publish a margin you opted out of, and mind other tables that share
 *   cells or totals with this one (linked tables are not protected together).
 */
import type { SuppressionRule, Telling } from './suppression';

export type Reden = 'PRIMAIR' | 'SECUNDAIR';

/** A published count: waarde null exactly when onderdrukt; reden says why (null when published). */
export interface OnderdrukteTelling extends Telling {
  reden: Reden | null;
}

/** Which margins the caller publishes; each defaults to true (the safe assumption). */
export interface TabelOpties {
  rijTotalen?: boolean;
  kolomTotalen?: boolean;
  totaal?: boolean;
  /**
   * Margins that must be suppressed whatever their value (reden SECUNDAIR when > 0;
   * a 0 stays published, rule 2), e.g. because a linked table that publishes the same
   * margins suppressed them: the caller iterates until both agree. `cellen` does the
   * same for cells given as [row, column] (a cell of this table that is a margin of
   * another, e.g. a gebied total of a table of its wijken).
   */
  verplicht?: { rijTotalen?: readonly number[]; totaal?: boolean; cellen?: ReadonlyArray<readonly [number, number]> };
}

export interface OnderdrukteTabel {
  /** Same shape as the input cells. */
  cellen: OnderdrukteTelling[][];
  /** One per row; null when rijTotalen is false. */
  rijTotalen: OnderdrukteTelling[] | null;
  /** One per column; null when kolomTotalen is false. */
  kolomTotalen: OnderdrukteTelling[] | null;
  /** Null when totaal is false. */
  totaal: OnderdrukteTelling | null;
}

export interface LijstItem {
  sleutel: string;
  aantal: number;
}

export interface OnderdrukteLijst {
  /** In input order. */
  items: Array<{ sleutel: string; telling: OnderdrukteTelling }>;
  /** Null when totaal is false. */
  totaal: OnderdrukteTelling | null;
}

/**
 * Suppresses a table of counts (rows x columns; either may have size 1) with the margins
 * it publishes. Throws on a ragged table, a count that is not a non-negative integer or
 * an invalid rule.
 */
export function onderdrukTabel(
  cellen: readonly (readonly number[])[],
  rule: SuppressionRule,
  opties: TabelOpties = {},
): OnderdrukteTabel {
  if (!Array.isArray(cellen)) throw new Error('onderdrukTabel expects an array of rows');
  const first = cellen[0];
  return onderdruk(cellen, Array.isArray(first) ? first.length : 0, rule, opties);
}

/**
 * Suppresses a keyed list of counts with (by default) its published total, e.g. clients
 * per wijk. Keys must be unique. The list is a table with one column whose column total
 * is the list total.
 */
export function onderdrukLijst(
  items: readonly LijstItem[],
  rule: SuppressionRule,
  opties: { totaal?: boolean } = {},
): OnderdrukteLijst {
  if (!Array.isArray(items)) throw new Error('onderdrukLijst expects an array of items');
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item?.sleutel !== 'string') throw new Error('onderdrukLijst expects a string sleutel per item');
    if (seen.has(item.sleutel)) throw new Error(`onderdrukLijst: duplicate sleutel ${JSON.stringify(item.sleutel)}`);
    seen.add(item.sleutel);
  }
  const totaal = opties.totaal ?? true;
  const t = onderdruk(items.map((i) => [i.aantal]), 1, rule, { rijTotalen: false, kolomTotalen: totaal, totaal: false });
  return {
    items: items.map((item, i) => ({ sleutel: item.sleutel, telling: t.cellen[i]![0]! })),
    totaal: totaal ? t.kolomTotalen![0]! : null,
  };
}

/**
 * Suppresses several lists that break down the same total (e.g. waiting times per
 * product, per provider and per wijk over the same toewijzingen), so that combining them
 * gives no suppressed item away. Each list is protected as if the common total were
 * published; a total suppressed in one list is suppressed in all, until they agree (a
 * list whose items alone would give that total away then suppresses one more item).
 * Returns the items of each list in input order; the total itself is not returned.
 */
export function onderdrukLijstenMetGedeeldTotaal(lijsten: readonly (readonly number[])[], rule: SuppressionRule): OnderdrukteTelling[][] {
  const som = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  if (new Set(lijsten.map(som)).size > 1) throw new Error('onderdrukLijstenMetGedeeldTotaal: the lists do not add up to one total');
  let totaalVerplicht = false;
  for (;;) {
    const tabellen = lijsten.map((items) => onderdrukTabel([items], rule, {
      rijTotalen: true, kolomTotalen: false, totaal: false, verplicht: { rijTotalen: totaalVerplicht ? [0] : [] },
    }));
    const onderdrukt = tabellen.some((t) => t.rijTotalen![0]!.onderdrukt);
    if (onderdrukt === totaalVerplicht) return tabellen.map((t) => t.cellen[0]!);
    totaalVerplicht = true;
  }
}

// ---------------------------------------------------------------------------------
// Implementation. Entry (i, j) of the extended table, 0 <= i <= R, 0 <= j <= C, has
// index i * (C + 1) + j; row i = R holds the column totals, column j = C the row totals.
// In the graph, row i is node i and column j is node R + 1 + j; entry (i, j) is the edge
// between them.

function onderdruk(
  cellen: readonly (readonly number[])[],
  C: number,
  rule: SuppressionRule,
  opties: TabelOpties,
): OnderdrukteTabel {
  validateRule(rule);
  const R = cellen.length;
  const W = C + 1;
  const rijTotalen = opties.rijTotalen ?? true;
  const kolomTotalen = opties.kolomTotalen ?? true;
  const totaal = opties.totaal ?? true;

  const waarde = new Array<number>((R + 1) * W).fill(0);
  for (let i = 0; i < R; i++) {
    const rij = cellen[i];
    if (!Array.isArray(rij)) throw new Error(`onderdrukTabel: row ${i} is not an array`);
    if (rij.length !== C) throw new Error(`onderdrukTabel: row ${i} has ${rij.length} cells, expected ${C}`);
    for (let j = 0; j < C; j++) {
      const v = rij[j];
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
        throw new Error(`onderdrukTabel: cell (${i}, ${j}) is not a non-negative integer count`);
      }
      waarde[i * W + j] = v;
      waarde[i * W + C] = waarde[i * W + C]! + v;
      waarde[R * W + j] = waarde[R * W + j]! + v;
      waarde[R * W + C] = waarde[R * W + C]! + v;
    }
  }
  if (!Number.isSafeInteger(waarde[R * W + C])) throw new Error('onderdrukTabel: the grand total is too large');

  // Unpublished margins: unknown to an attacker, never suppressed, never returned.
  const verborgen = new Array<boolean>((R + 1) * W).fill(false);
  for (let i = 0; i < R; i++) verborgen[i * W + C] = !rijTotalen;
  for (let j = 0; j < C; j++) verborgen[R * W + j] = !kolomTotalen;
  verborgen[R * W + C] = !totaal;

  const reden = new Array<Reden | null>((R + 1) * W).fill(null);
  for (let e = 0; e < reden.length; e++) {
    const v = waarde[e]!;
    if (!verborgen[e] && v > 0 && v < rule.threshold) reden[e] = 'PRIMAIR';
  }

  const binnen = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n < max;
  const verplicht = [
    ...(opties.verplicht?.rijTotalen ?? []).filter((i) => binnen(i, R)).map((i) => i * W + C),
    ...(opties.verplicht?.cellen ?? []).filter(([i, j]) => binnen(i, R) && binnen(j, C)).map(([i, j]) => i * W + j),
    ...(opties.verplicht?.totaal ? [R * W + C] : []),
  ];
  for (const e of verplicht) {
    if (!verborgen[e] && reden[e] === null && waarde[e]! > 0) reden[e] = 'SECUNDAIR';
  }

  const lijnen = publishedLines(R, C, rijTotalen, kolomTotalen, totaal);
  for (;;) {
    applyLineRule(lijnen, waarde, reden);
    const brug = firstRecoverable(R, C, verborgen, reden);
    if (brug === null) break;
    protect(brug, R, C, waarde, verborgen, reden);
  }

  const telling = (e: number): OnderdrukteTelling =>
    reden[e] !== null
      ? { waarde: null, onderdrukt: true, reden: reden[e]! }
      : { waarde: Math.round(waarde[e]! / rule.rounding) * rule.rounding, onderdrukt: false, reden: null };
  const range = (n: number) => Array.from({ length: n }, (_, k) => k);
  return {
    cellen: range(R).map((i) => range(C).map((j) => telling(i * W + j))),
    rijTotalen: rijTotalen ? range(R).map((i) => telling(i * W + C)) : null,
    kolomTotalen: kolomTotalen ? range(C).map((j) => telling(R * W + j)) : null,
    totaal: totaal ? telling(R * W + C) : null,
  };
}

function validateRule(rule: SuppressionRule): void {
  if (!rule || !Number.isSafeInteger(rule.threshold) || rule.threshold < 0) {
    throw new Error('onderdrukking: threshold must be a non-negative integer');
  }
  if (!Number.isSafeInteger(rule.rounding) || rule.rounding < 1) {
    throw new Error('onderdrukking: rounding must be a positive integer');
  }
}

/** The published lines as entry indices in position order (parts, then the total), in sweep order. */
function publishedLines(R: number, C: number, rij: boolean, kolom: boolean, totaal: boolean): number[][] {
  const W = C + 1;
  const lijnen: number[][] = [];
  const line = (n: number, at: (k: number) => number) => Array.from({ length: n + 1 }, (_, k) => at(k));
  if (rij) for (let i = 0; i < R; i++) lijnen.push(line(C, (j) => i * W + j));
  if (kolom) for (let j = 0; j < C; j++) lijnen.push(line(R, (i) => i * W + j));
  if (kolom && totaal) lijnen.push(line(C, (j) => R * W + j));
  if (rij && totaal) lijnen.push(line(R, (i) => i * W + C));
  return lijnen;
}

/** Rule 3: sweeps the lines until none holds exactly one suppressed entry. */
function applyLineRule(lijnen: number[][], waarde: number[], reden: (Reden | null)[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const lijn of lijnen) {
      if (lijn.filter((e) => reden[e] !== null).length !== 1) continue;
      let keuze = -1;
      for (const e of lijn) {
        if (reden[e] === null && waarde[e]! > 0 && (keuze < 0 || waarde[e]! < waarde[keuze]!)) keuze = e;
      }
      // Cannot happen: the single suppressed entry is > 0, so its total (or, if it is the
      // total, one of its parts) is a published entry > 0.
      if (keuze < 0) throw new Error('onderdrukking: no complement available in a line');
      reden[keuze] = 'SECUNDAIR';
      changed = true;
    }
  }
}

/**
 * Rule 4: the first (row-major) suppressed entry that is a bridge of the graph of unknown
 * entries (suppressed or unpublished), i.e. that can be computed from the published lines;
 * null when there is none. Iterative Tarjan bridge search.
 */
function firstRecoverable(R: number, C: number, verborgen: boolean[], reden: (Reden | null)[]): number | null {
  const W = C + 1;
  const V = R + 1 + W;
  const adj: Array<Array<[node: number, entry: number]>> = Array.from({ length: V }, () => []);
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      const e = i * W + j;
      if (reden[e] === null && !verborgen[e]) continue;
      adj[i]!.push([R + 1 + j, e]);
      adj[R + 1 + j]!.push([i, e]);
    }
  }
  const disc = new Array<number>(V).fill(-1);
  const low = new Array<number>(V).fill(0);
  let tijd = 0;
  let first: number | null = null;
  for (let s = 0; s < V; s++) {
    if (disc[s] !== -1) continue;
    disc[s] = low[s] = tijd++;
    const stack: Array<{ node: number; via: number; next: number }> = [{ node: s, via: -1, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const buren = adj[top.node]!;
      if (top.next < buren.length) {
        const [to, e] = buren[top.next++]!;
        if (e === top.via) continue;
        if (disc[to] === -1) {
          disc[to] = low[to] = tijd++;
          stack.push({ node: to, via: e, next: 0 });
        } else {
          low[top.node] = Math.min(low[top.node]!, disc[to]!);
        }
      } else {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent === undefined) continue;
        low[parent.node] = Math.min(low[parent.node]!, low[top.node]!);
        if (low[top.node]! > disc[parent.node]! && reden[top.via] !== null && !verborgen[top.via]) {
          if (first === null || top.via < first) first = top.via;
        }
      }
    }
  }
  return first;
}

/**
 * Puts the recoverable entry `brug` on a cycle: the cheapest path between its row and its
 * column that avoids it, where unknown entries cost 0 and published entries cost their
 * count; published zeros are not used (rule 2). The published entries on it become
 * SECUNDAIR. O(V^2) Dijkstra on the complete bipartite graph; ties go to the lowest node.
 */
function protect(brug: number, R: number, C: number, waarde: number[], verborgen: boolean[], reden: (Reden | null)[]): void {
  const W = C + 1;
  const V = R + 1 + W;
  const bron = Math.floor(brug / W);
  const doel = R + 1 + (brug % W);
  const afstand = new Array<number>(V).fill(Infinity);
  const via = new Array<number>(V).fill(-1);
  const klaar = new Array<boolean>(V).fill(false);
  afstand[bron] = 0;
  for (;;) {
    let u = -1;
    for (let n = 0; n < V; n++) if (!klaar[n] && afstand[n]! < Infinity && (u < 0 || afstand[n]! < afstand[u]!)) u = n;
    if (u < 0) throw new Error('onderdrukking: no way to protect a suppressed entry'); // cannot happen, see below
    if (u === doel) break;
    klaar[u] = true;
    const rijKant = u <= R;
    for (let k = 0; k < (rijKant ? W : R + 1); k++) {
      const e = rijKant ? u * W + k : k * W + (u - R - 1);
      if (e === brug) continue;
      const onbekend = reden[e] !== null || verborgen[e];
      if (!onbekend && waarde[e] === 0) continue;
      const n = rijKant ? R + 1 + k : k;
      const d = afstand[u]! + (onbekend ? 0 : waarde[e]!);
      if (d < afstand[n]!) {
        afstand[n] = d;
        via[n] = e;
      }
    }
  }
  // A path always exists: the suppressed entry is > 0, so the other corners of the
  // rectangle it forms with its row total, column total and grand total are > 0 too.
  for (let n = doel; n !== bron;) {
    const e = via[n]!;
    if (reden[e] === null && !verborgen[e]) reden[e] = 'SECUNDAIR';
    const i = Math.floor(e / W);
    n = n === i ? R + 1 + (e % W) : i;
  }
}
