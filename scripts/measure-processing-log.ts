/**
 * npm run measure:logboek [-- --inwoners 2000 --requests 300]
 * What the processing log costs: boots the stack in process (PGlite, or the database of
 * TEST_DATABASE_URL), then measures
 *  (a) the latency of a resident dossier across three subgraphs through the gateway,
 *      which writes one log record in each;
 *  (b) one log write as a subgraph makes it (one INSERT, one resident, eight fields).
 * Two of the three subgraph calls are sequential in the query plan, so the log adds
 * about 2 x (b) to (a). Prints a small table; reports only, asserts nothing.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { bootStack } from '../test/support/stack';
import { loadPseudonymKey } from '../subgraphs/shared/keys';
import { schrijfVerwerkingen, STATUS, VerwerkingenCollector, verwerkingRecords } from '../subgraphs/shared/verwerkingen';

const { values } = parseArgs({ options: { inwoners: { type: 'string', default: '2000' }, requests: { type: 'string', default: '300' } } });
const inwoners = Number(values.inwoners);
const requests = Number(values.requests);
if (!Number.isInteger(inwoners) || inwoners < 100 || !Number.isInteger(requests) || requests < 10) {
  console.error('Usage: npm run measure:logboek -- [--inwoners 100..100000] [--requests >=10]');
  process.exit(2);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => n.toFixed(2);

process.stderr.write(`seeding ${inwoners} residents and starting the stack...\n`);
const stack = await bootStack({ inwoners });
try {
  const [x] = await stack.rows<{ id: string }>(sql`select i.id from basisondersteuning.inwoner i
    where exists (select 1 from aanvullende_ondersteuning.toewijzing t where t.inwoner_id = i.id)
    and exists (select 1 from huishoudelijke_hulp.indicatie h where h.inwoner_id = i.id) order by i.id limit 1`);
  const token = await stack.token({ rol: 'gemeente-consulent', expiresIn: '1h' });
  const dossier = `{ inwoner(id: "${x!.id}") { voornaam achternaam adres { straat } toewijzingen { product status } huishoudelijkeHulp { minutenPerWeek } } }`;

  const latencies: number[] = [];
  for (let i = 0; i < requests + 30; i++) {
    const t0 = performance.now();
    const res = await stack.query(dossier, { token });
    if (res.body.errors) throw new Error(`dossier failed: ${JSON.stringify(res.body.errors)}`);
    if (i >= 30) latencies.push(performance.now() - t0);
    if (i % 50 === 0) process.stderr.write(`dossier ${i}/${requests + 30}\r`);
  }
  latencies.sort((a, b) => a - b);

  const key = loadPseudonymKey(stack.config);
  const scope = { sub: 'measure', rol: 'gemeente-consulent' as const, organisatie: null, gemeente: 'GM0080', doel: 'toegang-en-beschikking', traceId: 'f'.repeat(32) };
  const writes: number[] = [];
  for (let i = 0; i < requests + 30; i++) {
    const c = new VerwerkingenCollector('e'.repeat(16), key);
    for (const f of ['Inwoner.id', 'Inwoner.voornaam', 'Inwoner.achternaam', 'Inwoner.adres', 'Adres.straat', 'Inwoner.toewijzingen', 'Toewijzing.product', 'Toewijzing.status']) {
      c.betrokkene(x!.id, f, 4);
    }
    const t0 = performance.now();
    await schrijfVerwerkingen(stack.database.db, verwerkingRecords(key, c, { dienst: 'measure', naam: 'query inwoner', soort: 'lezen', status: STATUS.OK, scope }));
    if (i >= 30) writes.push(performance.now() - t0);
  }
  writes.sort((a, b) => a - b);
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

  console.log(`\nProcessing log cost (${stack.database.kind}, ${inwoners} residents, ${requests} requests each)\n`);
  console.log('| measure | p50 ms | p95 ms | mean ms |');
  console.log('|---|---|---|---|');
  console.log(`| dossier through the gateway (3 subgraphs, 3 log writes) | ${ms(pct(latencies, 50))} | ${ms(pct(latencies, 95))} | ${ms(mean(latencies))} |`);
  console.log(`| one log write (1 INSERT, 1 resident, 8 fields) | ${ms(pct(writes, 50))} | ${ms(pct(writes, 95))} | ${ms(mean(writes))} |`);
  console.log(`\nEstimated share of the log in the dossier's latency (2 sequential writes): ${((200 * pct(writes, 50)) / pct(latencies, 50)).toFixed(1)}% at p50`);
} finally {
  await stack.stop();
}
