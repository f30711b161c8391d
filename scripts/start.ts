/**
 * npm start: the whole platform in one process on the embedded database (or on
 * DATABASE_URL): dev keys, migrations, seed on first start, five subgraphs, gateway.
 */
import { startPlatform } from '../gateway/src/platform';
import { isSeeded, seed } from '../db/seed/generate';
import { progressPrinter } from '../db/seed/progress';
import { loadConfigOrExit } from '../subgraphs/shared/config';
import { openConfiguredDatabase } from '../subgraphs/shared/deps';
import { ensureDevKeys } from '../subgraphs/shared/keys';
import { exitOnSignals } from '../subgraphs/shared/lifecycle';
import { createLogger } from '../subgraphs/shared/logger';

const config = loadConfigOrExit();
const log = createLogger('wmo-platform', config.LOG_LEVEL);
if (config.NODE_ENV !== 'production') {
  const written = ensureDevKeys(config.KEYS_DIR);
  if (written.length > 0) log.info({ dir: config.KEYS_DIR }, 'generated dev key pairs (kept out of git)');
}
const database = await openConfiguredDatabase(config, log);
await database.migrate();
if (!(await isSeeded(database.db))) {
  log.info({ inwoners: config.SEED_INWONERS }, 'empty database: seeding (first start)');
  const summary = await database.db.transaction((tx) => seed(tx, { inwoners: config.SEED_INWONERS, onProgress: progressPrinter() }));
  log.info(summary, 'seeded');
}
const platform = await startPlatform(config, database, log);
log.info({ subgraphs: platform.subgraphUrls }, `gateway ready at ${platform.gatewayUrl}`);

exitOnSignals(() => platform.stop(() => database.close()), log);
