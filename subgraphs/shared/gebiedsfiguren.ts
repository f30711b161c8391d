/**
 * Plumbing for steering figures on Wijk, Gebied and Gemeente (issue 8). Each subgraph
 * contributes its own figure fields to those three entities; one query for all wijken
 * then returns the whole picture.
 *
 * How a figure set is computed, whatever the number of wijken asked for:
 *  - one SQL statement per request for the wijk indeling (wijkenVan; none in
 *    basisondersteuning, which has the wijk list anyway),
 *  - one SQL statement per figure set and argument set, grouping by period, wijk and
 *    category over all wijken (the caller's `bereken`),
 *  - suppression in Node with gebiedsTabel (wijk, gebied and gemeente together), once
 *    per period; each entity then reads its own cells.
 * The memo lives in the request's loaders, so a Wijk list, `_entities` batches and
 * Gebied/Gemeente fields of one request share one computation.
 */
import { sql, type SQL } from 'drizzle-orm';
import { sqlRows, type Db } from '../../db/client';
import { badUserInput } from './errors';
import { gebiedsTabel, type GebiedsTabel, type Niveau, type WijkIndeling } from './gebiedscijfers';
import { heleMaanden, jarenInBereik, periodes, type Periode, type Tijdvak } from './periode';
import type { SuppressionRule } from './suppression';
import type { Scope } from './tokens';

export interface FiguurArgs {
  van: string;
  tot: string;
  per?: Tijdvak | null;
  /** Set by the platform for its own day figures (never from a client's arguments). */
  intern?: true;
}

/** A single period spans at most ten years, like a series of months. */
const MAX_DAGEN = 3660;

/**
 * The periods asked for: a series per month/quarter/year, or [van, tot] as one period.
 * Only whole calendar months (periode.ts heleMaanden). The platform's own day figures
 * (`dag`) are one period of that day.
 */
export function figuurPerioden(args: FiguurArgs): Periode[] {
  if (args.intern) return [{ label: args.van === args.tot ? args.van : `${args.van}/${args.tot}`, van: args.van, tot: args.tot }];
  jarenInBereik(args.van, args.tot);
  heleMaanden(args.van, args.tot);
  if (args.per) return periodes(args.van, args.tot, args.per);
  if (args.tot < args.van) throw badUserInput('tot', 'tot must not be before van');
  const dagen = (Date.parse(args.tot) - Date.parse(args.van)) / 86_400_000;
  if (dagen > MAX_DAGEN) throw badUserInput('tot', 'A period spans at most ten years; ask for a series with `per`');
  return [{ label: `${args.van}/${args.tot}`, van: args.van, tot: args.tot }];
}

/** The arguments of the figure of one day, for the fields of today (e.g. Wijk.clientenBasisondersteuning). */
export const dag = (datum: string): FiguurArgs & { intern: true } => ({ van: datum, tot: datum, intern: true });

/** The periods as a derived table p(label, van, tot) for one SQL statement over all of them. */
export function periodenTabel(perioden: readonly Periode[]): SQL {
  const rijen = perioden.map((p) => sql`(${p.label}::text, ${p.van}::date, ${p.tot}::date)`);
  return sql`(values ${sql.join(rijen, sql`, `)}) as p(label, van, tot)`;
}

/** What the figure code needs from a subgraph's context. */
export interface FiguurCtx {
  db: Db;
  scope: Scope;
  suppression: SuppressionRule;
  /** `wijkIndeling`: the owner of Wijk (basisondersteuning) passes the wijk list it loads anyway. */
  loaders: { figuren: FiguurMemo; wijkIndeling?: () => Promise<readonly WijkIndeling[]> };
}

/** The wijk indeling of this request: the owner's list, or one statement per request. */
export function wijkenVan(ctx: FiguurCtx): Promise<readonly WijkIndeling[]> {
  return ctx.loaders.wijkIndeling?.() ?? ctx.loaders.figuren('wijkIndeling', () => wijkIndeling(ctx.db, ctx.scope));
}

/** Every wijk of the caller's gemeente with its gebied, ordered by gebied and code. */
export async function wijkIndeling(db: Db, scope: Scope): Promise<WijkIndeling[]> {
  return sqlRows<WijkIndeling>(db, sql`select code, gebied from basisondersteuning.wijk where gemeente_code = ${scope.gemeente} order by gebied, code`);
}

/** The level an entity stands for; null for a gemeente other than the caller's. */
export function niveauVan(typename: 'Wijk' | 'Gebied' | 'Gemeente', parent: { code?: string; naam?: string }, scope: Scope): Niveau | null {
  if (typename === 'Wijk') return { wijk: parent.code! };
  if (typename === 'Gebied') return { gebied: parent.naam! };
  return parent.code === scope.gemeente ? 'gemeente' : null;
}

/** One row of a figure query: a count (and optional sums) of one period, wijk and category. */
export interface FiguurRij {
  label: string;
  wijk: string;
  categorie: string;
  n: number | string;
  [som: string]: unknown;
}

/** Per period: the suppressed table, with the exact sums per wijk for `sommen`. */
export interface PeriodeTabel {
  periode: Periode;
  tabel: GebiedsTabel;
  som(naam: string): number[][];
}

/**
 * Turns the rows of one figure query into a suppressed table per period. Categories not
 * in `categorieen` are an error (the SQL and the list must agree).
 */
export function periodeTabellen(
  rijen: readonly FiguurRij[],
  opties: { perioden: readonly Periode[]; wijken: readonly WijkIndeling[]; categorieen: readonly string[]; totalen: boolean; eigen?: (categorie: string) => boolean },
  rule: SuppressionRule,
): PeriodeTabel[] {
  const { perioden, wijken, categorieen } = opties;
  const wi = new Map(wijken.map((w, i) => [w.code, i]));
  const ci = new Map(categorieen.map((c, i) => [c, i]));
  const perLabel = new Map<string, FiguurRij[]>(perioden.map((p) => [p.label, []]));
  for (const r of rijen) perLabel.get(r.label)?.push(r);
  const eigen = opties.eigen ? categorieen.flatMap((c, i) => (opties.eigen!(c) ? [i] : [])) : undefined;
  return perioden.map((periode) => {
    const eigenRijen = perLabel.get(periode.label)!;
    const matrix = (waarde: (r: FiguurRij) => number) => {
      const m = wijken.map(() => categorieen.map(() => 0));
      for (const r of eigenRijen) {
        const w = wi.get(r.wijk);
        const c = ci.get(r.categorie);
        if (c === undefined) throw new Error(`figure query returned unknown category ${JSON.stringify(r.categorie)}`);
        if (w !== undefined) m[w]![c]! += waarde(r);
      }
      return m;
    };
    const tabel = gebiedsTabel({ wijken, categorieen, aantallen: matrix((r) => Number(r.n)), totalen: opties.totalen, eigen }, rule);
    return { periode, tabel, som: (naam) => matrix((r) => Number(r[naam] ?? 0)) };
  });
}

/** A memo: the first call for a key computes, later calls share the promise (a rejected one is dropped). */
export function figuurMemo() {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(key: string, make: () => Promise<T>): Promise<T> => {
    let p = cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make();
      cache.set(key, p);
      // A failure is not kept: the next request (or a retry) computes again.
      p.catch(() => { if (cache.get(key) === p) cache.delete(key); });
    }
    return p;
  };
}
export type FiguurMemo = ReturnType<typeof figuurMemo>;

/** The cache key of a figure set and its arguments. */
export const memoKey = (figuur: string, args: FiguurArgs) => `${figuur}|${args.van}|${args.tot}|${args.per ?? ''}`;

/** What one figure set needs: one SQL statement whose rows feed one or more tables. */
export interface FiguurSpec<T extends string> {
  /** Cache key of the figure set (unique per subgraph). */
  naam: string;
  /** One statement over all periods and wijken; rows carry `tabel` naming their table. */
  query(perioden: readonly Periode[]): SQL;
  /**
   * The tables the rows feed. `categorieen` 'uitRijen' takes the categories found in the
   * rows of that table, sorted (e.g. the organisations that delivered in the periods).
   */
  tabellen: Record<T, { categorieen: readonly string[] | 'uitRijen'; totalen: boolean; eigen?: (categorie: string) => boolean }>;
}

/** The suppressed tables of one figure set, per period, computed once per request and arguments. */
export function berekenFiguur<T extends string>(
  ctx: FiguurCtx,
  spec: FiguurSpec<T>,
  args: FiguurArgs,
): Promise<Array<{ periode: Periode; tabellen: Record<T, PeriodeTabel> }>> {
  const perioden = figuurPerioden(args); // validates before anything is cached
  const memo = ctx.loaders.figuren;
  return memo(memoKey(spec.naam, args), async () => {
    const [wijken, rijen] = await Promise.all([
      wijkenVan(ctx),
      sqlRows<FiguurRij & { tabel: T }>(ctx.db, spec.query(perioden)),
    ]);
    const namen = Object.keys(spec.tabellen) as T[];
    const perTabel = new Map(namen.map((t) => {
      const eigenRijen = rijen.filter((r) => r.tabel === t);
      const { categorieen, ...rest } = spec.tabellen[t];
      const lijst = categorieen === 'uitRijen' ? [...new Set(eigenRijen.map((r) => r.categorie))].sort() : categorieen;
      return [t, periodeTabellen(eigenRijen, { perioden, wijken, categorieen: lijst, ...rest }, ctx.suppression)];
    }));
    return perioden.map((periode, i) => ({
      periode,
      tabellen: Object.fromEntries(namen.map((t) => [t, perTabel.get(t)![i]!])) as Record<T, PeriodeTabel>,
    }));
  });
}

/** How long the fetches of one client request share a memo (verzoekMemo). */
const VERZOEK_MS = 30_000;
const VERZOEK_MAX = 200;
const verzoeken = new Map<string, { tot: number; memo: FiguurMemo }>();

/**
 * A memo shared by all fetches of one client request to this subgraph. The gateway
 * fetches each level that a subgraph other than basisondersteuning adds figures to
 * (Gemeente, Gebied, Wijk: different paths) in a request of its own, so a memo per
 * subgraph request would compute a figure set once per level; this one computes it once
 * per client request. Keyed by the whole scope and the client request (the internal
 * token the gateway minted for it, one per client request and subgraph); entries live at
 * most VERZOEK_MS.
 */
export function verzoekMemo(scope: Scope, subgraph: string, nu = Date.now()): FiguurMemo {
  // Entries expire in insertion order.
  for (const [key, v] of verzoeken) {
    if (v.tot > nu && verzoeken.size < VERZOEK_MAX) break;
    verzoeken.delete(key);
  }
  // Per subgraph too: subgraphs in one process (npm start, tests) do not share entries, so
  // each computes and counts its own statements, as in separate processes.
  // The client request as the gateway minted it (scope.verzoek), not the client's trace id:
  // a client that resends a traceparent must not get 30-second-old figures.
  const key = JSON.stringify([subgraph, scope.verzoek ?? scope.traceId, scope.gemeente, scope.rol, scope.organisatie, scope.sub, scope.doel]);
  let entry = verzoeken.get(key);
  if (!entry) {
    entry = { tot: nu + VERZOEK_MS, memo: figuurMemo() };
    verzoeken.set(key, entry);
  }
  return entry.memo;
}
