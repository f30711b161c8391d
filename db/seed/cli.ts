/**
 * npm run db:seed [-- --inwoners N] [--reset | --if-empty]
 * Migrates, then fills the database with deterministic Leeuwarden data. Refuses to
 * seed twice unless --reset (which empties every table first); --if-empty seeds only
 * an empty database and otherwise exits 0 (docker-compose init). Runs in one
 * transaction: a failure leaves the database as it was.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../subgraphs/shared/config';
import { createLogger } from '../../subgraphs/shared/logger';
import { openConfiguredDatabase } from '../../subgraphs/shared/deps';
import { isSeeded, seed, truncateAll } from './generate';
import { progressPrinter } from './progress';

let args;
try {
  args = parseArgs({ options: { inwoners: { type: 'string' }, reset: { type: 'boolean', default: false }, 'if-empty': { type: 'boolean', default: false } } }).values;
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run db:seed -- [--inwoners N] [--reset | --if-empty]`);
  process.exit(2);
}
if (args.reset && args['if-empty']) {
  console.error('--reset and --if-empty exclude each other: choose one.');
  process.exit(2);
}
let config;
try {
  config = loadConfig({ ...process.env, ...(args.inwoners !== undefined ? { SEED_INWONERS: args.inwoners } : {}) });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message.replace('SEED_INWONERS', '--inwoners (SEED_INWONERS)'));
    process.exit(2);
  }
  throw error;
}
const log = createLogger('seed', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
const database = await openConfiguredDatabase(config, log);
try {
  await database.migrate();
  let skip = false;
  if (await isSeeded(database.db)) {
    if (args['if-empty']) {
      console.error('The database already holds seed data; nothing to do (--if-empty).');
      skip = true;
    } else if (!args.reset) {
      console.error('The database already holds seed data. Use --reset to empty it and seed again.');
      process.exitCode = 1;
    } else {
      console.error('Emptying all tables (--reset)...');
    }
  }
  if (!skip && process.exitCode !== 1) {
    const started = Date.now();
    const summary = await database.db.transaction(async (tx) => {
      if (args.reset) await truncateAll(tx);
      return seed(tx, { inwoners: config.SEED_INWONERS, onProgress: progressPrinter() });
    });
    console.error(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`);
  }
} finally {
  await database.close();
}
