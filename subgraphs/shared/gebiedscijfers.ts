/**
 * Figures per wijk, per gebied and for the whole gemeente from one table of counts per
 * wijk and category (e.g. clients per soort), suppressed together, so that no
 * suppressed value can be computed from the published ones at any level (domain.md,
 * "Publishing aggregates"). Pure: the caller computes the counts in one SQL statement.
 *
 * The hierarchy wijk < gebied < gemeente is published as linked two-way tables, each
 * suppressed with onderdrukTabel:
 *  - G: gebieden x categorieen, whose column totals are the gemeente per category and,
 *    when the categories partition the counted units (`totalen`), whose row totals are
 *    the gebied totals and whose grand total is the gemeente total;
 *  - per gebied g, T_g: categorieen x wijken of g, whose row totals are row g of G, whose
 *    column totals are the wijk totals and whose grand total is the gebied total.
 * A shared value suppressed in one table is forced in the other (`verplicht`) until both
 * agree. Suppression only grows, so the loop ends.
 *
 * Without `totalen` (a resident can count in two categories, e.g. two soorten) no total
 * over categories is published; publish the distinct count as its own table with one
 * category.
 *
 * Provider view (`eigen`): the caller's own categories are known exactly to it. The
 * tables are suppressed without them, so what the caller knows adds no equation; its own
 * categories are published exact and unrounded, and a total takes its suppression from
 * the table of the others and its value (rounded) from the full count.
 *
 * Linked tables are checked per table, with shared values kept consistent; that is not
 * a proof for every combination of equations, so test/unit/gebiedscijfers.test.ts runs
 * an exact linear audit over all levels on random hierarchies.
 */
import { onderdrukTabel, type OnderdrukteTabel } from './onderdrukking';
import type { SuppressionRule, Telling } from './suppression';

export interface WijkIndeling {
  code: string;
  gebied: string;
}

export interface GebiedsTabelInvoer {
  /** Every wijk of the gemeente (also those without counts), in a fixed order. */
  wijken: readonly WijkIndeling[];
  categorieen: readonly string[];
  /** aantallen[w][c]: the count of wijk w in category c (non-negative integers). */
  aantallen: readonly (readonly number[])[];
  /** True when the categories partition the counted units, so totals are sums. */
  totalen: boolean;
  /** Indices of the caller's own categories (provider view); none when empty or undefined. */
  eigen?: readonly number[];
}

/** The published figures of one wijk, gebied or the gemeente. */
export interface Cijfers {
  perCategorie: Telling[];
  /** Null when the categories are no partition (`totalen` false). */
  totaal: Telling | null;
}

/** A sum (hours, euros) published where its count is; null where the count is suppressed. */
export interface Sommen {
  perCategorie: Array<number | null>;
  totaal: number | null;
}

export type Niveau = { wijk: string } | { gebied: string } | 'gemeente';

export interface GebiedsTabel {
  readonly categorieen: readonly string[];
  readonly gebieden: readonly string[];
  /** Undefined for an unknown wijk or gebied. */
  cijfers(niveau: Niveau): Cijfers | undefined;
  /**
   * A sum per wijk and category (same shape as the counts), published on the pattern of
   * the counts: a suppressed count hides its sum, so the sums are as protected as the
   * counts. Values are exact; round them in the caller if needed.
   */
  sommen(niveau: Niveau, perWijk: readonly (readonly number[])[]): Sommen | undefined;
}

/** Suppresses a wijk x category table at wijk, gebied and gemeente level together. */
export function gebiedsTabel(invoer: GebiedsTabelInvoer, rule: SuppressionRule): GebiedsTabel {
  const { wijken, categorieen, aantallen, totalen } = invoer;
  if (aantallen.length !== wijken.length) throw new Error('gebiedsTabel: one row of counts per wijk expected');
  const C = categorieen.length;
  const eigen = new Set((invoer.eigen ?? []).filter((c) => Number.isInteger(c) && c >= 0 && c < C));
  const andere = categorieen.map((_, c) => c).filter((c) => !eigen.has(c));

  const gebieden = [...new Set(wijken.map((w) => w.gebied))];
  const wijkenPerGebied = gebieden.map((g) => wijken.map((w, i) => (w.gebied === g ? i : -1)).filter((i) => i >= 0));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const optellen = (rijen: readonly (readonly number[])[]) => Array.from({ length: C }, (_, c) => sum(rijen.map((r) => r[c] ?? 0)));
  const perGebied = wijkenPerGebied.map((ws) => optellen(ws.map((w) => aantallen[w]!)));

  // Suppression is decided on the categories other than the caller's own.
  const zonderEigen = (rij: readonly number[]) => andere.map((c) => rij[c]!);
  let verplichtG: Array<[number, number]> = [];
  let verplichtGRij: number[] = [];
  let G: OnderdrukteTabel | null = null;
  let T: Array<OnderdrukteTabel | null> = [];
  if (andere.length > 0) {
    for (;;) {
      G = onderdrukTabel(perGebied.map(zonderEigen), rule, {
        rijTotalen: totalen, kolomTotalen: true, totaal: totalen,
        verplicht: { cellen: verplichtG, rijTotalen: verplichtGRij },
      });
      const g0 = G;
      T = wijkenPerGebied.map((ws, g) => (ws.length === 0 ? null : onderdrukTabel(
        andere.map((c) => ws.map((w) => aantallen[w]![c]!)),
        rule,
        {
          rijTotalen: true, kolomTotalen: totalen, totaal: totalen,
          verplicht: {
            rijTotalen: andere.map((_, k) => k).filter((k) => g0.cellen[g]![k]!.onderdrukt),
            totaal: totalen && g0.rijTotalen![g]!.onderdrukt,
          },
        },
      )));
      const nieuwCellen: Array<[number, number]> = [];
      const nieuwRijen: number[] = [];
      T.forEach((t, g) => {
        if (!t) return;
        t.rijTotalen!.forEach((x, k) => { if (x.onderdrukt && !g0.cellen[g]![k]!.onderdrukt) nieuwCellen.push([g, k]); });
        if (totalen && t.totaal!.onderdrukt && !g0.rijTotalen![g]!.onderdrukt) nieuwRijen.push(g);
      });
      if (nieuwCellen.length === 0 && nieuwRijen.length === 0) break;
      verplichtG = [...verplichtG, ...nieuwCellen];
      verplichtGRij = [...verplichtGRij, ...nieuwRijen];
    }
  }

  const rond = (n: number): Telling => ({ waarde: Math.round(n / rule.rounding) * rule.rounding, onderdrukt: false });
  const exact = (n: number): Telling => ({ waarde: n, onderdrukt: false });
  const verborgen: Telling = { waarde: null, onderdrukt: true };
  // `geheim(c)` says whether category c (full index) is suppressed at a position;
  // `geheimTotaal` the total there. Values come from the exact counts.
  const publiceer = (exacteRij: readonly number[], geheim: (k: number) => boolean, geheimTotaal: boolean): Cijfers => ({
    perCategorie: categorieen.map((_, c) => {
      if (eigen.has(c)) return exact(exacteRij[c]!);
      return geheim(andere.indexOf(c)) ? verborgen : rond(exacteRij[c]!);
    }),
    totaal: totalen ? (geheimTotaal ? verborgen : rond(sum(exacteRij))) : null,
  });

  const wijkIndex = new Map(wijken.map((w, i) => [w.code, i]));
  const gebiedIndex = new Map(gebieden.map((g, i) => [g, i]));
  const patroon = (niveau: Niveau): { geheim: (k: number) => boolean; geheimTotaal: boolean } | undefined => {
    if (niveau === 'gemeente') {
      return { geheim: (k) => G?.kolomTotalen![k]!.onderdrukt ?? false, geheimTotaal: totalen && (G?.totaal?.onderdrukt ?? false) };
    }
    if ('gebied' in niveau) {
      const g = gebiedIndex.get(niveau.gebied);
      if (g === undefined) return undefined;
      return { geheim: (k) => G?.cellen[g]![k]!.onderdrukt ?? false, geheimTotaal: totalen && (G?.rijTotalen?.[g]!.onderdrukt ?? false) };
    }
    const w = wijkIndex.get(niveau.wijk);
    if (w === undefined) return undefined;
    const g = gebiedIndex.get(wijken[w]!.gebied)!;
    const kolom = wijkenPerGebied[g]!.indexOf(w);
    const t = T[g] ?? null;
    return { geheim: (k) => t?.cellen[k]![kolom]!.onderdrukt ?? false, geheimTotaal: totalen && (t?.kolomTotalen?.[kolom]!.onderdrukt ?? false) };
  };
  const exacteRij = (niveau: Niveau, perWijk: readonly (readonly number[])[]): number[] => {
    if (niveau === 'gemeente') return optellen(perWijk);
    if ('gebied' in niveau) return optellen(wijkenPerGebied[gebiedIndex.get(niveau.gebied)!]!.map((w) => perWijk[w]!));
    return [...perWijk[wijkIndex.get(niveau.wijk)!]!];
  };

  return {
    categorieen,
    gebieden,
    cijfers(niveau) {
      const p = patroon(niveau);
      return p && publiceer(exacteRij(niveau, aantallen), p.geheim, p.geheimTotaal);
    },
    sommen(niveau, perWijk) {
      if (perWijk.length !== wijken.length) throw new Error('gebiedsTabel.sommen: one row of sums per wijk expected');
      const p = patroon(niveau);
      if (!p) return undefined;
      const rij = exacteRij(niveau, perWijk);
      return {
        perCategorie: categorieen.map((_, c) => (!eigen.has(c) && p.geheim(andere.indexOf(c)) ? null : rij[c]!)),
        totaal: !totalen || p.geheimTotaal ? null : sum(rij),
      };
    },
  };
}
