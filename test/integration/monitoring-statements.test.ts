/**
 * Issue 8: a monitoring query runs a small, fixed number of SQL statements per subgraph,
 * whatever the number of residents, wijken or providers. Every query of the registry
 * (scripts/monitoring-queries.ts, also measured by `npm run measure:monitoring`) runs on a
 * small seed and on a larger one that also has more wijken and one more provider (an
 * onderaannemer with a contract, toewijzingen and complaints), so a loader that queries
 * per wijk or per organisation shows up too, not only one that queries per resident.
 * Statements are counted per subgraph that issued them (test/support/statements.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MONITORING_QUERIES } from '../../scripts/monitoring-queries';
import { bootStack, type Stack } from '../support/stack';
import { meet, StatementsPerSubgraph, tokenVoor, type Meting } from '../support/statements';

const KLEIN = 300;
const GROOT = 1500;

/** More of everything a figure is grouped by: three wijken and an onderaannemer with work and complaints. */
async function groei(stack: Stack) {
  await stack.database.execute(`
    insert into basisondersteuning.wijk (code, gemeente_code, naam, gebied) values
      ('WK008090', 'GM0080', 'Testwijk Noord', 'Noord'), ('WK008091', 'GM0080', 'Testwijk Zuid', 'Zuid'), ('WK008092', 'GM0080', 'Testwijk West', 'West');
    insert into financien.organisatie (id, gemeente_code, naam, soort) values ('oa-test', 'GM0080', 'Testaanbieder', 'ONDERAANNEMER');
    insert into financien.contract (id, gemeente_code, organisatie_id, perceel, rol, hoofdaanbieder_id, ingangsdatum)
      values ('gm0080-ct-test', 'GM0080', 'oa-test', 'THUISONDERSTEUNING_DAGBESTEDING', 'ONDERAANNEMER', 'windkracht058', '2021-01-01');
    update aanvullende_ondersteuning.toewijzing set onderaannemer_id = 'oa-test', wijk_code = 'WK008090'
      where id in (select id from aanvullende_ondersteuning.toewijzing where status in ('gestart', 'gestopt') order by id limit 25);
    insert into financien.klacht (id, gemeente_code, organisatie_id, perceel, route, status, ingediend_op, afgehandeld_op, gegrond)
      select 'kl-test-' || n, 'GM0080', 'oa-test', 'THUISONDERSTEUNING_DAGBESTEDING', 'AANBIEDER', 'AFGEHANDELD',
        date '2024-01-10' + n * 40, date '2024-01-10' + n * 40 + 20, n % 2 = 0
      from generate_series(1, 15) n;`);
}

/** Boots a stack of `inwoners`, optionally grows it, and counts every registry query (after one warm-up run). */
async function meetAlles(inwoners: number, voorbereiden?: (stack: Stack) => Promise<void>): Promise<Map<string, Meting>> {
  const teller = new StatementsPerSubgraph();
  const stack = await bootStack({ inwoners, onQuery: teller.onQuery });
  teller.attach(stack.platform);
  try {
    await voorbereiden?.(stack);
    const uitkomst = new Map<string, Meting>();
    for (const q of MONITORING_QUERIES) {
      const token = await tokenVoor(stack, q);
      await meet(stack, teller, q, token);
      uitkomst.set(q.naam, await meet(stack, teller, q, token));
    }
    return uitkomst;
  } finally {
    await stack.stop();
  }
}

let klein: Map<string, Meting>;
let groot: Map<string, Meting>;

beforeAll(async () => {
  klein = await meetAlles(KLEIN);
  groot = await meetAlles(GROOT, groei);
}, 120_000);

describe('monitoring queries: SQL statements per subgraph do not grow with the data', () => {
  it('has unique names in the registry', () => {
    expect(new Set(MONITORING_QUERIES.map((q) => q.naam)).size).toBe(MONITORING_QUERIES.length);
  });

  it.each(MONITORING_QUERIES.map((q) => [q.naam]))('%s', (naam) => {
    const a = klein.get(naam)!;
    const b = groot.get(naam)!;
    expect(a.errors, `${naam} on ${KLEIN} residents`).toBeUndefined();
    expect(b.errors, `${naam} on ${GROOT} residents`).toBeUndefined();
    expect(a.totaal, 'the query reads the database').toBeGreaterThan(0);
    expect(b.perSubgraph, `statements per subgraph: ${KLEIN} residents ${JSON.stringify(a.perSubgraph)}, ${GROOT} residents and more wijken and providers ${JSON.stringify(b.perSubgraph)}`)
      .toEqual(a.perSubgraph);
  });
});
