/**
 * Kwaliteit: the figures of the municipality's quality framework, privacy-safe.
 * - complaints per provider (ingediend in the period) by route and status; the handling
 *   time of the complaints afgehandeld in the period (median days, count over the norm);
 * - client experience per provider and product (respondents, mean score 1-10), for the
 *   survey quarters that start in the period;
 * - bezwaren against beschikkingen (basisondersteuning.beschikking_aanvraag.bezwaar_op).
 *
 * Everything is computed in SQL, one statement per figure for ALL periods of a series
 * (a generated table of periods joined to the facts), so the number of statements does
 * not depend on the number of periods or providers.
 *
 * Suppression (onderdrukking.ts, primary and secondary): each figure is a table of
 * providers x categories with its margins (provider line, gemeente total). The route
 * and status tables share their margins (complaints per provider, the gemeente total):
 * they are suppressed together until both agree (`verplicht`). A provider role sees its
 * own line exactly: suppression is then computed over the other providers only (what it
 * knows of itself cannot unlock a suppressed other), and a gemeente total is suppressed
 * when the same total over the others is.
 */
import { and, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { sqlRows, type Db } from '../../db/client';
import { beschikkingAanvraag } from '../../db/schema/basisondersteuning';
import { clientervaring, contract, klacht } from '../../db/schema/financien';
import { onderdrukTabel } from '../shared/onderdrukking';
import type { Periode } from '../shared/periode';
import { figuurPerioden, periodenTabel } from '../shared/gebiedsfiguren';
import type { SuppressionRule, Telling } from '../shared/suppression';
import type { Scope } from '../shared/tokens';

export const KLACHT_ROUTES = ['AANBIEDER', 'KLACHTENFUNCTIONARIS', 'EXTERNE_COMMISSIE'] as const;
export const KLACHT_STATUSSEN = ['INGEDIEND', 'IN_BEHANDELING', 'AFGEHANDELD', 'INGETROKKEN'] as const;
/** Norm of the quality framework: a complaint is handled within 42 days (6 weeks). */
export const NORM_AFHANDELDAGEN = 42;

/** Roles that act for a provider: they see their own organisation's counts unsuppressed. */
const AANBIEDER_ROLLEN = new Set(['basis-medewerker', 'aanbieder-medewerker', 'hh-medewerker']);

export interface ErvaringRegel {
  product: string;
  respondenten: Telling;
  gemiddeldeScore: number | null;
}

/** One line: a provider (organisatieId) or the gemeente total (organisatieId null). */
export interface KwaliteitRegel {
  organisatieId: string | null;
  eigenOrganisatie: boolean;
  klachten: Telling;
  perRoute: Array<{ route: string; klachten: Telling }>;
  perStatus: Array<{ status: string; klachten: Telling }>;
  afgehandeld: Telling;
  mediaanAfhandeldagen: number | null;
  bovenNorm: Telling;
  respondenten: Telling;
  gemiddeldeScore: number | null;
  clientervaring: ErvaringRegel[];
}

export interface KwaliteitView {
  van: string;
  tot: string;
  aanbieders: KwaliteitRegel[];
  gemeente: KwaliteitRegel;
  bezwaren: Telling;
}

export interface KwaliteitPeriode extends Periode {
  kwaliteit: KwaliteitView;
}

/**
 * The single period of `kwaliteit(van, tot)`: whole months only, as every figure period
 * (shared/gebiedsfiguren.ts figuurPerioden), so two overlapping requests cannot be
 * differenced down to a day.
 */
export const eenPeriode = (van: string, tot: string): Periode => figuurPerioden({ van, tot })[0]!;


/** Start date of a survey quarter, in SQL. */
const kwartaalStart = sql`make_date(${clientervaring.jaar}, (${clientervaring.kwartaal} - 1) * 3 + 1, 1)`;

interface KlachtRij { label: string; org: string; route: string; status: string; n: number }
interface AfhandelRij { label: string; org: string | null; gemeente: number; afgehandeld: number; boven_norm: number; mediaan: number | string | null }
interface ErvaringRij { label: string; org: string; product: string; respondenten: number; score_som: number }
interface BezwaarRij { label: string; n: number }

/** The figures of every period, in five statements whatever the number of periods or providers. */
export async function kwaliteitReeks(db: Db, scope: Scope, rule: SuppressionRule, periodes: readonly Periode[]): Promise<KwaliteitPeriode[]> {
  if (periodes.length === 0) return [];
  const g = scope.gemeente;
  const p = periodenTabel(periodes);
  const minVan = periodes.reduce((m, x) => (x.van < m ? x.van : m), periodes[0]!.van);
  const maxTot = periodes.reduce((m, x) => (x.tot > m ? x.tot : m), periodes[0]!.tot);

  const [aanbieders, klachten, afhandeling, ervaring, bezwaren] = await Promise.all([
    // The contracted providers in the whole range (hoofdaanbieder or onderaannemer): a line each, also with 0.
    db.selectDistinct({ org: contract.organisatieId }).from(contract)
      .where(and(eq(contract.gemeenteCode, g), lte(contract.ingangsdatum, maxTot), or(isNull(contract.einddatum), gte(contract.einddatum, minVan)))),
    sqlRows<KlachtRij>(db, sql`select p.label, ${klacht.organisatieId} as org, ${klacht.route} as route, ${klacht.status} as status, count(*)::int as n
      from ${p} join ${klacht} on ${klacht.ingediendOp} between p.van and p.tot
      where ${klacht.gemeenteCode} = ${g}
      group by p.label, ${klacht.organisatieId}, ${klacht.route}, ${klacht.status}`),
    // Handling time of the complaints handled in the period; the gemeente's median by a grouping set.
    sqlRows<AfhandelRij>(db, sql`select p.label, ${klacht.organisatieId} as org, grouping(${klacht.organisatieId})::int as gemeente,
        count(*)::int as afgehandeld,
        count(*) filter (where ${klacht.afgehandeldOp} - ${klacht.ingediendOp} > ${NORM_AFHANDELDAGEN})::int as boven_norm,
        percentile_cont(0.5) within group (order by ${klacht.afgehandeldOp} - ${klacht.ingediendOp}) as mediaan
      from ${p} join ${klacht} on ${klacht.afgehandeldOp} between p.van and p.tot
      where ${klacht.gemeenteCode} = ${g} and ${klacht.status} = 'AFGEHANDELD'
      group by grouping sets ((p.label, ${klacht.organisatieId}), (p.label))`),
    sqlRows<ErvaringRij>(db, sql`select p.label, ${clientervaring.organisatieId} as org, ${clientervaring.product} as product,
        sum(${clientervaring.respondenten})::int as respondenten, sum(${clientervaring.scoreSom})::int as score_som
      from ${p} join ${clientervaring} on ${kwartaalStart} between p.van and p.tot
      where ${clientervaring.gemeenteCode} = ${g}
      group by p.label, ${clientervaring.organisatieId}, ${clientervaring.product}`),
    // Bezwaren: read across schemas from the basisondersteuning (a count, nothing about the resident).
    sqlRows<BezwaarRij>(db, sql`select p.label, count(${beschikkingAanvraag.id})::int as n
      from ${p} left join ${beschikkingAanvraag} on ${beschikkingAanvraag.bezwaarOp} between p.van and p.tot and ${beschikkingAanvraag.gemeenteCode} = ${g}
      group by p.label`),
  ]);

  const eigen = AANBIEDER_ROLLEN.has(scope.rol) ? scope.organisatie ?? null : null;
  const orgs = [...new Set([
    ...aanbieders.map((a) => a.org),
    ...klachten.map((k) => k.org),
    ...afhandeling.filter((a) => a.org !== null && Number(a.gemeente) === 0).map((a) => a.org!),
    ...ervaring.map((e) => e.org),
  ])].sort();

  return periodes.map((periode) => ({
    ...periode,
    kwaliteit: figuren(periode, orgs, eigen, rule,
      klachten.filter((k) => k.label === periode.label),
      afhandeling.filter((a) => a.label === periode.label),
      ervaring.filter((e) => e.label === periode.label),
      Number(bezwaren.find((b) => b.label === periode.label)?.n ?? 0)),
  }));
}

function figuren(
  periode: Periode, orgs: string[], eigenOrg: string | null, rule: SuppressionRule,
  klachten: KlachtRij[], afhandeling: AfhandelRij[], ervaring: ErvaringRij[], bezwaren: number,
): KwaliteitView {
  const eigen = eigenOrg === null ? -1 : orgs.indexOf(eigenOrg);
  const rij = new Map(orgs.map((o, i) => [o, i]));
  const matrix = (kolommen: readonly string[], fill: (m: number[][], col: Map<string, number>) => void) => {
    const m = orgs.map(() => kolommen.map(() => 0));
    fill(m, new Map(kolommen.map((k, j) => [k, j])));
    return m;
  };
  const perRoute = matrix(KLACHT_ROUTES, (m, col) => { for (const k of klachten) m[rij.get(k.org)!]![col.get(k.route)!]! += Number(k.n); });
  const perStatus = matrix(KLACHT_STATUSSEN, (m, col) => { for (const k of klachten) m[rij.get(k.org)!]![col.get(k.status)!]! += Number(k.n); });

  // Route and status tables share the complaints per provider and the gemeente total: suppress together.
  let verplicht = { rijTotalen: [] as number[], totaal: false };
  let route: Tabel;
  let status: Tabel;
  for (;;) {
    route = tabel(perRoute, rule, eigen, verplicht);
    status = tabel(perStatus, rule, eigen, verplicht);
    const volgende = {
      rijTotalen: orgs.map((_, i) => i).filter((i) => route.rijTotalen[i]!.onderdrukt || status.rijTotalen[i]!.onderdrukt),
      totaal: route.totaal.onderdrukt || status.totaal.onderdrukt,
    };
    if (volgende.rijTotalen.length === verplicht.rijTotalen.length && volgende.totaal === verplicht.totaal) break;
    verplicht = volgende;
  }

  const perOrg = afhandeling.filter((a) => Number(a.gemeente) === 0);
  const totaalAfh = afhandeling.find((a) => Number(a.gemeente) === 1);
  const afh = orgs.map((o) => perOrg.find((a) => a.org === o));
  const afgehandeld = tabel(afh.map((a) => [Number(a?.afgehandeld ?? 0)]), rule, eigen);
  const bovenNorm = tabel(afh.map((a) => [Number(a?.boven_norm ?? 0)]), rule, eigen);
  const mediaan = (n: number, m: number | string | null | undefined, t: Telling) =>
    n >= rule.threshold && n > 0 && !t.onderdrukt && m !== null && m !== undefined ? Math.round(Number(m)) : null;

  const producten = [...new Set(ervaring.filter((e) => Number(e.respondenten) > 0).map((e) => e.product))].sort();
  const scoreSom = matrix(producten, (m, col) => { for (const e of ervaring) if (col.has(e.product)) m[rij.get(e.org)!]![col.get(e.product)!]! += Number(e.score_som); });
  const respondentenRuw = matrix(producten, (m, col) => { for (const e of ervaring) if (col.has(e.product)) m[rij.get(e.org)!]![col.get(e.product)!]! += Number(e.respondenten); });
  const resp = tabel(respondentenRuw, rule, eigen);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  // A mean is shown only over at least `threshold` respondents, and only with a published count.
  const gemiddelde = (n: number, som: number, t: Telling) => (n > 0 && n >= rule.threshold && !t.onderdrukt ? Math.round((som * 10) / n) / 10 : null);

  const aanbieders: KwaliteitRegel[] = orgs.map((organisatieId, i) => ({
    organisatieId,
    eigenOrganisatie: i === eigen,
    klachten: route.rijTotalen[i]!,
    perRoute: KLACHT_ROUTES.map((r, j) => ({ route: r, klachten: route.cellen[i]![j]! })),
    perStatus: KLACHT_STATUSSEN.map((s, j) => ({ status: s, klachten: status.cellen[i]![j]! })),
    afgehandeld: afgehandeld.cellen[i]![0]!,
    mediaanAfhandeldagen: mediaan(Number(afh[i]?.afgehandeld ?? 0), afh[i]?.mediaan, afgehandeld.cellen[i]![0]!),
    bovenNorm: bovenNorm.cellen[i]![0]!,
    respondenten: resp.rijTotalen[i]!,
    gemiddeldeScore: gemiddelde(sum(respondentenRuw[i]!), sum(scoreSom[i]!), resp.rijTotalen[i]!),
    clientervaring: producten.flatMap((product, j) => (respondentenRuw[i]![j]! > 0
      ? [{ product, respondenten: resp.cellen[i]![j]!, gemiddeldeScore: gemiddelde(respondentenRuw[i]![j]!, scoreSom[i]![j]!, resp.cellen[i]![j]!) }]
      : [])),
  }));
  const kolom = (m: number[][], j: number) => sum(m.map((r) => r[j]!));
  const alleResp = sum(respondentenRuw.map(sum));
  const gemeente: KwaliteitRegel = {
    organisatieId: null,
    eigenOrganisatie: false,
    klachten: route.totaal,
    perRoute: KLACHT_ROUTES.map((r, j) => ({ route: r, klachten: route.kolomTotalen[j]! })),
    perStatus: KLACHT_STATUSSEN.map((s, j) => ({ status: s, klachten: status.kolomTotalen[j]! })),
    afgehandeld: afgehandeld.totaal,
    mediaanAfhandeldagen: mediaan(Number(totaalAfh?.afgehandeld ?? 0), totaalAfh?.mediaan, afgehandeld.totaal),
    bovenNorm: bovenNorm.totaal,
    respondenten: resp.totaal,
    gemiddeldeScore: gemiddelde(alleResp, sum(scoreSom.map(sum)), resp.totaal),
    clientervaring: producten.map((product, j) => ({
      product, respondenten: resp.kolomTotalen[j]!, gemiddeldeScore: gemiddelde(kolom(respondentenRuw, j), kolom(scoreSom, j), resp.kolomTotalen[j]!),
    })),
  };
  return { van: periode.van, tot: periode.tot, aanbieders, gemeente, bezwaren: tabel([[bezwaren]], rule, -1).cellen[0]![0]! };
}

interface Tabel {
  cellen: Telling[][];
  rijTotalen: Telling[];
  kolomTotalen: Telling[];
  totaal: Telling;
}

const telling = (t: { waarde: number | null; onderdrukt: boolean }): Telling => ({ waarde: t.waarde, onderdrukt: t.onderdrukt });
const exact = (n: number): Telling => ({ waarde: n, onderdrukt: false });

/**
 * A providers x categories table with all margins, suppressed. With `eigen` (the row of
 * the caller's own organisation, -1 for none) that row is exact and the rest is
 * suppressed as a table of the other providers; a gemeente total is then suppressed
 * when the same total over the others is, and otherwise rounded from the full value.
 */
function tabel(cellen: number[][], rule: SuppressionRule, eigen: number, verplicht?: { rijTotalen: number[]; totaal: boolean }): Tabel {
  const C = cellen[0]?.length ?? 0;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rond = (n: number): Telling => ({ waarde: Math.round(n / rule.rounding) * rule.rounding, onderdrukt: false });
  if (eigen < 0) {
    if (cellen.length === 0) return { cellen: [], rijTotalen: [], kolomTotalen: Array.from({ length: C }, () => exact(0)), totaal: exact(0) };
    const t = onderdrukTabel(cellen, rule, { verplicht });
    return { cellen: t.cellen.map((r) => r.map(telling)), rijTotalen: t.rijTotalen!.map(telling), kolomTotalen: t.kolomTotalen!.map(telling), totaal: telling(t.totaal!) };
  }
  const anderen = cellen.filter((_, i) => i !== eigen);
  const index = (i: number) => (i < eigen ? i : i - 1);
  const sub = anderen.length === 0 ? null
    : onderdrukTabel(anderen, rule, { verplicht: verplicht && { rijTotalen: verplicht.rijTotalen.filter((i) => i !== eigen).map(index), totaal: verplicht.totaal } });
  const kolomVol = Array.from({ length: C }, (_, j) => sum(cellen.map((r) => r[j]!)));
  return {
    cellen: cellen.map((r, i) => (i === eigen ? r.map(exact) : sub!.cellen[index(i)]!.map(telling))),
    rijTotalen: cellen.map((r, i) => (i === eigen ? exact(sum(r)) : telling(sub!.rijTotalen![index(i)]!))),
    kolomTotalen: kolomVol.map((n, j) => (sub?.kolomTotalen![j]!.onderdrukt ? { waarde: null, onderdrukt: true } : rond(n))),
    totaal: sub?.totaal!.onderdrukt ? { waarde: null, onderdrukt: true } : rond(sum(kolomVol)),
  };
}
