/**
 * The bench's subgraph host: a child process of scripts/bench/cli.ts (never started
 * otherwise). One fresh database seeded at one scale, and every subgraph twice on free
 * loopback ports: guarded, exactly as in production, and unguarded (`guards: false`),
 * serving the caller the bench sets for the query under test. Both sets live in this one
 * process because the embedded database has one owner; only one set is under load at a
 * time, so this process's CPU time is the subgraphs' CPU time.
 *
 * It counts SQL statements per subgraph (drizzle's onQuery hook) and answers the bench
 * over the IPC channel only.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { seed } from '../../db/seed/generate';
import { progressPrinter } from '../../db/seed/progress';
import { startSubgraphs, stopSubgraphs } from '../../gateway/src/platform';
import { SUBGRAPHS } from '../../subgraphs/list';
import { loadConfigOrExit } from '../../subgraphs/shared/config';
import { createLogger } from '../../subgraphs/shared/logger';
import { freshDatabase } from '../../test/support/stack';
import { StatementsPerSubgraph } from '../../test/support/statements';
import { readFixtures } from './fixtures';
import type { Caller, HostInit, HostMessage, HostRequest, StatementCount } from './protocol';

const send = (message: HostMessage) => process.send!(message);

async function main(init: HostInit) {
  const config = loadConfigOrExit();
  const log = createLogger('bench-subgraphs', config.LOG_LEVEL);
  const teller = new StatementsPerSubgraph();
  // On PostgreSQL one pool serves the six subgraphs of this process: as many connections as
  // six subgraph processes of their own would have.
  const { database, drop } = await freshDatabase(teller.onQuery, {
    adminUrl: init.adminUrl, pgliteDir: init.pgliteDir, prefix: 'wmo_bench', poolSize: config.DATABASE_POOL_SIZE * SUBGRAPHS.length,
  });
  const t0 = performance.now();
  await database.migrate();
  const t1 = performance.now();
  const seeded = await seed(database.db, { inwoners: init.inwoners, onProgress: init.quiet ? undefined : progressPrinter() });
  // As autovacuum would after a bulk load: plans at 100,000 residents depend on statistics.
  await database.db.execute(sql`analyze`);
  const fixtures = await readFixtures(database.db);
  const t2 = performance.now();

  let caller: Caller | undefined;
  const guarded = await startSubgraphs(config, database, log, true);
  const unguarded = await startSubgraphs(config, database, log, true, {
    guards: false,
    scope: () => {
      if (!caller) throw new Error('bench: no caller set for the unguarded subgraphs');
      return caller;
    },
  });
  teller.attach(guarded);
  teller.attach(unguarded);
  let connections = 0;
  for (const service of [...guarded.subgraphs, ...unguarded.subgraphs]) service.server.on('connection', () => (connections += 1));
  database.statements.reset();
  teller.reset();

  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= (async () => {
    await stopSubgraphs([...guarded.subgraphs, ...unguarded.subgraphs]);
    await database.close();
    await drop();
  })());
  process.on('message', (raw: HostRequest) => {
    void (async () => {
      let result: unknown = null;
      if (raw.type === 'statements') {
        result = { total: database.statements.reset(), perSubgraph: teller.reset(), connections } satisfies StatementCount;
        connections = 0;
      } else if (raw.type === 'caller') {
        caller = raw.caller;
      } else if (raw.type === 'stop') {
        await stop();
      }
      send({ type: 'reply', id: raw.id, result });
      if (raw.type === 'stop') process.disconnect();
    })();
  });
  // The bench went away without stopping us: do not linger as an orphan holding the database.
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));

  send({
    type: 'ready',
    database: database.kind,
    urls: { guarded: guarded.subgraphUrls, unguarded: unguarded.subgraphUrls },
    fixtures,
    seeded,
    timings: { migrateS: (t1 - t0) / 1000, seedS: (t2 - t1) / 1000, startS: (performance.now() - t2) / 1000 },
  });
}

main(JSON.parse(process.argv[2] ?? '{}') as HostInit).catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
  process.disconnect();
});
