/**
 * Steering figures of the aanvullende ondersteuning on Wijk, Gebied and Gemeente through
 * the gateway: clients, per product and per delivering organisation, each against an
 * independent count at all three levels (with the linear attacker), the provider view
 * (own organisation exact and unrounded), the series, and the SQL statements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTEN } from '../../subgraphs/aanvullende-ondersteuning/cijfers';
import { bootStack, sql, type Stack } from '../support/stack';
import { controleerTabel, haalNiveaus, klopt, opteller, type Telling } from '../support/gebiedscijfers';

const T = 10;
const R = 5;
let stack: Stack;
let beleid: string;

type Cijfers = {
  periode: string; clienten: Telling;
  perProduct: Array<{ product: string; clienten: Telling }>;
  perAanbieder: Array<{ organisatie: { id: string }; rol: string; eigenOrganisatie: boolean; clienten: Telling }>;
};
const VELD = (args: string) => `aanvullendeOndersteuningCijfers(${args}) { periode clienten { waarde onderdrukt }
  perProduct { product clienten { waarde onderdrukt } } perAanbieder { organisatie { id } rol eigenOrganisatie clienten { waarde onderdrukt } } }`;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 2000, env: { SUPPRESSION_THRESHOLD: String(T), SUPPRESSION_ROUNDING: String(R) } });
  beleid = await stack.token({ rol: 'gemeente-beleid' });
}, 180_000);
afterAll(() => stack?.stop());

/** Independent count over raw toewijzingen: distinct residents per wijk, product and delivering organisation. */
async function exact(van: string, tot: string) {
  const rows = await stack.rows<{ inwoner_id: string; wijk_code: string; product: string; org: string; onderaannemer_id: string | null; begindatum: string | null; stopdatum: string | null; status: string }>(sql`
    select inwoner_id, wijk_code, product, organisatie_id as org, onderaannemer_id, begindatum::text, stopdatum::text, status
    from aanvullende_ondersteuning.toewijzing`);
  const sets = new Map<string, Set<string>>();
  const add = (k: string, id: string) => (sets.get(k) ?? sets.set(k, new Set()).get(k)!).add(id);
  const orgs = new Set<string>();
  for (const r of rows) {
    if (r.status !== 'gestart' && r.status !== 'gestopt') continue;
    if (!r.begindatum || r.begindatum > tot || (r.stopdatum !== null && r.stopdatum < van)) continue;
    const leverend = r.onderaannemer_id ? `${r.onderaannemer_id}|ONDERAANNEMER` : `${r.org}|HOOFDAANBIEDER`;
    orgs.add(leverend);
    add(`${r.wijk_code}|*`, r.inwoner_id);
    add(`${r.wijk_code}|p|${r.product}`, r.inwoner_id);
    add(`${r.wijk_code}|o|${leverend}`, r.inwoner_id);
  }
  const n = (k: string) => sets.get(k)?.size ?? 0;
  return {
    organisaties: [...orgs].sort(),
    clienten: (w: string) => [n(`${w}|*`), n(`${w}|*`)],
    perProduct: (w: string) => PRODUCTEN.map((p) => n(`${w}|p|${p}`)),
    perAanbieder: (orgs: string[]) => (w: string) => orgs.map((o) => n(`${w}|o|${o}`)),
  };
}

describe('aanvullendeOndersteuningCijfers', () => {
  it('matches an independent count at wijk, gebied and gemeente level, suppressed together', async () => {
    const n = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-01-01", tot: "2025-06-30"'));
    const ex = await exact('2025-01-01', '2025-06-30');
    const orgs = n.gemeente[0]!.perAanbieder.map((a) => `${a.organisatie.id}|${a.rol}`);
    expect(orgs).toEqual(ex.organisaties);
    expect(n.gemeente[0]!.perAanbieder.every((a) => !a.eigenOrganisatie)).toBe(true);
    const basis = { periode: 0, threshold: T, rounding: R };
    let onderdrukt = controleerTabel(n, { ...basis, categorieen: 1, totalen: true, publiceerd: (c) => [c.clienten, c.clienten], exact: opteller(n.indeling, ex.clienten) });
    onderdrukt += controleerTabel(n, { ...basis, categorieen: PRODUCTEN.length, totalen: false, publiceerd: (c) => c.perProduct.map((p) => p.clienten), exact: opteller(n.indeling, ex.perProduct) });
    onderdrukt += controleerTabel(n, { ...basis, categorieen: orgs.length, totalen: false, publiceerd: (c) => c.perAanbieder.map((p) => p.clienten), exact: opteller(n.indeling, ex.perAanbieder(orgs)) });
    expect(onderdrukt).toBeGreaterThan(20);
  });

  it('shows a provider its own organisation exact and unrounded, the others protected against what it knows', async () => {
    const [klein] = await stack.rows<{ org: string }>(sql`select coalesce(onderaannemer_id, organisatie_id) as org from aanvullende_ondersteuning.toewijzing
      where status in ('gestart', 'gestopt') and begindatum <= '2025-06-30' and (stopdatum is null or stopdatum >= '2025-01-01')
      group by 1 order by count(*), 1 limit 1`);
    const token = await stack.token({ rol: 'aanbieder-medewerker', organisatie: klein!.org });
    // Clients in total and per product mix its own clients with others': not for a provider.
    const verboden = await stack.query(`{ gemeente { ${VELD('van: "2025-01-01", tot: "2025-06-30"')} } }`, { token });
    expect(verboden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const n = await haalNiveaus<Cijfers>(stack, token, `aanvullendeOndersteuningCijfers(van: "2025-01-01", tot: "2025-06-30") {
      periode perAanbieder { organisatie { id } rol eigenOrganisatie clienten { waarde onderdrukt } } }`);
    const ex = await exact('2025-01-01', '2025-06-30');
    const orgs = n.gemeente[0]!.perAanbieder.map((a) => `${a.organisatie.id}|${a.rol}`);
    const eigen = n.gemeente[0]!.perAanbieder.findIndex((a) => a.organisatie.id === klein!.org);
    expect(eigen).toBeGreaterThanOrEqual(0);
    expect(n.gemeente[0]!.perAanbieder.filter((a) => a.eigenOrganisatie).length).toBe(orgs.filter((o) => o.startsWith(`${klein!.org}|`)).length);
    expect(n.gemeente[0]!.perAanbieder[eigen]!.eigenOrganisatie).toBe(true);
    // A small organisation: some of its own wijk cells are below the threshold, and shown anyway.
    const eigenWaarden = [...n.wijken.values()].map((x) => x[0]!.perAanbieder[eigen]!.clienten);
    expect(eigenWaarden.every((t) => !t.onderdrukt)).toBe(true);
    expect(eigenWaarden.some((t) => t.waarde! > 0 && t.waarde! < T)).toBe(true);
    controleerTabel(n, {
      periode: 0, threshold: T, rounding: R, categorieen: orgs.length, totalen: false, eigen,
      publiceerd: (c) => c.perAanbieder.map((p) => p.clienten), exact: opteller(n.indeling, ex.perAanbieder(orgs)),
    });
  });

  it('is the same table, with the same suppression, as the provider landscape of the quarter', async () => {
    const n = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-07-01", tot: "2025-09-30"'));
    const res = await stack.query('{ aanbiederslandschap(jaar: 2025, kwartaal: 3) { wijk { code } organisatie { id } rol clienten { waarde onderdrukt } } }', { token: beleid });
    expect(res.body.errors).toBeUndefined();
    const landschap = res.body.data!.aanbiederslandschap as Array<{ wijk: { code: string } | null; organisatie: { id: string } | null; rol: string | null; clienten: Telling }>;
    let cellen = 0;
    for (const [code, x] of n.wijken) {
      for (const a of x[0]!.perAanbieder) {
        const regel = landschap.find((r) => r.wijk?.code === code && r.organisatie?.id === a.organisatie.id && r.rol === a.rol);
        if (!a.clienten.onderdrukt && a.clienten.waarde === 0) expect(regel).toBeUndefined();
        else { expect(regel?.clienten, `${code} ${a.organisatie.id}`).toEqual(a.clienten); cellen++; }
      }
    }
    expect(cellen).toBe(landschap.filter((r) => r.wijk && r.organisatie).length);
    for (const a of n.gemeente[0]!.perAanbieder) {
      expect(landschap.find((r) => !r.wijk && r.organisatie?.id === a.organisatie.id && r.rol === a.rol)!.clienten).toEqual(a.clienten);
    }
  });

  it('gives a monthly series equal to the single months, and Wijk.clientenAanvullendeOndersteuning the figure of today', async () => {
    const reeks = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-01-01", tot: "2025-03-31", per: MAAND'));
    expect(reeks.gemeente.map((c) => c.periode)).toEqual(['2025-01', '2025-02', '2025-03']);
    const feb = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-02-01", tot: "2025-02-28"'));
    const zonder = ({ periode: _p, ...rest }: Cijfers) => rest;
    // The organisation columns follow the periods asked for, so compare per organisation.
    const perOrg = (c: Cijfers) => ({ ...zonder(c), perAanbieder: Object.fromEntries(c.perAanbieder.map((a) => [a.organisatie.id, a.clienten])) });
    const febOrgs = new Set(feb.gemeente[0]!.perAanbieder.map((a) => a.organisatie.id));
    for (const [code, x] of feb.wijken) {
      const r = perOrg(reeks.wijken.get(code)![1]!);
      r.perAanbieder = Object.fromEntries(Object.entries(r.perAanbieder).filter(([o]) => febOrgs.has(o)));
      expect(zonder(reeks.wijken.get(code)![1]!).clienten).toEqual(zonder(x[0]!).clienten);
      expect(r.perProduct).toEqual(perOrg(x[0]!).perProduct);
    }
    const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const res = await stack.query('{ wijken { code clientenAanvullendeOndersteuning { waarde onderdrukt } } }', { token: beleid });
    expect(res.body.errors).toBeUndefined();
    const ex = await exact(vandaag, vandaag);
    for (const w of res.body.data!.wijken) klopt(w.clientenAanvullendeOndersteuning, ex.clienten(w.code)[0]!, { threshold: T, rounding: R }, w.code);
  });

  it('runs the same small number of SQL statements for one wijk and for every level', async () => {
    const veld = VELD('van: "2024-01-01", tot: "2025-12-31", per: KWARTAAL');
    stack.database.statements.reset();
    expect((await stack.query(`{ wijk(code: "WK008010") { x: ${veld} } }`, { token: beleid })).body.errors).toBeUndefined();
    const een = stack.database.statements.reset();
    expect((await stack.query(`{ gemeente { x: ${veld} gebieden { x: ${veld} wijken { x: ${veld} } } } }`, { token: beleid })).body.errors).toBeUndefined();
    const alles = stack.database.statements.reset();
    // basisondersteuning: the wijk lookup or the lists (1); aanvullend: the wijk indeling and one
    // figure statement, shared by the gateway's fetches of the three levels (verzoekMemo).
    expect(een).toBeLessThanOrEqual(3);
    expect(alles).toBeLessThanOrEqual(3);
  });
});
