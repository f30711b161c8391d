import type { Db, PoolUsage } from '../../db/client';
import type { Lifecycle } from './lifecycle';
import type { Logger } from './logger';
import type { SuppressionRule } from './suppression';
import type { Scope } from './tokens';
import type { VerwerkingenCollector } from './verwerkingen';

/** Per-request context of a subgraph resolver. */
export interface SubgraphContext<L = unknown> {
  scope: Scope;
  db: Db;
  loaders: L;
  log: Logger;
  suppression: SuppressionRule;
  /** The processing log of this request (personal data read or changed). */
  verwerkingen: VerwerkingenCollector;
}

/** What a subgraph needs from its host process; tests pass their own. */
export interface SubgraphDeps {
  db: Db;
  log: Logger;
  suppression: SuppressionRule;
  internalVerifyKey: import('node:crypto').KeyObject;
  /** Maximum age of an internal token (its ttl; jose adds 5 s clock tolerance): bounds the replay window. */
  internalTokenMaxAgeSeconds: number;
  /** Key of the keyed pseudonyms in the processing log. */
  pseudonymKey: import('node:crypto').KeyObject;
  bodyLimitBytes: number;
  production: boolean;
  /** Shared by the services of the process: a shutdown makes them not ready. */
  lifecycle: Lifecycle;
  /** How long the database may take to answer /health/ready. */
  readinessTimeoutMs: number;
  /** METRICS_ENABLED: a registry and GET /metrics per subgraph. */
  metrics: boolean;
  /** The database client's connections in use, reported as db_pool_*. */
  pool?: PoolUsage;
}
