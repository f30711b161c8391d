/** npm run db:migrate: applies db/migrations to the configured database. */
import { loadConfigOrExit } from '../subgraphs/shared/config';
import { createLogger } from '../subgraphs/shared/logger';
import { openConfiguredDatabase } from '../subgraphs/shared/deps';

const config = loadConfigOrExit();
const database = await openConfiguredDatabase(config, createLogger('migrate', 'warn'));
try {
  await database.migrate();
  console.log(`Migrations applied (${database.kind}).`);
} finally {
  await database.close();
}
