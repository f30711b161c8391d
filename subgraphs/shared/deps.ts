import type { Database } from '../../db/client';
import { openDatabase } from '../../db/client';
import type { Config } from './config';
import type { SubgraphDeps } from './context';
import { loadInternalVerifyKey, loadPseudonymKey } from './keys';
import type { Lifecycle } from './lifecycle';
import type { Logger } from './logger';

export async function openConfiguredDatabase(config: Config, log: Logger): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    onQuery: config.LOG_LEVEL === 'trace' ? (sql) => log.trace({ sql }, 'sql') : undefined,
  });
  log.info({ database: database.kind }, 'database opened');
  return database;
}

export function subgraphDeps(config: Config, database: Database, log: Logger, lifecycle: Lifecycle): SubgraphDeps {
  return {
    db: database.db,
    log,
    suppression: { threshold: config.SUPPRESSION_THRESHOLD, rounding: config.SUPPRESSION_ROUNDING },
    internalVerifyKey: loadInternalVerifyKey(config),
    internalTokenMaxAgeSeconds: config.INTERNAL_TOKEN_TTL_SECONDS,
    pseudonymKey: loadPseudonymKey(config),
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    production: config.NODE_ENV === 'production',
    lifecycle,
    readinessTimeoutMs: config.READINESS_TIMEOUT_MS,
    metrics: config.METRICS_ENABLED,
    pool: database.pool,
  };
}
