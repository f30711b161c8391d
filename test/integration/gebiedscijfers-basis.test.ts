/**
 * Steering figures of the basisondersteuning on Wijk, Gebied and Gemeente through the
 * gateway: each published value against an independent count on the seed, suppression
 * (primary, secondary, and the linear attacker over all three levels), the time series,
 * bad input, and the SQL statements (the same for one wijk and for every wijk).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOORTEN } from '../../subgraphs/basisondersteuning/cijfers';
import { DEV_ORGANISATIE } from '../../subgraphs/shared/roles';
import { bootStack, sql, type Stack, weigercode } from '../support/stack';
import { controleerTabel, haalNiveaus, klopt, opteller, type Telling } from '../support/gebiedscijfers';

const T = 10;
const R = 5;
let stack: Stack;
let beleid: string;

type Cijfers = { periode: string; van: string; tot: string; clienten: Telling; perSoort: Array<{ soort: string; clienten: Telling }> };
const VELD = (args: string) => `basisondersteuningCijfers(${args}) { periode van tot clienten { waarde onderdrukt } perSoort { soort clienten { waarde onderdrukt } } }`;

beforeAll(async () => {
  stack = await bootStack({ inwoners: 2000, env: { SUPPRESSION_THRESHOLD: String(T), SUPPRESSION_ROUNDING: String(R) } });
  beleid = await stack.token({ rol: 'gemeente-beleid' });
}, 180_000);
afterAll(() => stack?.stop());

/** Independent count: distinct residents per wijk (and per soort) with support running in [van, tot]. */
async function exacteTellingen(van: string, tot: string) {
  const rows = await stack.rows<{ inwoner_id: string; wijk_code: string; soort: string }>(sql`
    select inwoner_id, wijk_code, soort from basisondersteuning.ondersteuning
    where startdatum <= ${tot}::date and (einddatum is null or einddatum >= ${van}::date)`);
  const clienten = new Map<string, Set<string>>();
  const perSoort = new Map<string, Set<string>>();
  for (const r of rows) {
    (clienten.get(r.wijk_code) ?? clienten.set(r.wijk_code, new Set()).get(r.wijk_code)!).add(r.inwoner_id);
    const k = `${r.wijk_code}|${r.soort}`;
    (perSoort.get(k) ?? perSoort.set(k, new Set()).get(k)!).add(r.inwoner_id);
  }
  return {
    clienten: (wijk: string) => [clienten.get(wijk)?.size ?? 0],
    perSoort: (wijk: string) => SOORTEN.map((s) => perSoort.get(`${wijk}|${s}`)?.size ?? 0),
  };
}

describe('basisondersteuningCijfers', () => {
  it('matches an independent count at wijk, gebied and gemeente level, suppressed together', async () => {
    const n = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-01-01", tot: "2025-03-31"'));
    expect(n.indeling.length).toBeGreaterThan(10);
    const ex = await exacteTellingen('2025-01-01', '2025-03-31');
    const clienten = controleerTabel(n, {
      periode: 0, categorieen: 1, totalen: true, threshold: T, rounding: R,
      publiceerd: (c) => [c.clienten, c.clienten], // one category whose total is itself
      exact: (niveau) => { const v = opteller(n.indeling, ex.clienten)(niveau); return [v[0]!, v[0]!]; },
    });
    const perSoort = controleerTabel(n, {
      periode: 0, categorieen: SOORTEN.length, totalen: false, threshold: T, rounding: R,
      publiceerd: (c) => { expect(c.perSoort.map((s) => s.soort)).toEqual([...SOORTEN]); return c.perSoort.map((s) => s.clienten); },
      exact: opteller(n.indeling, ex.perSoort),
    });
    // The seed has small wijken and rare soorten: suppression must have had work to do.
    expect(clienten + perSoort).toBeGreaterThan(20);
    expect(n.gemeente[0]).toMatchObject({ periode: '2025-01-01/2025-03-31', van: '2025-01-01', tot: '2025-03-31' });
  });

  it('secondary suppression: a wijk above the threshold is suppressed when its gebied would give a small one away', async () => {
    // A period without seed data (1995): in gebied West, TO1 has 3, 12 and 15 clients.
    const inwoners = await stack.rows<{ id: string }>(sql`select id from basisondersteuning.inwoner order by id limit 30`);
    const plan: Array<[string, number]> = [['WK008030', 3], ['WK008031', 12], ['WK008032', 15]];
    let i = 0;
    for (const [wijk, aantal] of plan) {
      for (let k = 0; k < aantal; k++, i++) {
        await stack.database.execute(`insert into basisondersteuning.ondersteuning (id, gemeente_code, inwoner_id, wijk_code, organisatie_id, soort, startdatum, einddatum)
          values ('sec-${i}', 'GM0080', '${inwoners[i]!.id}', '${wijk}', 'amaryllis', 'TO1', '1995-01-01', '1995-01-31')`);
      }
    }
    const n = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "1995-01-01", tot: "1995-01-31"'));
    const to1 = (x: Cijfers[] | undefined) => x![0]!.perSoort.find((s) => s.soort === 'TO1')!.clienten;
    expect(to1(n.wijken.get('WK008030'))).toEqual({ waarde: null, onderdrukt: true });
    // West = 30 is published, so the smallest other wijk (12) must go too.
    expect(to1(n.gebieden.get('West'))).toEqual({ waarde: 30, onderdrukt: false });
    expect(to1(n.wijken.get('WK008031'))).toEqual({ waarde: null, onderdrukt: true });
    expect(to1(n.wijken.get('WK008032'))).toEqual({ waarde: 15, onderdrukt: false });
    const ex = await exacteTellingen('1995-01-01', '1995-01-31');
    controleerTabel(n, {
      periode: 0, categorieen: SOORTEN.length, totalen: false, threshold: T, rounding: R,
      publiceerd: (c) => c.perSoort.map((s) => s.clienten), exact: opteller(n.indeling, ex.perSoort),
    });
  });

  it('gives a series per quarter equal to the single periods, and the same figures through Wijk, Gebied and Gemeente', async () => {
    const reeks = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-01-01", tot: "2025-12-31", per: KWARTAAL'));
    expect(reeks.gemeente.map((c) => c.periode)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(reeks.gemeente.map((c) => [c.van, c.tot])).toEqual([
      ['2025-01-01', '2025-03-31'], ['2025-04-01', '2025-06-30'], ['2025-07-01', '2025-09-30'], ['2025-10-01', '2025-12-31'],
    ]);
    const q3 = await haalNiveaus<Cijfers>(stack, beleid, VELD('van: "2025-07-01", tot: "2025-09-30"'));
    const zonderLabel = ({ periode: _p, ...rest }: Cijfers) => rest;
    expect(zonderLabel(reeks.gemeente[2]!)).toEqual(zonderLabel(q3.gemeente[0]!));
    for (const [code, x] of q3.wijken) expect(zonderLabel(reeks.wijken.get(code)![2]!)).toEqual(zonderLabel(x[0]!));
    // One wijk asked on its own gets the cell of the joint table, not a table of its own.
    const code = q3.indeling[0]!.code;
    const los = await stack.query(`{ wijk(code: "${code}") { x: ${VELD('van: "2025-07-01", tot: "2025-09-30"')} } }`, { token: beleid });
    expect(los.body.data!.wijk.x).toEqual(q3.wijken.get(code));
  });

  it('keeps Wijk.clientenBasisondersteuning the figure of today, from the same suppression', async () => {
    const vandaag = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const res = await stack.query('{ wijken { code clientenBasisondersteuning { waarde onderdrukt } } }', { token: beleid });
    expect(res.body.errors).toBeUndefined();
    const ex = await exacteTellingen(vandaag, vandaag);
    for (const w of res.body.data!.wijken) klopt(w.clientenBasisondersteuning, ex.clienten(w.code)[0]!, { threshold: T, rounding: R }, w.code);
    // A single day is not a period a client may ask for (differencing days would give residents away).
    const dag = await stack.query(`{ gemeente { ${VELD(`van: "${vandaag}", tot: "${vandaag}"`)} } }`, { token: beleid });
    expect(dag.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs a fixed number of SQL statements for one wijk and for all wijken, gebieden and the gemeente', async () => {
    const q = (sel: string) => stack.query(sel, { token: beleid });
    const veld = VELD('van: "2024-01-01", tot: "2025-12-31", per: MAAND');
    stack.database.statements.reset();
    expect((await q(`{ wijk(code: "WK008010") { x: ${veld} } }`)).body.errors).toBeUndefined();
    const een = stack.database.statements.reset();
    expect((await q(`{ gemeente { x: ${veld} gebieden { x: ${veld} wijken { x: ${veld} } } } wijken { x: ${veld} } }`)).body.errors).toBeUndefined();
    const alles = stack.database.statements.reset();
    // wijk list + wijk indeling + one figure statement (+ the lookup of the one wijk), whatever is asked.
    expect(een).toBeLessThanOrEqual(3);
    expect(alles).toBeLessThanOrEqual(3);
  });

  it('refuses bad periods with BAD_USER_INPUT naming the argument', async () => {
    for (const [args, veld] of [
      ['van: "2025-02-01", tot: "2025-01-01"', 'tot'],
      ['van: "2000-01-01", tot: "2025-01-01", per: MAAND', 'tot'],
      ['van: "2000-01-01", tot: "2025-01-01"', 'tot'],
      ['van: "2025-01-02", tot: "2025-01-31"', 'van'],
      ['van: "2025-01-01", tot: "2025-01-30"', 'tot'],
      ['van: "1899-01-01", tot: "1899-12-31"', 'van'],
      ['van: "0100-01-01", tot: "0100-01-31", per: MAAND', 'van'],
    ] as const) {
      const res = await stack.query(`{ gemeente { ${VELD(args)} } }`, { token: beleid });
      expect(res.body.errors?.[0]?.extensions?.code, args).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.extensions?.field, args).toBe(veld);
    }
    const res = await stack.query(`{ gemeente { ${VELD('van: "2025-13-01", tot: "2025-12-31"')} } }`, { token: beleid });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is refused to roles that act for one person, with no figures', async () => {
    for (const rol of ['inwoner', 'vrijwilliger', 'partner-systeem', 'fg'] as const) {
      const token = await stack.token({ rol, organisatie: DEV_ORGANISATIE[rol], sub: rol === 'inwoner' ? 'inw-0000000000000000' : undefined });
      const res = await stack.query(`{ gemeente { ${VELD('van: "2025-01-01", tot: "2025-01-31"')} } }`, { token });
      expect(res.body.errors?.[0]?.extensions?.code, rol).toBe(weigercode(rol));
      expect(JSON.stringify(res.body.data ?? null), rol).not.toContain('waarde');
    }
  });
});
