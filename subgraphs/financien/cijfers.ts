/**
 * Money figures on Wijk, Gebied and Gemeente (issue 8): subsidies to the sociale basis,
 * and per perceel the clients in care, the delivered volume and its normative cost
 * (realisatie.ts: the same volume per row and the same valuation at the kostprijs), with
 * the budget (lumpsum) on the gemeente. One SQL statement for all periods and wijken.
 *
 * Suppression. Clients per perceel are a wijk x perceel table suppressed over wijk,
 * gebied and gemeente together (gebiedscijfers.ts); volume and cost follow that pattern
 * (`sommen`). Unlike a count of distinct clients, money adds up over time: with
 * overlapping periods (January-February and February) the difference would give the
 * January amount of a cell whose January count is suppressed. So the figures take whole
 * months only, volume and cost are computed per wijk and month, and a period's amount is
 * published only where the amount of every month in it is: then every published amount
 * is a sum of published monthly amounts, and the monthly tables are the whole disclosure.
 *
 * Subsidies and budgets are public money to organisations, not about residents: exact.
 * They are granted per year, so they are given for periods of whole calendar years only.
 */
import { sqlRows } from '../../db/client';
import { sql, type SQL } from 'drizzle-orm';
import { kostprijs, lumpsum, herverdeling, subsidie } from '../../db/schema/financien';
import type { SubgraphContext } from '../shared/context';
import { badUserInput } from '../shared/errors';
import type { GebiedsTabel, Niveau } from '../shared/gebiedscijfers';
import {
  figuurPerioden, memoKey, niveauVan, periodenTabel, periodeTabellen, wijkIndeling,
  type FiguurArgs, type FiguurRij,
} from '../shared/gebiedsfiguren';
import { MAX_PERIODES, periodes, type Periode } from '../shared/periode';
import type { Telling } from '../shared/suppression';
import { PERCELEN } from './begroting';
import { EENHEID, kosten, ZORG } from './realisatie';
import type { Loaders } from './loaders';

type Ctx = SubgraphContext<Loaders>;
type Perceel = keyof typeof ZORG;
const PERCEEL_VOLGORDE = PERCELEN as readonly Perceel[];

/** A period of whole calendar years: 1 January up to and including 31 December. */
const heleJaren = (p: Periode) => p.van.endsWith('-01-01') && p.tot.endsWith('-12-31');
const jarenIn = (p: Periode) => Number(p.tot.slice(0, 4)) - Number(p.van.slice(0, 4)) + 1;

/** The periods asked for (whole months only) and the months they cover. */
export function perioden(args: FiguurArgs): { perioden: Periode[]; maanden: Periode[] } {
  const gevraagd = figuurPerioden(args); // whole months only
  const maanden = new Map<string, Periode>();
  for (const p of gevraagd) for (const m of periodes(p.van, p.tot, 'MAAND')) maanden.set(m.label, m);
  if (maanden.size > MAX_PERIODES) throw badUserInput('tot', `The periods span at most ${MAX_PERIODES} months`);
  return { perioden: gevraagd, maanden: [...maanden.values()] };
}

interface Rij { tabel: 'zorg' | 'subsidie' | 'budget' | 'kostprijs'; label: string; wijk: string | null; categorie: string; n: number | string; waarde: string | null }

/**
 * One statement over every period and month: per pillar the distinct clients in care and
 * the volume per (period, wijk); subsidies per (period, wijk) of the years inside the
 * period; the current budget per (period, perceel) of the years inside it; the kostprijs
 * per (period, perceel) of a period within one year.
 */
function query(gemeente: string, labels: readonly Periode[]): SQL {
  const p = periodenTabel(labels);
  const zorg = PERCEEL_VOLGORDE.map((perceel) => {
    const z = ZORG[perceel];
    return sql`select 'zorg' as tabel, p.label, ${z.wijk} as wijk, ${perceel}::text as categorie,
        count(distinct ${z.inwoner})::int as n, sum(${z.volume(sql`p.van`, sql`p.tot`)})::text as waarde
      from ${p} join ${z.tabel} on ${z.inZorg(gemeente, sql`p.van`, sql`p.tot`)}
      group by p.label, ${z.wijk}`;
  });
  // Current budget of a lumpsum: as begroting.ts `herverdeeld`, granted herverdelingen in minus out.
  const net = sql`coalesce((select sum(case when h.naar_lumpsum_id = ${lumpsum.id} then h.bedrag_centen else -h.bedrag_centen end)
    from ${herverdeling} h where h.gemeente_code = ${gemeente} and h.status = 'TOEGEKEND'
      and ${lumpsum.id} in (h.van_lumpsum_id, h.naar_lumpsum_id)), 0)`;
  return sql.join([
    ...zorg,
    sql`select 'subsidie', p.label, ${subsidie.wijkCode}, 'subsidie', count(*)::int, sum(${subsidie.bedragCenten})::text
      from ${p} join ${subsidie} on ${subsidie.gemeenteCode} = ${gemeente}
        and make_date(${subsidie.jaar}, 1, 1) >= p.van and make_date(${subsidie.jaar}, 12, 31) <= p.tot
      group by p.label, ${subsidie.wijkCode}`,
    sql`select 'budget', p.label, null, ${lumpsum.perceel}, count(distinct ${lumpsum.jaar})::int, sum(${lumpsum.bedragCenten} + ${net})::text
      from ${p} join ${lumpsum} on ${lumpsum.gemeenteCode} = ${gemeente}
        and make_date(${lumpsum.jaar}, 1, 1) >= p.van and make_date(${lumpsum.jaar}, 12, 31) <= p.tot
      group by p.label, ${lumpsum.perceel}`,
    sql`select 'kostprijs', p.label, null, ${kostprijs.perceel}, 1, ${kostprijs.bedragCenten}::text
      from ${p} join ${kostprijs} on ${kostprijs.gemeenteCode} = ${gemeente}
        and ${kostprijs.jaar} = extract(year from p.van)::int and ${kostprijs.jaar} = extract(year from p.tot)::int`,
  ], sql` union all `);
}

interface Berekend {
  perioden: Periode[];
  /** Per label (periods and months): the suppressed table of clients per perceel, and volume and cost per wijk and perceel. */
  tabellen: Map<string, { tabel: GebiedsTabel; volume: number[][]; kosten: number[][] }>;
  /** Months without a kostprijs, per perceel ("label|perceel"). */
  zonderPrijs: Set<string>;
  /** Per label: subsidies per wijk code (null: not bound to a wijk). */
  subsidies: Map<string, Map<string | null, bigint>>;
  /** Per label: the budget per perceel and the number of years in it that have one. */
  budgetten: Map<string, Map<string | null, { jaren: number; centen: bigint }>>;
  wijkenVan: (niveau: Niveau) => string[];
}

/** The figures of all periods and months, computed once per client request and arguments. */
function bereken(ctx: Ctx, args: FiguurArgs): Promise<Berekend> {
  const { perioden: gevraagd, maanden } = perioden(args); // validates before anything is cached
  const memo = ctx.loaders.figuren;
  return memo(memoKey('financien', args), async () => {
    const labels = [...new Map([...gevraagd, ...maanden].map((x) => [x.label, x])).values()];
    const [wijken, rijen] = await Promise.all([
      memo('wijkIndeling', () => wijkIndeling(ctx.db, ctx.scope)),
      sqlRows<Rij>(ctx.db, query(ctx.scope.gemeente, labels)),
    ]);
    const van = (tabel: Rij['tabel']) => rijen.filter((r) => r.tabel === tabel);
    const perLabel = <T>(tabel: Rij['tabel'], sleutel: (r: Rij) => string | null, waarde: (r: Rij) => T) => {
      const m = new Map<string, Map<string | null, T>>();
      for (const r of van(tabel)) (m.get(r.label) ?? m.set(r.label, new Map()).get(r.label)!).set(sleutel(r), waarde(r));
      return m;
    };
    const prijs = new Map(van('kostprijs').map((r) => [`${r.label}|${r.categorie}`, BigInt(r.waarde!)]));
    const zonderPrijs = new Set(maanden.flatMap((m) => PERCEEL_VOLGORDE.filter((c) => !prijs.has(`${m.label}|${c}`)).map((c) => `${m.label}|${c}`)));
    // Cost per wijk, month and perceel: the same valuation as realisatie (0 where a month has no price; then `zonderPrijs` hides it).
    const zorg: FiguurRij[] = van('zorg').map((r) => {
      const p = prijs.get(`${r.label}|${r.categorie}`);
      const volume = BigInt(r.waarde ?? '0');
      return { label: r.label, wijk: r.wijk!, categorie: r.categorie, n: r.n, volume: Number(volume), kosten: p === undefined ? 0 : Number(kosten(r.categorie, volume, p)) };
    });
    const tabellen = periodeTabellen(zorg, { perioden: labels, wijken, categorieen: PERCEEL_VOLGORDE, totalen: false }, ctx.suppression);
    const gebiedVan = new Map(wijken.map((w) => [w.code, w.gebied]));
    return {
      perioden: gevraagd,
      tabellen: new Map(tabellen.map((t) => [t.periode.label, { tabel: t.tabel, volume: t.som('volume'), kosten: t.som('kosten') }])),
      zonderPrijs,
      subsidies: perLabel('subsidie', (r) => r.wijk, (r) => BigInt(r.waarde!)),
      budgetten: perLabel('budget', (r) => r.categorie, (r) => ({ jaren: Number(r.n), centen: BigInt(r.waarde!) })),
      wijkenVan: (niveau) => wijken.map((w) => w.code).filter((code) =>
        niveau === 'gemeente' || ('wijk' in niveau ? code === niveau.wijk : gebiedVan.get(code) === niveau.gebied)),
    };
  });
}

/** Amounts in cents; the resolvers turn them into Bedrag. */
export interface KostenView { perceel: string; eenheid: string; clienten: Telling; volume: number | null; besteed: bigint | null; budget: bigint | null }
export interface FinancienCijfersView { periode: string; van: string; tot: string; subsidies: bigint | null; subsidiesZonderWijk: bigint | null; perPerceel: KostenView[] }

export async function financienCijfers(typename: 'Wijk' | 'Gebied' | 'Gemeente', parent: { code?: string; naam?: string }, args: FiguurArgs, ctx: Ctx): Promise<FinancienCijfersView[]> {
  const niveau = niveauVan(typename, parent, ctx.scope);
  if (niveau === null) return [];
  const b = await bereken(ctx, args);
  const wijken = new Set(b.wijkenVan(niveau));
  return b.perioden.flatMap((periode) => {
    const tabel = b.tabellen.get(periode.label)!;
    const clienten = tabel.tabel.cijfers(niveau);
    if (!clienten) return [];
    const maandLabels = periodes(periode.van, periode.tot, 'MAAND').map((m) => m.label);
    const maanden = maandLabels.map((m) => b.tabellen.get(m)!);
    // A sum over the months, null as soon as one month's sum is suppressed.
    const somOverMaanden = (naam: 'volume' | 'kosten', c: number): number | null => {
      let totaal = 0;
      for (const m of maanden) {
        const s = m.tabel.sommen(niveau, m[naam])!.perCategorie[c]!;
        if (s === null) return null;
        totaal += s;
      }
      return totaal;
    };
    const jaren = heleJaren(periode);
    const subsidies = [...(b.subsidies.get(periode.label) ?? new Map<string | null, bigint>())];
    const som = (xs: Array<[string | null, bigint]>) => xs.reduce((s, [, c]) => s + c, 0n);
    return [{
      periode: periode.label,
      van: periode.van,
      tot: periode.tot,
      subsidies: jaren ? som(subsidies.filter(([wijk]) => wijk !== null && wijken.has(wijk))) : null,
      subsidiesZonderWijk: jaren && niveau === 'gemeente' ? som(subsidies.filter(([wijk]) => wijk === null)) : null,
      perPerceel: PERCEEL_VOLGORDE.map((perceel, c) => {
        const telling = clienten.perCategorie[c]!;
        const volume = telling.onderdrukt ? null : somOverMaanden('volume', c);
        const prijsBekend = maandLabels.every((m) => !b.zonderPrijs.has(`${m}|${perceel}`));
        const besteed = volume === null || !prijsBekend ? null : somOverMaanden('kosten', c);
        // Only for whole years of which every one has a budget.
        const b0 = b.budgetten.get(periode.label)?.get(perceel);
        const budget = jaren && niveau === 'gemeente' && b0 && b0.jaren === jarenIn(periode) ? b0.centen : null;
        return {
          perceel,
          eenheid: EENHEID[perceel]!,
          clienten: telling,
          volume,
          besteed: besteed === null ? null : BigInt(besteed),
          budget,
        };
      }),
    }];
  });
}
